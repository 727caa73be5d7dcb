import { memo } from "react";
import { Link } from "react-router";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { buildPath } from "../../app/params";
import type { DataTableColumn } from "../../components/DataTable";
import { RelativeTime } from "../../components/RelativeTime";
import { reasonLabel } from "../../lib/builds/labels";
import { BuildDuration, BuildStatus, Initiator, QueueDuration, TransitionLabel } from "../../components/BuildCells";
import { MiniTimingsBar } from "./MiniTimingsBar";

type Owner = Pick<Workspace, "owner_name" | "name">;

const BuildLink = memo(function BuildLink({ workspace, build }: { workspace: Owner; build: WorkspaceBuild }) {
  return (
    <Link
      to={buildPath(workspace.owner_name, workspace.name, build.build_number)}
      data-build-row={build.id}
      className="font-mono font-medium tabular-nums text-accent hover:underline"
    >
      #{build.build_number}
    </Link>
  );
});

const startedAt = (b: WorkspaceBuild) => b.job.started_at ?? b.created_at;

/** Rows re-render whenever the list grows; cells that only depend on their build skip that work. */
const StartedAt = memo(function StartedAt({ build }: { build: WorkspaceBuild }) {
  return <RelativeTime date={startedAt(build)} />;
});

export function historyColumns(workspace: Owner): DataTableColumn<WorkspaceBuild>[] {
  return [
    { id: "number", header: "Build", cell: (b) => <BuildLink workspace={workspace} build={b} />, className: "w-16" },
    { id: "transition", header: "Transition", cell: (b) => <TransitionLabel transition={b.transition} /> },
    { id: "status", header: "Status", cell: (b) => <BuildStatus build={b} /> },
    {
      id: "initiator",
      header: "Initiated by",
      cell: (b) => <Initiator build={b} />,
      className: "hidden lg:table-cell max-w-40",
    },
    {
      id: "reason",
      header: "Reason",
      cell: (b) => <span className="whitespace-nowrap text-muted">{reasonLabel(b.reason)}</span>,
      className: "hidden xl:table-cell",
    },
    {
      id: "version",
      header: "Version",
      cell: (b) => (
        <span className="block max-w-36 truncate font-mono text-xs" title={b.template_version_name}>
          {b.template_version_name}
        </span>
      ),
      className: "hidden md:table-cell",
    },
    { id: "started", header: "Started", cell: (b) => <StartedAt build={b} /> },
    {
      id: "queued",
      header: "Queued for",
      cell: (b) => <QueueDuration build={b} className="text-muted" />,
      align: "right",
      className: "hidden lg:table-cell",
    },
    { id: "duration", header: "Duration", cell: (b) => <BuildDuration build={b} />, align: "right" },
    {
      id: "timings",
      header: "Stages",
      cell: (b) => <MiniTimingsBar build={b} />,
      className: "hidden md:table-cell w-32",
    },
  ];
}

/** The phone layout of a row (DataTable switches to cards under 640 px). */
export function HistoryCard({ workspace, build }: { workspace: Owner; build: WorkspaceBuild }) {
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-2">
          <BuildLink workspace={workspace} build={build} />
          <TransitionLabel transition={build.transition} />
        </span>
        <BuildStatus build={build} />
      </div>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
        <Initiator build={build} />
        <span aria-hidden>·</span>
        <span>{reasonLabel(build.reason)}</span>
        <span aria-hidden>·</span>
        <StartedAt build={build} />
        <span aria-hidden>·</span>
        <BuildDuration build={build} />
      </div>
      <MiniTimingsBar build={build} />
    </div>
  );
}
