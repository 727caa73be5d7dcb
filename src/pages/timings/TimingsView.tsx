import { Link } from "react-router";
import type { WorkspaceBuild } from "../../api/types";
import { buildPath } from "../../app/params";
import { DataTable, type DataTableColumn } from "../../components/DataTable";
import { Duration } from "../../components/Duration";
import { EmptyState } from "../../components/EmptyState";
import { StatusBadge } from "../../components/StatusBadge";
import { durationBetween } from "../../lib/format";
import type { TimingRow } from "./timingRows";

export interface TimingsViewProps {
  owner: string;
  workspaceName: string;
  build: WorkspaceBuild;
  rows: TimingRow[];
}

export function TimingsView({ owner, workspaceName, build, rows }: TimingsViewProps) {
  const origin = rows.length ? Math.min(...rows.map((r) => Date.parse(r.startedAt))) : 0;
  const columns: DataTableColumn<TimingRow>[] = [
    { id: "stage", header: "Stage", cell: (r) => <span className="font-mono text-xs">{r.stage}</span>, sortValue: (r) => r.stage, className: "w-24" },
    { id: "name", header: "Name", cell: (r) => <span className="break-all">{r.name}</span>, sortValue: (r) => r.name },
    { id: "detail", header: "Detail", cell: (r) => <span className="text-muted">{r.detail}</span>, className: "hidden md:table-cell" },
    {
      id: "offset",
      header: "Starts at",
      cell: (r) => <Duration ms={Date.parse(r.startedAt) - origin} />,
      sortValue: (r) => Date.parse(r.startedAt),
      align: "right",
    },
    {
      id: "duration",
      header: "Duration",
      cell: (r) => <Duration start={r.startedAt} end={r.endedAt} />,
      sortValue: (r) => durationBetween(r.startedAt, r.endedAt),
      initialDirection: "desc",
      align: "right",
    },
    { id: "status", header: "Status", cell: (r) => (r.status ? <StatusBadge kind="script" value={r.status} variant="plain" size="sm" /> : null), className: "w-32" },
  ];
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 sm:p-6">
      <header>
        <p className="text-sm text-muted">
          <Link to={buildPath(owner, workspaceName, build.build_number)} className="hover:text-text hover:underline">
            {owner}/{workspaceName} · build #{build.build_number}
          </Link>
        </p>
        <h1 className="mt-1 text-xl font-semibold text-text">Timings</h1>
      </header>
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={(r) => r.key}
        label="Build timings"
        defaultSort={{ columnId: "offset", direction: "asc" }}
        density="compact"
        empty={
          <EmptyState
            title="No timings yet"
            description={build.job.status === "failed" ? "Failed builds record no provisioner timings." : "Timings are written when the build's job completes."}
          />
        }
        renderCard={(r) => (
          <div className="flex flex-col gap-0.5 text-sm">
            <div className="flex items-center justify-between gap-2">
              <span className="break-all font-medium">{r.name}</span>
              <Duration start={r.startedAt} end={r.endedAt} />
            </div>
            <span className="text-xs text-muted">
              {r.stage} · {r.detail}
            </span>
          </div>
        )}
      />
    </div>
  );
}
