import { Link, useNavigate } from "react-router";
import type { Workspace } from "../../api/types";
import { buildPath, workspacePath } from "../../app/params";
import { DataTable, type DataTableColumn } from "../../components/DataTable";
import { Duration } from "../../components/Duration";
import { EmptyState } from "../../components/EmptyState";
import { RelativeTime } from "../../components/RelativeTime";
import { StatusBadge } from "../../components/StatusBadge";
import { durationBetween } from "../../lib/format";
import { statusInfo } from "../../lib/status";

export interface BuildsOverviewViewProps {
  /** Workspaces whose latest build is listed (one row each). */
  workspaces: Workspace[];
  isAdmin: boolean;
}

export function BuildsOverviewView({ workspaces, isAdmin }: BuildsOverviewViewProps) {
  const navigate = useNavigate();
  const open = (w: Workspace) => buildPath(w.owner_name, w.name, w.latest_build.build_number);
  const active = workspaces.filter((w) => statusInfo("job", w.latest_build.job.status).meaning === "progress").length;
  const failed = workspaces.filter((w) => w.latest_build.job.status === "failed").length;
  const columns: DataTableColumn<Workspace>[] = [
    {
      id: "workspace",
      header: "Workspace",
      cell: (w) => (
        <Link to={workspacePath(w.owner_name, w.name)} className="font-medium text-text hover:underline">
          <span className="text-muted">{w.owner_name}/</span>
          {w.name}
        </Link>
      ),
      sortValue: (w) => `${w.owner_name}/${w.name}`,
    },
    {
      id: "build",
      header: "Build",
      cell: (w) => (
        <Link to={open(w)} className="text-accent hover:underline">
          #{w.latest_build.build_number} <span className="capitalize">{w.latest_build.transition}</span>
        </Link>
      ),
    },
    { id: "status", header: "Status", cell: (w) => <StatusBadge kind="job" value={w.latest_build.job.status} variant="plain" size="sm" />, sortValue: (w) => w.latest_build.job.status },
    { id: "template", header: "Template", cell: (w) => w.template_display_name || w.template_name, sortValue: (w) => w.template_name, className: "hidden md:table-cell" },
    {
      id: "created",
      header: "Created",
      cell: (w) => <RelativeTime date={w.latest_build.created_at} />,
      sortValue: (w) => Date.parse(w.latest_build.created_at),
      initialDirection: "desc",
    },
    {
      id: "duration",
      header: "Duration",
      cell: (w) => <Duration start={w.latest_build.job.started_at} end={w.latest_build.job.completed_at} />,
      sortValue: (w) => durationBetween(w.latest_build.job.started_at, w.latest_build.job.completed_at),
      initialDirection: "desc",
      align: "right",
    },
  ];
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-text">Builds</h1>
          <p className="mt-1 text-sm text-muted">{isAdmin ? "Latest build of every workspace." : "Latest build of each of your workspaces."}</p>
        </div>
        <p className="text-sm text-muted">
          <span className="font-medium text-progress">{active}</span> in progress · <span className="font-medium text-failure">{failed}</span> failed
        </p>
      </header>
      <DataTable
        rows={workspaces}
        columns={columns}
        getRowId={(w) => w.id}
        label="Latest builds"
        defaultSort={{ columnId: "created", direction: "desc" }}
        onRowOpen={(w) => void navigate(open(w))}
        empty={<EmptyState title="No builds" description="There are no workspaces you can see, so there are no builds to show." />}
        renderCard={(w) => (
          <div className="flex flex-col gap-1 text-sm">
            <div className="flex items-center justify-between gap-2">
              <Link to={open(w)} className="truncate font-medium text-text">
                {w.owner_name}/{w.name} #{w.latest_build.build_number}
              </Link>
              <StatusBadge kind="job" value={w.latest_build.job.status} size="sm" />
            </div>
            <div className="flex items-center gap-2 text-xs text-muted">
              <span className="capitalize">{w.latest_build.transition}</span>·<RelativeTime date={w.latest_build.created_at} />
            </div>
          </div>
        )}
      />
    </div>
  );
}
