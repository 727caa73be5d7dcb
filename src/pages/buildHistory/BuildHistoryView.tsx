import { useCallback, useEffect, useMemo, useRef } from "react";
import { Link } from "react-router";
import { History, SearchX } from "lucide-react";
import type { Workspace } from "../../api/types";
import { workspacePath } from "../../app/params";
import { Button } from "../../components/Button";
import { DataTable } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { LiveIndicator, type LiveState } from "../../components/LiveIndicator";
import { Skeleton } from "../../components/Skeleton";
import { isFiltering, NO_FILTER, type HistoryFilter } from "../../lib/builds/historyFilter";
import type { Trend, TrendPoint } from "../../lib/builds/trend";
import { historyColumns, HistoryCard } from "./historyColumns";
import { HistoryFilters } from "./HistoryFilters";
import { TrendPanel } from "./TrendPanel";
import { useInView } from "./useInView";
import type { BuildHistory } from "./useBuildHistory";

export interface BuildHistoryViewProps extends Pick<
  BuildHistory,
  "rows" | "hasMore" | "partial" | "loadingMore" | "moreError"
> {
  workspace: Workspace;
  /** Builds fetched so far (before filtering). */
  loadedCount: number;
  /** Fetched builds that match the filter (the table may show fewer until scrolled). */
  matchingCount: number;
  filter: HistoryFilter;
  onFilterChange: (filter: HistoryFilter) => void;
  initiators: string[];
  trend: Trend;
  onRetryMore: () => void;
  onShowMore: () => void;
  onShowAll: () => void;
  onOpenBuild: (buildNumber: number) => void;
  live: LiveState;
  /** The watch arrives over HTTP (WebSockets refused). */
  liveOverHttp?: boolean;
}

/** Finds the table row or phone card of a build (its link carries the id). */
function rowOf(root: HTMLElement | null, buildId: string): HTMLElement | null {
  const link = root?.querySelector(`[data-build-row="${CSS.escape(buildId)}"]`);
  return link?.closest<HTMLElement>("tr, li") ?? null;
}

export function BuildHistoryView(props: BuildHistoryViewProps) {
  const { workspace, rows, filter, hasMore, loadingMore, onShowMore } = props;
  // Each watch event brings a new workspace object: the columns need only its owner and name.
  const { owner_name, name } = workspace;
  const columns = useMemo(() => historyColumns({ owner_name, name }), [owner_name, name]);
  const tableRef = useRef<HTMLDivElement>(null);
  const highlighted = useRef<HTMLElement | null>(null);

  // Set on the DOM directly: a hover must not re-render a table of a thousand rows.
  const highlight = useCallback((point: TrendPoint | undefined) => {
    highlighted.current?.removeAttribute("data-highlight");
    highlighted.current = point ? rowOf(tableRef.current, point.id) : null;
    highlighted.current?.setAttribute("data-highlight", "");
  }, []);

  const { onOpenBuild } = props;
  const openPoint = useCallback((point: TrendPoint) => onOpenBuild(point.number), [onOpenBuild]);

  const sentinel = useRef<HTMLDivElement>(null);
  const nearEnd = useInView(sentinel, { margin: "400px" });
  useEffect(() => {
    if (nearEnd && hasMore && !loadingMore) onShowMore();
  }, [nearEnd, hasMore, loadingMore, onShowMore, rows.length]);

  const filtering = isFiltering(filter);
  const empty = filtering ? (
    loadingMore ? (
      <EmptyState
        icon={SearchX}
        title="Looking through older builds…"
        description="No build fetched so far matches these filters."
      />
    ) : (
      <EmptyState
        icon={SearchX}
        title="No build matches these filters"
        description={`None of the ${props.loadedCount} builds of this workspace matches.`}
        action={<Button onClick={() => props.onFilterChange(NO_FILTER)}>Clear filters</Button>}
      />
    )
  ) : (
    <EmptyState icon={History} title="No builds yet" description="This workspace has never been built." />
  );

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0">
          <p className="text-sm text-muted">
            <Link to={workspacePath(workspace.owner_name, workspace.name)} className="hover:text-text hover:underline">
              {workspace.owner_name}/{workspace.name}
            </Link>
          </p>
          <h1 className="mt-1 text-xl font-semibold text-text">Build history</h1>
        </div>
        <div className="flex items-center gap-3 text-sm text-muted">
          <span role="status" className="tabular-nums">
            {filtering
              ? `${props.matchingCount} matching of ${props.loadedCount} loaded`
              : `${props.loadedCount} loaded`}
            {props.partial ? "" : " · all"}
          </span>
          <LiveIndicator state={props.live} overHttp={props.liveOverHttp} />
        </div>
      </header>

      <HistoryFilters filter={filter} initiators={props.initiators} onChange={props.onFilterChange} />

      {props.trend.points.length > 0 && (
        <TrendPanel
          trend={props.trend}
          partial={props.partial}
          loadingAll={loadingMore}
          onLoadAll={props.onShowAll}
          onHover={highlight}
          onOpen={openPoint}
        />
      )}

      <div ref={tableRef}>
        <DataTable
          rows={rows}
          columns={columns}
          getRowId={(b) => b.id}
          label="Builds"
          keyboardScope="document"
          onRowOpen={(b) => props.onOpenBuild(b.build_number)}
          rowClassName={() => "data-[highlight]:bg-accent/15"}
          empty={empty}
          renderCard={(b) => <HistoryCard workspace={workspace} build={b} />}
        />
      </div>

      <div ref={sentinel} className="flex min-h-10 items-center justify-center">
        {props.moreError ? (
          <ErrorState
            error={props.moreError}
            title="Could not load older builds"
            onRetry={props.onRetryMore}
            className="w-full"
          />
        ) : loadingMore ? (
          <div role="status" aria-label="Loading older builds" className="flex w-full flex-col gap-2">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : hasMore ? (
          <Button onClick={onShowMore}>Load older builds</Button>
        ) : rows.length > 0 ? (
          <p className="text-xs text-muted">
            {filtering
              ? "End of history: every build has been searched."
              : "That is the first build of this workspace."}
          </p>
        ) : null}
      </div>
    </div>
  );
}
