// The workspace's builds, newest first, fetched page by page as the view asks for more rows.
// Filters apply to what has been fetched; when too few rows match, older pages are fetched until
// enough do or the history ends (docs/conventions.md). The whole history (for the trend chart) is
// fetched in large parallel pages, while the table keeps growing a page's worth at a time as it
// is scrolled: a thousand rows at once would cost more than the whole fetch.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useQueries } from "@tanstack/react-query";
import { buildsQuery } from "../../api/queries";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { filterBuilds, shouldFetchMore, type HistoryFilter } from "../../lib/builds/historyFilter";
import {
  FIRST_PAGE,
  HISTORY_PAGE_SIZE,
  mergePages,
  nextPages,
  shownPageCount,
  type HistoryPage,
} from "../../lib/builds/paging";

export interface BuildHistory {
  /** Every fetched build. */
  all: WorkspaceBuild[];
  /** Every fetched build that matches the filter (what the trend chart plots). */
  matching: WorkspaceBuild[];
  /** The matching builds the table shows, up to what the view asked for. */
  rows: WorkspaceBuild[];
  /** The first page has not answered yet. */
  isPending: boolean;
  /** The first page failed: nothing to show. */
  error: unknown;
  /** A later page failed: rows stay, the end of the list offers a retry. */
  moreError: unknown;
  loadingMore: boolean;
  /** The table can show more rows (fetched already or not). */
  hasMore: boolean;
  /** Older builds exist that have not been fetched. */
  partial: boolean;
  /** The view reached the end of its rows: show (and fetch if needed) another page's worth. */
  showMore: () => void;
  /** Fetch every remaining page (the trend chart's "whole history"). */
  showAll: () => void;
  retry: () => void;
}

export function useBuildHistory(workspace: Workspace | undefined, filter: HistoryFilter): BuildHistory {
  const workspaceId = workspace?.id ?? "";
  const [pages, setPages] = useState<readonly HistoryPage[]>(FIRST_PAGE);
  const [wanted, setWanted] = useState(HISTORY_PAGE_SIZE);
  const [wholeHistory, setWholeHistory] = useState(false);
  const results = useQueries({
    queries: pages.map(({ limit, offset }) => ({
      ...buildsQuery(workspaceId, { limit, offset }),
      enabled: workspaceId !== "",
    })),
  });

  const shown = shownPageCount(pages.map((p, i) => ({ batch: p.batch, builds: results[i].data })));
  // `results` is a new array each render: the merge reruns only when a shown page's data changes,
  // not when a page of an unfinished batch answers.
  const dataKey = results
    .slice(0, shown)
    .map((r) => r.dataUpdatedAt)
    .join(",");
  const merged = useMemo(
    () =>
      mergePages(
        results.slice(0, shown).map((r, i) => ({ limit: pages[i].limit, builds: r.data ?? [] })),
        workspace?.latest_build,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `dataKey` is what changes in `results` and `pages`
    [dataKey, workspace?.latest_build],
  );
  const matching = useMemo(() => filterBuilds(merged.builds, filter), [merged.builds, filter]);

  const failedPage = results.findIndex((r) => r.isError);
  const first = results[0];
  const fetching = shown < pages.length || results.some((r) => r.isFetching && r.data === undefined);
  const hasMore = merged.hasMore && failedPage < 0;

  useEffect(() => {
    const target = wholeHistory ? Number.POSITIVE_INFINITY : wanted;
    if (!shouldFetchMore({ matched: matching.length, wanted: target, hasMore, fetching })) return;
    // Every asked page has answered here: appending only to that list keeps a rerun of this effect harmless.
    setPages((current) => (current.length === shown ? [...current, ...nextPages(current, wholeHistory)] : current));
  }, [matching.length, wanted, wholeHistory, hasMore, fetching, shown]);

  const showMore = useCallback(() => setWanted((w) => w + HISTORY_PAGE_SIZE), []);
  const showAll = useCallback(() => setWholeHistory(true), []);
  const retry = () => {
    for (const r of results) if (r.isError) void r.refetch();
  };

  const rows = useMemo(() => matching.slice(0, wanted), [matching, wanted]);

  return {
    all: merged.builds,
    matching,
    rows,
    isPending: first.data === undefined && !first.isError,
    error: failedPage === 0 ? first.error : null,
    moreError: failedPage > 0 ? results[failedPage].error : null,
    loadingMore: fetching && shown > 0,
    hasMore: hasMore || matching.length > wanted,
    partial: hasMore,
    showMore,
    showAll,
    retry,
  };
}
