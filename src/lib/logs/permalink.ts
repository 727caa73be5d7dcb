// `#L120` and `#L120-L140`: 1-based line numbers in the full, unfiltered log (docs/conventions.md).

export interface LineRange {
  /** 1-based, inclusive; start ≤ end. */
  start: number;
  end: number;
}

const HASH = /^#?L(\d+)(?:-L?(\d+))?$/;

/** Parses a location hash; null when it is not a line reference. A reversed range is put in order. */
export function parseLineHash(hash: string): LineRange | null {
  const m = HASH.exec(hash.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 1 || b < 1) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

export function formatLineHash(range: LineRange): string {
  return range.start === range.end ? `#L${range.start}` : `#L${range.start}-L${range.end}`;
}

/** The range a click makes: shift-click extends from the current anchor, a plain click selects one line. */
export function rangeForClick(line: number, anchor: number | null, shift: boolean): LineRange {
  if (!shift || anchor === null) return { start: line, end: line };
  return { start: Math.min(anchor, line), end: Math.max(anchor, line) };
}
