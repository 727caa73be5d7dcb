// Paging of a workspace's builds with `limit`/`offset`. Each page is its own cached query (so
// invalidation stays exact); this module decides which pages to ask for and stitches them into one
// newest-first list. A build created while the user scrolls shifts every offset by one, so pages
// can overlap: builds are kept once, by id.
import type { WorkspaceBuild } from "../../api/types";

export const HISTORY_PAGE_SIZE = 25;

/**
 * Page size when the whole history is asked for. Coder accepts any `limit` here (0 even means
 * "everything"), but one unbounded answer for a workspace with tens of thousands of builds would
 * be megabytes parsed in one go; pages of 250 in parallel fetch a thousand builds in one round.
 */
export const WHOLE_HISTORY_PAGE_SIZE = 250;

/** Concurrent page requests for the whole history (browsers allow six per origin). */
export const PAGES_IN_FLIGHT = 4;

/** One requested page. Pages asked for together share a `batch` and are shown together. */
export interface HistoryPage {
  offset: number;
  limit: number;
  batch: number;
}

export const FIRST_PAGE: readonly HistoryPage[] = [{ offset: 0, limit: HISTORY_PAGE_SIZE, batch: 0 }];

/**
 * The pages to ask for after `pages`: the next page of the list, or, for the whole history, a
 * batch of large pages side by side. Coder does not tell how many builds exist, so a batch may
 * overshoot; pages past the end come back empty and a short page ends the history.
 */
export function nextPages(pages: readonly HistoryPage[], wholeHistory: boolean): HistoryPage[] {
  const last = pages.at(-1);
  const offset = last ? last.offset + last.limit : 0;
  const batch = last ? last.batch + 1 : 0;
  const limit = wholeHistory ? WHOLE_HISTORY_PAGE_SIZE : HISTORY_PAGE_SIZE;
  return Array.from({ length: wholeHistory ? PAGES_IN_FLIGHT : 1 }, (_, i) => ({
    offset: offset + i * limit,
    limit,
    batch,
  }));
}

/**
 * How many leading pages can be shown: every page of their batch has answered. A batch is shown
 * as a whole so that the table and chart grow once per batch instead of once per page.
 */
export function shownPageCount(pages: ReadonlyArray<Pick<HistoryPage, "batch"> & { builds: unknown }>): number {
  let shown = 0;
  for (let i = 0; i < pages.length;) {
    let end = i;
    while (end < pages.length && pages[end].batch === pages[i].batch) end++;
    for (let j = i; j < end; j++) if (pages[j].builds === undefined) return shown;
    shown = end;
    i = end;
  }
  return shown;
}

export interface MergedHistory {
  /** Newest first, each build once. */
  builds: WorkspaceBuild[];
  /** The last page was full, so an older one may exist. */
  hasMore: boolean;
}

/**
 * Joins answered pages. `latest` is the workspace's latest build as the watch stream last saw it:
 * a build started after page 1 was fetched appears at the top at once, and the running build's
 * copy is always the freshest one.
 */
export function mergePages(
  pages: ReadonlyArray<{ limit: number; builds: readonly WorkspaceBuild[] }>,
  latest?: WorkspaceBuild,
): MergedHistory {
  if (pages.length === 0) return { builds: [], hasMore: false };
  const byId = new Map<string, WorkspaceBuild>();
  for (const page of pages) for (const build of page.builds) if (!byId.has(build.id)) byId.set(build.id, build);
  if (latest) byId.set(latest.id, latest);
  const last = pages[pages.length - 1];
  return {
    builds: [...byId.values()].sort((a, b) => b.build_number - a.build_number),
    hasMore: last.builds.length >= last.limit,
  };
}
