// Parameter descriptions are markdown written by template authors. Only a safe inline subset is
// rendered (bold, italics, code, http(s) links); everything else stays text, so no HTML ever runs.

export type InlineToken =
  | { kind: "text"; text: string }
  | { kind: "strong" | "em" | "code"; text: string }
  | { kind: "link"; text: string; href: string };

// Underscores emphasize only between word boundaries, as in CommonMark: `disk_size_gb` and
// `window.__x` stay as written.
const PATTERN = /\*\*([^*]+)\*\*|`([^`]+)`|\*([^*]+)\*|(?<!\w)_([^_]+)_(?!\w)|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

export function inlineMarkdown(source: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  let last = 0;
  for (const m of source.matchAll(PATTERN)) {
    if (m.index > last) tokens.push({ kind: "text", text: source.slice(last, m.index) });
    if (m[1] !== undefined) tokens.push({ kind: "strong", text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: "code", text: m[2] });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ kind: "em", text: m[3] ?? m[4] });
    else tokens.push({ kind: "link", text: m[5], href: m[6] });
    last = m.index + m[0].length;
  }
  if (last < source.length) tokens.push({ kind: "text", text: source.slice(last) });
  return tokens;
}
