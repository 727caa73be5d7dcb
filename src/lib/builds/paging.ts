// Infinite paging of a workspace's builds with `limit`/`offset`. Each page is its own cached query
// (so invalidation stays exact); this module decides which pages to ask for and stitches them
// into one newest-first list. A build created while the user scrolls shifts every offset by one,
// so pages can overlap: builds are kept once, by id.
import type { WorkspaceBuild } from "../../api/types";

export const HISTORY_PAGE_SIZE = 25;

/** Offsets of the first `pageCount` pages. */
export function pageOffsets(pageCount: number, limit: number = HISTORY_PAGE_SIZE): number[] {
  return Array.from({ length: Math.max(1, pageCount) }, (_, i) => i * limit);
}

export interface MergedHistory {
  /** Newest first, each build once. */
  builds: WorkspaceBuild[];
  /** Pages that have answered so far (a page still loading stops the count). */
  loadedPages: number;
  /** The last loaded page was full, so an older one may exist. */
  hasMore: boolean;
  /** A requested page has not answered yet. */
  loading: boolean;
}

/**
 * Joins the pages answered so far. `latest` is the workspace's latest build as the watch stream
 * last saw it: a build started after page 1 was fetched appears at the top at once, and the
 * running build's copy is always the freshest one.
 */
export function mergePages(
  pages: ReadonlyArray<readonly WorkspaceBuild[] | undefined>,
  limit: number = HISTORY_PAGE_SIZE,
  latest?: WorkspaceBuild,
): MergedHistory {
  const byId = new Map<string, WorkspaceBuild>();
  let loadedPages = 0;
  for (const page of pages) {
    if (!page) break;
    loadedPages++;
    for (const build of page) if (!byId.has(build.id)) byId.set(build.id, build);
  }
  if (latest && (loadedPages > 0 || byId.size > 0)) byId.set(latest.id, latest);
  const builds = [...byId.values()].sort((a, b) => b.build_number - a.build_number);
  const last = loadedPages > 0 ? pages[loadedPages - 1] : undefined;
  return {
    builds,
    loadedPages,
    hasMore: last !== undefined && last.length >= limit,
    loading: loadedPages < pages.length,
  };
}
