// Lays one row out for rendering: ANSI segments cut at link and search-match boundaries.
// The result is data (text + style numbers + href); the component turns it into spans/links.

import type { AnsiSegment } from "./ansi";
import type { LinkRange } from "./linkify";

export const MATCH_NONE = 0;
export const MATCH = 1;
export const MATCH_CURRENT = 2;

export interface RowPiece {
  text: string;
  fg: number;
  bg: number;
  flags: number;
  match: number;
}

export interface RowChunk {
  /** Safe http(s) URL when these pieces form a link. */
  href: string | null;
  pieces: RowPiece[];
}

export interface MatchRange {
  start: number;
  end: number;
  current: boolean;
}

/** `links` and `matches` are sorted and non-overlapping among themselves, offsets in visible text. */
export function layoutRow(
  segments: readonly AnsiSegment[],
  links: readonly LinkRange[],
  matches: readonly MatchRange[],
): RowChunk[] {
  const cuts = new Set<number>();
  for (const l of links) cuts.add(l.start).add(l.end);
  for (const m of matches) cuts.add(m.start).add(m.end);
  const sortedCuts = [...cuts].sort((a, b) => a - b);

  const chunks: RowChunk[] = [];
  let li = 0;
  let mi = 0;
  let ci = 0;
  let offset = 0;
  for (const seg of segments) {
    const segEnd = offset + seg.text.length;
    let pos = offset;
    while (pos < segEnd) {
      while (ci < sortedCuts.length && sortedCuts[ci] <= pos) ci++;
      const next = ci < sortedCuts.length ? Math.min(sortedCuts[ci], segEnd) : segEnd;
      while (li < links.length && links[li].end <= pos) li++;
      while (mi < matches.length && matches[mi].end <= pos) mi++;
      const link = li < links.length && links[li].start <= pos ? links[li] : null;
      const m = mi < matches.length && matches[mi].start <= pos ? matches[mi] : null;
      const piece: RowPiece = {
        text: seg.text.slice(pos - offset, next - offset),
        fg: seg.fg,
        bg: seg.bg,
        flags: seg.flags,
        match: m ? (m.current ? MATCH_CURRENT : MATCH) : MATCH_NONE,
      };
      const href = link ? link.href : null;
      const last = chunks[chunks.length - 1];
      // Two adjacent links stay separate even when they point to the same place.
      const sameChunk =
        last && last.href === href && (href === null || (link !== null && last.pieces.length > 0 && pos > link.start));
      if (sameChunk) last.pieces.push(piece);
      else chunks.push({ href, pieces: [piece] });
      pos = next;
    }
    offset = segEnd;
  }
  return chunks;
}
