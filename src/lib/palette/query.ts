// What the command palette does with the text typed: a server search for workspaces, and a local
// ranking of everything it lists (pages, workspaces, actions). "stop dev" finds the Stop action
// on `dev`; "bob/api" finds bob's `api-server`.

export interface PaletteQuery {
  /** Lower-cased words, for ranking. */
  words: string[];
  /** Coder search query for `GET /workspaces?q=` ("" lists the first page). */
  serverQuery: string;
}

/** Words that name an action or a page rather than part of a workspace's name. */
const COMMAND_WORDS = new Set(["start", "stop", "restart", "update", "open", "builds", "build", "history", "timings"]);

/** Workspace and user names are letters, digits, `-` and `_`; anything else would change the search's meaning. */
const clean = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "");

export function parsePaletteQuery(text: string): PaletteQuery {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  // One name term: Coder refuses a repeated `name:` key, and a second word is usually a command.
  const term = words.find((w) => !COMMAND_WORDS.has(w));
  if (!term) return { words, serverQuery: "" };
  const slash = term.indexOf("/");
  if (slash >= 0) {
    const owner = clean(term.slice(0, slash));
    const name = clean(term.slice(slash + 1));
    return { words, serverQuery: [owner && `owner:${owner}`, name && `name:${name}`].filter(Boolean).join(" ") };
  }
  const name = clean(term);
  return { words, serverQuery: name ? `name:${name}` : "" };
}

/**
 * How well an item's text matches the typed words: every word must appear (else 0); a word that
 * starts the text or one of its words counts more than one found inside a word.
 */
export function matchScore(words: readonly string[], text: string): number {
  if (words.length === 0) return 1;
  const haystack = text.toLowerCase();
  const starts = haystack.split(/[\s/·#-]+/);
  let score = 0;
  for (const word of words) {
    const at = haystack.indexOf(word);
    if (at < 0) return 0;
    score += at === 0 ? 3 : starts.some((s) => s.startsWith(word)) ? 2 : 1;
  }
  return score;
}

/** The items that match, best first; equal scores keep their given order. */
export function rankItems<T>(items: readonly T[], words: readonly string[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(words, textOf(item)) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.item);
}
