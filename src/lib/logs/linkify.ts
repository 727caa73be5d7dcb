// URLs in log text: only http and https become links, so `javascript:`/`data:` never do.

export interface LinkRange {
  start: number;
  end: number;
  href: string;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+/gi;
const TRAILING = /[.,;:!?'"*]+$/;

/** Strips sentence punctuation and an unbalanced closing bracket from a matched URL's end. */
function trimUrl(url: string): string {
  let out = url.replace(TRAILING, "");
  for (const [open, close] of [
    ["(", ")"],
    ["[", "]"],
  ] as const) {
    while (out.endsWith(close) && count(out, close) > count(out, open)) out = out.slice(0, -1).replace(TRAILING, "");
  }
  return out;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

export function findLinks(text: string): LinkRange[] {
  if (!text.includes("://")) return [];
  const out: LinkRange[] = [];
  URL_PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_PATTERN.exec(text)) !== null) {
    const url = trimUrl(m[0]);
    const href = safeHref(url);
    if (href) out.push({ start: m.index, end: m.index + url.length, href });
  }
  return out;
}

/** The normalised URL when it parses as http(s) with a host; otherwise null. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
    return url.href;
  } catch {
    return null;
  }
}
