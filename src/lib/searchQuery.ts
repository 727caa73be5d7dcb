// Coder's workspace search language (`owner:me status:running name:"a b" foo`), parsed the way
// coderd's searchquery does: whitespace separates terms except inside double quotes, the first
// unquoted `:` separates key from value, keys are case-insensitive, a bare word means `name:`.
// The client never rejects anything: unknown keys and bad values go to the server, whose 400
// `validations` the page shows (docs/coder-api.md). Parsing here serves presets, the owner column and
// naming the bad term, not validation.

export interface SearchTerm {
  /** Lower-cased key, or null for a bare word (which the server reads as `name:`). */
  key: string | null;
  /** Without the quotes. May be empty (`owner:`), which the server rejects, not us. */
  value: string;
}

/** Keys the workspace search understands (docs/coder-api.md; `outdated:` is newer and may 400 on old servers). */
export const KNOWN_KEYS = [
  "owner",
  "template",
  "name",
  "status",
  "has-agent",
  "dormant",
  "last_used_before",
  "last_used_after",
  "outdated",
] as const;
export type KnownKey = (typeof KNOWN_KEYS)[number];

export function isKnownKey(key: string | null): key is KnownKey {
  return key !== null && (KNOWN_KEYS as readonly string[]).includes(key);
}

/** Splits on `delimiter` outside double quotes; quotes are kept so a second pass still sees them. */
function splitOutsideQuotes(input: string, isDelimiter: (ch: string) => boolean, limit = Infinity): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && isDelimiter(ch) && parts.length < limit - 1) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

const unquote = (text: string) => text.replaceAll('"', "");

export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const element of splitOutsideQuotes(query, (ch) => /\s/.test(ch))) {
    if (!element) continue;
    const [key, value] = splitOutsideQuotes(element, (ch) => ch === ":", 2);
    if (value === undefined) {
      terms.push({ key: null, value: unquote(element) });
    } else {
      terms.push({ key: unquote(key).toLowerCase(), value: unquote(value) });
    }
  }
  return terms;
}

/** Quotes a value only when it would otherwise split or change meaning. */
function formatValue(value: string): string {
  return /[\s:]/.test(value) ? `"${value}"` : value;
}

export function formatSearchTerm(term: SearchTerm): string {
  if (term.key === null) return formatValue(term.value);
  return `${formatValue(term.key)}:${formatValue(term.value)}`;
}

export function formatSearchQuery(terms: readonly SearchTerm[]): string {
  return terms
    .filter((t) => t.key !== null || t.value !== "")
    .map(formatSearchTerm)
    .join(" ");
}

/** Values of a key, bare words counting as `name`. */
export function termValues(terms: readonly SearchTerm[], key: string): string[] {
  const wanted = key.toLowerCase();
  return terms.filter((t) => (t.key ?? "name") === wanted).map((t) => t.value);
}

/** Replaces every term of `key` with one `key:value` (or removes them when value is null). */
export function withTerm(query: string, key: string, value: string | null): string {
  const wanted = key.toLowerCase();
  const kept = parseSearchQuery(query).filter((t) => (t.key ?? "name") !== wanted);
  return formatSearchQuery(value === null ? kept : [...kept, { key: wanted, value }]);
}

/** True when the query limits results to the caller's own workspaces (`owner:me` only). */
export function isOwnWorkspacesOnly(query: string): boolean {
  const owners = termValues(parseSearchQuery(query), "owner");
  return owners.length > 0 && owners.every((v) => v.toLowerCase() === "me");
}

/**
 * The terms a server validation names. Coder reports the query key as `field` (`status`, or `q`
 * for a malformed element); a `q` validation quotes the element, so match on that too.
 */
export function termsForValidation(query: string, field: string, detail: string): string[] {
  const terms = parseSearchQuery(query);
  const byKey = terms.filter((t) => t.key !== null && t.key === field.toLowerCase()).map(formatSearchTerm);
  if (byKey.length > 0) return byKey;
  const raw = splitOutsideQuotes(query, (ch) => /\s/.test(ch)).filter(Boolean);
  return raw.filter((element) => detail.includes(`"${element}"`));
}

// ---- Presets ----------------------------------------------------------------------------------

export interface SearchPreset {
  id: "mine" | "all" | "running" | "failed" | "outdated" | "dormant";
  label: string;
  query: string;
}

/** Coder's own presets: each is a whole query, not a term added to the current one. */
export const SEARCH_PRESETS: readonly SearchPreset[] = [
  { id: "mine", label: "My workspaces", query: "owner:me" },
  { id: "all", label: "All workspaces", query: "" },
  { id: "running", label: "Running workspaces", query: "status:running" },
  { id: "failed", label: "Failed workspaces", query: "status:failed" },
  { id: "outdated", label: "Outdated workspaces", query: "outdated:true" },
  { id: "dormant", label: "Dormant workspaces", query: "dormant:true" },
];

/** Order- and case-insensitive identity of a query, so `Status:Running` is the Running preset. */
function canonical(query: string): string {
  return parseSearchQuery(query)
    .map((t) => formatSearchTerm({ key: t.key ?? "name", value: t.value.toLowerCase() }))
    .sort()
    .join(" ");
}

export function detectPreset(query: string): SearchPreset | undefined {
  const wanted = canonical(query);
  return SEARCH_PRESETS.find((p) => canonical(p.query) === wanted);
}
