import { Link, useNavigate } from "react-router";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { buildPath, workspacePath } from "../../app/params";
import { Button } from "../../components/Button";
import { DataTable, type DataTableColumn } from "../../components/DataTable";
import { Duration } from "../../components/Duration";
import { EmptyState } from "../../components/EmptyState";
import { RelativeTime } from "../../components/RelativeTime";
import { StatusBadge } from "../../components/StatusBadge";

export interface BuildHistoryViewProps {
  workspace: Workspace;
  builds: WorkspaceBuild[];
  page: number;
  hasMore: boolean;
  onPageChange: (page: number) => void;
}

export function BuildHistoryView({ workspace, builds, page, hasMore, onPageChange }: BuildHistoryViewProps) {
  const navigate = useNavigate();
  const columns: DataTableColumn<WorkspaceBuild>[] = [
    {
      id: "number",
      header: "Build",
      cell: (b) => (
        <Link to={buildPath(workspace.owner_name, workspace.name, b.build_number)} className="font-medium text-accent hover:underline">
          #{b.build_number}
        </Link>
      ),
      className: "w-20",
    },
    { id: "transition", header: "Transition", cell: (b) => <span className="capitalize">{b.transition}</span> },
    { id: "status", header: "Status", cell: (b) => <StatusBadge kind="job" value={b.job.status} variant="plain" size="sm" /> },
    { id: "initiator", header: "Initiated by", cell: (b) => b.initiator_name, className: "hidden md:table-cell" },
    { id: "created", header: "Created", cell: (b) => <RelativeTime date={b.created_at} /> },
    { id: "duration", header: "Duration", cell: (b) => <Duration start={b.job.started_at} end={b.job.completed_at} />, align: "right" },
  ];
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 sm:p-6">
      <header>
        <p className="text-sm text-muted">
          <Link to={workspacePath(workspace.owner_name, workspace.name)} className="hover:text-text hover:underline">
            {workspace.owner_name}/{workspace.name}
          </Link>
        </p>
        <h1 className="mt-1 text-xl font-semibold text-text">Build history</h1>
      </header>
      <DataTable
        rows={builds}
        columns={columns}
        getRowId={(b) => b.id}
        label="Builds"
        onRowOpen={(b) => void navigate(buildPath(workspace.owner_name, workspace.name, b.build_number))}
        empty={<EmptyState title="No builds" description="This workspace has no builds on this page." />}
        renderCard={(b) => (
          <div className="flex flex-col gap-1 text-sm">
            <div className="flex items-center justify-between gap-2">
              <Link to={buildPath(workspace.owner_name, workspace.name, b.build_number)} className="font-medium text-accent">
                #{b.build_number} {b.transition}
              </Link>
              <StatusBadge kind="job" value={b.job.status} size="sm" />
            </div>
            <div className="flex items-center gap-2 text-xs text-muted">
              <span>{b.initiator_name}</span>·<RelativeTime date={b.created_at} />·<Duration start={b.job.started_at} end={b.job.completed_at} />
            </div>
          </div>
        )}
      />
      <nav aria-label="Pagination" className="flex items-center justify-end gap-2 text-sm">
        <span className="text-muted">Page {page}</span>
        <Button size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          Newer
        </Button>
        <Button size="sm" disabled={!hasMore} onClick={() => onPageChange(page + 1)}>
          Older
        </Button>
      </nav>
    </div>
  );
}
