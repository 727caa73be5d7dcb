// "Next error" / "previous error": error lines are indexed by the store in line order.

import type { LogStore } from "./store";

/**
 * The first error line after `from` (direction 1) or the last one before it (direction -1),
 * optionally only in one group (an agent source tab); -1 when there is none.
 */
export function adjacentError(store: LogStore, from: number, direction: 1 | -1, group: number | null = null): number {
  const n = store.errors;
  // Binary search the first error index whose line is > from (or ≥ from going back).
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (direction === 1 ? store.errorLine(mid) <= from : store.errorLine(mid) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = direction === 1 ? lo : lo - 1; i >= 0 && i < n; i += direction) {
    const line = store.errorLine(i);
    if (group === null || store.groupOf(line) === group) return line;
  }
  return -1;
}
