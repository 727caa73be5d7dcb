// DataTable's pure logic (sorting, range selection, row movement), kept apart so it can be unit tested.
import { LOCALE } from "../lib/format";

export type SortDirection = "asc" | "desc";

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export type SortValue = string | number | boolean | undefined | null;

const collator = new Intl.Collator(LOCALE, { numeric: true, sensitivity: "base" });

function compareValues(a: SortValue, b: SortValue): number {
  const aMissing = a === undefined || a === null || a === "";
  const bMissing = b === undefined || b === null || b === "";
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  return Number(a) - Number(b);
}

/**
 * Stable sort by one column. Missing values go last in both directions, so "no deadline" rows never
 * crowd the top of a descending sort.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection): T[] {
  const sign = direction === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((x, y) => {
      const xMissing = x.key === undefined || x.key === null || x.key === "";
      const yMissing = y.key === undefined || y.key === null || y.key === "";
      if (xMissing !== yMissing) return xMissing ? 1 : -1;
      return sign * compareValues(x.key, y.key) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export function nextSort(
  current: SortState | null | undefined,
  columnId: string,
  initial: SortDirection = "asc",
): SortState {
  if (current?.columnId === columnId) return { columnId, direction: current.direction === "asc" ? "desc" : "asc" };
  return { columnId, direction: initial };
}

/**
 * Shift-click selection: every row between the anchor and the target (inclusive, in display order)
 * takes the target's new state. Without an anchor on screen it is a plain toggle of the target.
 */
export function selectRange(
  selected: ReadonlySet<string>,
  orderedIds: readonly string[],
  anchorId: string | null,
  targetId: string,
): Set<string> {
  const next = new Set(selected);
  const select = !selected.has(targetId);
  const from = anchorId === null ? -1 : orderedIds.indexOf(anchorId);
  const to = orderedIds.indexOf(targetId);
  if (from < 0 || to < 0) {
    if (select) next.add(targetId);
    else next.delete(targetId);
    return next;
  }
  const [lo, hi] = from < to ? [from, to] : [to, from];
  for (let i = lo; i <= hi; i++) {
    if (select) next.add(orderedIds[i]);
    else next.delete(orderedIds[i]);
  }
  return next;
}

/** j/k movement, clamped to the rows; from "no active row" the first press lands on the first row. */
export function moveIndex(current: number, delta: number, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + delta));
}

export type HeaderCheckState = "none" | "some" | "all";

export function headerCheckState(selected: ReadonlySet<string>, ids: readonly string[]): HeaderCheckState {
  let count = 0;
  for (const id of ids) if (selected.has(id)) count++;
  if (count === 0) return "none";
  return count === ids.length ? "all" : "some";
}

/**
 * The header checkbox: selects every shown row, or, when all are selected, unselects them. Ids
 * that are not shown (a list can keep rows selected on other pages) are left as they are.
 */
export function toggleAllShown(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  if (headerCheckState(selected, ids) !== "all") return new Set([...selected, ...ids]);
  const shown = new Set(ids);
  return new Set([...selected].filter((id) => !shown.has(id)));
}
