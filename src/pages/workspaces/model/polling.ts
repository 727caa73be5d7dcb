// Live list (issue 6): poll every 5 s while any visible row is transitioning, every 30 s
// otherwise, not at all while the tab is hidden; and watch (at most) the visible transitioning
// rows so their status changes show within a second instead of at the next poll.
import type { Workspace } from "../../../api/types";
import { isTransitioning } from "../../../lib/workspace/rowActions";

export const FAST_POLL_MS = 5_000;
export const SLOW_POLL_MS = 30_000;
/** Watch streams open at once; a page has 25 rows, so this only bites on oversized pages. */
export const MAX_WATCHED_ROWS = 25;

export { isTransitioning };

/** react-query `refetchInterval`: false pauses polling. */
export function pollInterval(visible: readonly Workspace[], documentHidden: boolean): number | false {
  if (documentHidden) return false;
  return visible.some((ws) => isTransitioning(ws.latest_build.status)) ? FAST_POLL_MS : SLOW_POLL_MS;
}

/** Ids of the visible rows worth a watch stream, in row order, capped. */
export function watchTargets(visible: readonly Workspace[], max = MAX_WATCHED_ROWS): string[] {
  return visible
    .filter((ws) => isTransitioning(ws.latest_build.status))
    .slice(0, max)
    .map((ws) => ws.id);
}
