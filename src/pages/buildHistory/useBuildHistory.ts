// The workspace's builds, newest first, fetched page by page as the view asks for more rows.
// Filters apply to what has been fetched; when too few rows match, older pages are fetched until
// enough do or the history ends (docs/conventions.md).
import { useCallback, useEffect, useMemo, useState } from "react";
import { useQueries } from "@tanstack/react-query";
import { buildsQuery } from "../../api/queries";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { filterBuilds, shouldFetchMore, type HistoryFilter } from "../../lib/builds/historyFilter";
import { HISTORY_PAGE_SIZE, mergePages, pageOffsets } from "../../lib/builds/paging";

/** Concurrent page requests when loading the whole history (browsers allow six per origin). */
const PAGES_IN_FLIGHT = 4;

export interface BuildHistory {
  /** Every fetched build. */
  all: WorkspaceBuild[];
  /** The fetched builds that match the filter, up to what the view asked for. */
  rows: WorkspaceBuild[];
  /** The first page has not answered yet. */
  isPending: boolean;
  /** The first page failed: nothing to show. */
  error: unknown;
  /** A later page failed: rows stay, the end of the list offers a retry. */
  moreError: unknown;
  loadingMore: boolean;
  hasMore: boolean;
  /** The view reached the end of its rows: show (and fetch if needed) another page's worth. */
  showMore: () => void;
  /** Fetch every remaining page (the trend chart's "whole history"). */
  showAll: () => void;
  retry: () => void;
}

export function useBuildHistory(workspace: Workspace | undefined, filter: HistoryFilter): BuildHistory {
  const workspaceId = workspace?.id ?? "";
  const [pageCount, setPageCount] = useState(1);
  const [wanted, setWanted] = useState(HISTORY_PAGE_SIZE);
  const results = useQueries({
    queries: pageOffsets(pageCount).map((offset) => ({
      ...buildsQuery(workspaceId, { limit: HISTORY_PAGE_SIZE, offset }),
      enabled: workspaceId !== "",
    })),
  });

  const dataKey = results.map((r) => r.dataUpdatedAt).join(",");
  const merged = useMemo(
    () =>
      mergePages(
        results.map((r) => r.data),
        HISTORY_PAGE_SIZE,
        workspace?.latest_build,
      ),
    // `results` is a new array each render; its data only changes when a page's dataUpdatedAt does.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `dataKey` is what changes in `results`
    [dataKey, workspace?.latest_build],
  );
  const matching = useMemo(() => filterBuilds(merged.builds, filter), [merged.builds, filter]);

  const failedPage = results.findIndex((r) => r.isError);
  const first = results[0];
  const fetching = merged.loading || results.some((r) => r.isFetching && r.data === undefined);
  const hasMore = merged.hasMore && failedPage < 0;

  useEffect(() => {
    if (!shouldFetchMore({ matched: matching.length, wanted, hasMore, fetching })) return;
    // The whole history was asked for: several pages in flight at once (pages past the end come back empty).
    setPageCount(merged.loadedPages + (wanted === Number.POSITIVE_INFINITY ? PAGES_IN_FLIGHT : 1));
  }, [matching.length, wanted, hasMore, fetching, merged.loadedPages]);

  const showMore = useCallback(
    () => setWanted((w) => Math.max(w, matching.length) + HISTORY_PAGE_SIZE),
    [matching.length],
  );
  const showAll = useCallback(() => setWanted(Number.POSITIVE_INFINITY), []);
  const retry = () => {
    for (const r of results) if (r.isError) void r.refetch();
  };

  const rows = useMemo(() => matching.slice(0, Math.max(wanted, HISTORY_PAGE_SIZE)), [matching, wanted]);

  return {
    all: merged.builds,
    rows,
    isPending: first.data === undefined && !first.isError,
    error: failedPage === 0 ? first.error : null,
    moreError: failedPage > 0 ? results[failedPage].error : null,
    loadingMore: fetching && merged.loadedPages > 0,
    hasMore: hasMore || matching.length > wanted,
    showMore,
    showAll,
    retry,
  };
}
