export interface Span {
  start: number;
  end: number;
}

export interface IdleGap extends Span {
  duration: number;
}

/** Spans inside [from, to] where no item ran: the complement of the union of the items. */
export function idleGaps(items: readonly Span[], from?: number, to?: number): IdleGap[] {
  if (items.length === 0) return [];
  // Trees keep their items sorted by start; only copy and sort when given something else.
  const sorted = isSortedByStart(items) ? items : [...items].sort((a, b) => a.start - b.start);
  const lo = from ?? sorted[0].start;
  let hi = to ?? -Infinity;
  if (to === undefined) for (const s of sorted) if (s.end > hi) hi = s.end;
  const gaps: IdleGap[] = [];
  let covered = lo;
  for (const s of sorted) {
    if (s.start > covered) gaps.push(gap(covered, Math.min(s.start, hi)));
    if (s.end > covered) covered = s.end;
    if (covered >= hi) break;
  }
  if (covered < hi) gaps.push(gap(covered, hi));
  return gaps.filter((g) => g.duration > 0);
}

export function totalDuration(spans: readonly IdleGap[]): number {
  return spans.reduce((sum, g) => sum + g.duration, 0);
}

function isSortedByStart(items: readonly Span[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i].start < items[i - 1].start) return false;
  return true;
}

function gap(start: number, end: number): IdleGap {
  return { start, end, duration: end - start };
}
