import { useCallback, useMemo, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../../api/client";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { useWorkspaceWatch } from "../../api/watch";
import { buildPath, useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonTable } from "../../components/Skeleton";
import {
  initiatorsOf,
  readHistoryFilter,
  writeHistoryFilter,
  type HistoryFilter,
} from "../../lib/builds/historyFilter";
import { trendOf } from "../../lib/builds/trend";
import { NotFoundView } from "../../components/NotFoundView";
import { BuildHistoryView } from "./BuildHistoryView";
import { useBuildHistory } from "./useBuildHistory";

export default function BuildHistoryPage() {
  const { owner, workspace: name } = useWorkspaceParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const filter = useMemo(() => readHistoryFilter(new URLSearchParams(search)), [search]);
  const ws = useWorkspaceByName(owner, name);
  const watch = useWorkspaceWatch(ws.deleted ? undefined : ws.workspace?.id);
  const history = useBuildHistory(ws.workspace, filter);
  const trend = useMemo(() => trendOf(history.matching), [history.matching]);
  const initiators = useMemo(() => initiatorsOf(history.all, filter.initiator), [history.all, filter.initiator]);

  const setFilter = useCallback(
    (next: HistoryFilter) => setParams((current) => writeHistoryFilter(current, next), { replace: true }),
    [setParams],
  );
  const openBuild = useCallback((n: number) => void navigate(buildPath(owner, name, n)), [navigate, owner, name]);

  const frame = (child: ReactNode) => <div className="mx-auto max-w-7xl p-4 sm:p-6">{child}</div>;
  if (ws.isPending) return frame(<SkeletonTable label="Loading builds" columns={7} />);
  if (!ws.workspace) {
    if (isApiError(ws.error) && ws.error.status === 404) return <NotFoundView title="Workspace not found" />;
    return frame(<ErrorState error={ws.error} onRetry={ws.refetch} />);
  }
  if (history.error)
    return frame(<ErrorState error={history.error} title="Could not load builds" onRetry={history.retry} />);
  if (history.isPending) return frame(<SkeletonTable label="Loading builds" columns={7} />);

  return (
    <BuildHistoryView
      workspace={ws.workspace}
      rows={history.rows}
      loadedCount={history.all.length}
      matchingCount={history.matching.length}
      filter={filter}
      onFilterChange={setFilter}
      initiators={initiators}
      trend={trend}
      hasMore={history.hasMore}
      partial={history.partial}
      loadingMore={history.loadingMore}
      moreError={history.moreError}
      onRetryMore={history.retry}
      onShowMore={history.showMore}
      onShowAll={history.showAll}
      onOpenBuild={openBuild}
      live={ws.deleted ? "offline" : watch.state}
      liveOverHttp={watch.transport === "sse"}
    />
  );
}
