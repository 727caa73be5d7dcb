import { memo, useMemo, useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { buildPath, workspacePath } from "../../app/params";
import { Button } from "../../components/Button";
import { DataTable, type DataTableColumn, type SortState } from "../../components/DataTable";
import { sortRows } from "../../components/dataTableModel";
import { Duration } from "../../components/Duration";
import { RelativeTime } from "../../components/RelativeTime";
import { StatusBadge } from "../../components/StatusBadge";
import { reasonLabel, transitionLabel } from "../../lib/builds/labels";
import { isActiveJob } from "../../api/jobStatus";
import { formatCount } from "../../lib/format";
import type { OverviewBuild } from "./model/rows";

export const PAGE_ROWS = 50;

export interface RecentBuildsTableProps {
  builds: readonly OverviewBuild[];
  /** Shown instead of the table when no build matches. */
  empty: ReactNode;
}

const open = (b: OverviewBuild) => buildPath(b.workspace.owner_name, b.workspace.name, b.build_number);

/** A running build's duration ticks from its start; a finished one is fixed. */
function RunTime({ build }: { build: OverviewBuild }) {
  if (isActiveJob(build.job.status) && build.job.started_at) return <Duration start={build.job.started_at} />;
  return <Duration ms={build.runMs} />;
}

function QueueTime({ build }: { build: OverviewBuild }) {
  if (build.job.status === "pending") return <Duration start={build.job.created_at || build.created_at} />;
  return <Duration ms={build.queueMs} />;
}

function ErrorCode({ build }: { build: OverviewBuild }) {
  if (!build.errorCode) return <span className="text-muted">—</span>;
  return (
    <span data-testid="error-code" className="font-mono text-xs text-failure">
      {build.errorCode}
    </span>
  );
}

const COLUMNS: DataTableColumn<OverviewBuild>[] = [
  {
    id: "time",
    header: "Time",
    cell: (b) => <RelativeTime date={b.created_at} />,
    sortValue: (b) => b.createdMs,
    initialDirection: "desc",
    className: "w-32",
  },
  {
    id: "workspace",
    header: "Workspace",
    cell: (b) => (
      <span className="flex min-w-0 items-center gap-1.5">
        <Link
          to={workspacePath(b.workspace.owner_name, b.workspace.name)}
          className="truncate font-medium text-text hover:underline"
        >
          {b.workspace.name}
        </Link>
        <Link
          to={open(b)}
          className="shrink-0 text-accent hover:underline"
          aria-label={`Build ${b.build_number} of ${b.workspace.owner_name}/${b.workspace.name}`}
        >
          #{b.build_number}
        </Link>
      </span>
    ),
    sortValue: (b) => b.workspace.name,
  },
  { id: "owner", header: "Owner", cell: (b) => b.workspace.owner_name, sortValue: (b) => b.workspace.owner_name },
  {
    id: "template",
    header: "Template",
    cell: (b) => (
      <span className="whitespace-nowrap">
        <span title={b.workspace.template_display_name || undefined}>{b.workspace.template_name}</span>{" "}
        <span className="text-muted">{b.template_version_name}</span>
      </span>
    ),
    sortValue: (b) => b.workspace.template_name,
    className: "hidden lg:table-cell",
  },
  {
    id: "transition",
    header: "Transition",
    cell: (b) => transitionLabel(b.transition),
    sortValue: (b) => b.transition,
  },
  {
    id: "status",
    header: "Status",
    cell: (b) => <StatusBadge kind="job" value={b.job.status} variant="plain" size="sm" />,
    sortValue: (b) => b.job.status,
  },
  { id: "error", header: "Error code", cell: (b) => <ErrorCode build={b} />, sortValue: (b) => b.errorCode },
  {
    id: "duration",
    header: "Duration",
    cell: (b) => <RunTime build={b} />,
    sortValue: (b) => b.runMs,
    initialDirection: "desc",
    align: "right",
  },
  {
    id: "queue",
    header: "Queue",
    cell: (b) => <QueueTime build={b} />,
    sortValue: (b) => b.queueMs,
    initialDirection: "desc",
    align: "right",
    className: "hidden md:table-cell",
  },
  {
    id: "initiator",
    header: "Initiator",
    cell: (b) => (
      <span className="whitespace-nowrap">
        {b.initiator_name} <span className="text-muted">· {reasonLabel(b.reason)}</span>
      </span>
    ),
    sortValue: (b) => b.initiator_name,
    className: "hidden xl:table-cell",
  },
];

function BuildCard({ build }: { build: OverviewBuild }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex items-center justify-between gap-2">
        <Link to={open(build)} className="truncate font-medium text-text">
          <span className="text-muted">{build.workspace.owner_name}/</span>
          {build.workspace.name} #{build.build_number}
        </Link>
        <StatusBadge kind="job" value={build.job.status} size="sm" />
      </div>
      <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <span>{transitionLabel(build.transition)}</span>·<span>{build.workspace.template_name}</span>·
        <RelativeTime date={build.created_at} />·
        <RunTime build={build} />
        {build.errorCode && <ErrorCode build={build} />}
      </div>
    </div>
  );
}

/** Every build matching the filters, newest first, shown 50 at a time (the rows are client-side). */
export const RecentBuildsTable = memo(function RecentBuildsTable({ builds, empty }: RecentBuildsTableProps) {
  const navigate = useNavigate();
  const [sort, setSort] = useState<SortState>({ columnId: "time", direction: "desc" });
  const [shown, setShown] = useState(PAGE_ROWS);
  const sorted = useMemo(() => {
    const column = COLUMNS.find((c) => c.id === sort.columnId);
    return column?.sortValue ? sortRows(builds, column.sortValue, sort.direction) : builds;
  }, [builds, sort]);
  const visible = useMemo(() => sorted.slice(0, shown), [sorted, shown]);
  const more = sorted.length - visible.length;
  return (
    <div className="flex flex-col gap-2">
      <DataTable
        rows={visible}
        columns={COLUMNS}
        getRowId={(b) => b.id}
        label="Recent builds"
        sort={sort}
        onSortChange={setSort}
        manualSorting
        onRowOpen={(b) => void navigate(open(b))}
        renderCard={(b) => <BuildCard build={b} />}
        empty={empty}
        density="compact"
      />
      {more > 0 && (
        <div className="flex items-center justify-center gap-3 text-sm text-muted">
          <span>
            Showing {formatCount(visible.length)} of {formatCount(sorted.length)}
          </span>
          <Button size="sm" onClick={() => setShown((n) => n + PAGE_ROWS)}>
            Show {Math.min(PAGE_ROWS, more)} more
          </Button>
        </div>
      )}
    </div>
  );
});
