import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { Bug, ChartGantt, ChevronLeft, ChevronRight, GitCompareArrows, History, RotateCw, Square } from "lucide-react";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { buildHistoryPath, buildPath, timingsPath, workspacePath } from "../../app/params";
import { Button, buttonClasses } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Duration } from "../../components/Duration";
import { RelativeTime } from "../../components/RelativeTime";
import { formatAbsolute } from "../../lib/format";
import { reasonLabel } from "../../lib/builds/labels";
import { isActiveJob } from "../../api/jobStatus";
import { totalTime } from "../../lib/builds/times";
import { BuildDuration, BuildStatus, Initiator, QueueDuration, TransitionLabel } from "../../components/BuildCells";

export interface BuildHeaderProps {
  workspace: Pick<Workspace, "owner_name" | "name" | "template_name" | "template_active_version_id">;
  build: WorkspaceBuild;
  previous: number | undefined;
  next: number | undefined;
  canCancel: boolean;
  canDebug: boolean;
  onRetry: (options?: { debug?: boolean }) => void;
  retrying: "normal" | "debug" | null;
  onCancel: () => void;
  canceling: boolean;
  /** "Notify me when ready", while this is the workspace's latest build and still on its way. */
  notify?: ReactNode;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="truncate text-sm text-text">{children}</dd>
    </div>
  );
}

function When({ date }: { date: string | undefined }) {
  if (!date) return <span className="text-muted">—</span>;
  return (
    <span title={formatAbsolute(date)}>
      <RelativeTime date={date} />
    </span>
  );
}

function TotalTime({ build }: { build: WorkspaceBuild }) {
  if (isActiveJob(build.job.status)) return <Duration start={build.job.created_at || build.created_at} />;
  return <Duration ms={totalTime(build)} />;
}

export function BuildHeader(props: BuildHeaderProps) {
  const { workspace, build, previous, next } = props;
  const owner = workspace.owner_name;
  const active = isActiveJob(build.job.status);
  const outdated = build.template_version_id !== workspace.template_active_version_id;
  const navClass = buttonClasses({ size: "sm", variant: "ghost" });
  const [confirmCancel, setConfirmCancel] = useState(false);

  return (
    <header className="flex flex-col gap-3">
      <nav aria-label="Breadcrumb" className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <ol className="flex min-w-0 flex-wrap items-center gap-1">
          <li>
            <Link to={workspacePath(owner, workspace.name)} className="hover:text-text hover:underline">
              {owner}/{workspace.name}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link
              to={buildHistoryPath(owner, workspace.name)}
              className="inline-flex items-center gap-1 hover:text-text hover:underline"
            >
              <History aria-hidden className="size-3.5" />
              Builds
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="text-text">
            #{build.build_number}
          </li>
        </ol>
        <div className="flex items-center gap-1">
          {previous !== undefined ? (
            <Link
              to={buildPath(owner, workspace.name, previous)}
              className={navClass}
              aria-keyshortcuts="["
              title="Previous build ([)"
            >
              <ChevronLeft aria-hidden className="size-3.5" />#{previous}
            </Link>
          ) : (
            <span className={navClass} aria-disabled="true">
              <ChevronLeft aria-hidden className="size-3.5" />
              First
            </span>
          )}
          {next !== undefined ? (
            <Link
              to={buildPath(owner, workspace.name, next)}
              className={navClass}
              aria-keyshortcuts="]"
              title="Next build (])"
            >
              #{next}
              <ChevronRight aria-hidden className="size-3.5" />
            </Link>
          ) : (
            <span className={navClass} aria-disabled="true">
              Latest
              <ChevronRight aria-hidden className="size-3.5" />
            </span>
          )}
        </div>
      </nav>

      <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="font-mono text-xl font-semibold tabular-nums text-text">Build #{build.build_number}</h1>
          <TransitionLabel transition={build.transition} className="text-sm text-text" />
          <span data-testid="build-status">
            <BuildStatus build={build} size="md" variant="pill" />
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {props.notify}
          {active && props.canCancel && (
            <Button
              variant="danger"
              size="sm"
              onClick={() => setConfirmCancel(true)}
              loading={props.canceling || build.job.status === "canceling"}
            >
              <Square aria-hidden className="size-3.5" />
              Cancel
            </Button>
          )}
          <ConfirmDialog
            open={confirmCancel && active}
            onOpenChange={setConfirmCancel}
            title={`Cancel build #${build.build_number}?`}
            description="The provisioner stops where it is; resources it already changed stay as they are until the next build."
            confirmLabel="Cancel build"
            variant="danger"
            onConfirm={() => {
              setConfirmCancel(false);
              props.onCancel();
            }}
          />
          {!active && (
            <Button
              size="sm"
              onClick={() => props.onRetry()}
              loading={props.retrying === "normal"}
              disabled={props.retrying !== null}
              title="Run this build again: same transition, template version and parameters"
            >
              <RotateCw aria-hidden className="size-3.5" />
              Retry
            </Button>
          )}
          {!active && props.canDebug && (
            <Button
              size="sm"
              onClick={() => props.onRetry({ debug: true })}
              loading={props.retrying === "debug"}
              disabled={props.retrying !== null}
              title="Retry with debug-level provisioner logs"
            >
              <Bug aria-hidden className="size-3.5" />
              Debug retry
            </Button>
          )}
          <Link to={timingsPath(owner, workspace.name, build.build_number)} className={buttonClasses({ size: "sm" })}>
            <ChartGantt aria-hidden className="size-3.5" />
            Timings
          </Link>
          <Link
            to={`${timingsPath(owner, workspace.name, build.build_number)}?compare=prev`}
            className={buttonClasses({ size: "sm" })}
          >
            <GitCompareArrows aria-hidden className="size-3.5" />
            Compare with previous
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-md border border-border bg-panel p-3 sm:grid-cols-4 lg:grid-cols-8">
        <Fact label="Initiated by">
          <Initiator build={build} />
        </Fact>
        <Fact label="Reason">{reasonLabel(build.reason)}</Fact>
        <Fact label="Template version">
          <Link
            to={`/builds?template=${encodeURIComponent(workspace.template_name)}`}
            className="font-mono text-accent hover:underline"
            title={`Builds of template ${workspace.template_name}${outdated ? " (this build is not on the active version)" : ""}`}
          >
            {workspace.template_name}@{build.template_version_name}
          </Link>
          {outdated && <span className="ml-1 text-xs text-attention">not active</span>}
        </Fact>
        <Fact label="Queued">
          <When date={build.job.created_at || build.created_at} />
        </Fact>
        <Fact label="Started">
          <When date={build.job.started_at} />
        </Fact>
        <Fact label="Completed">
          <When date={build.job.completed_at} />
        </Fact>
        <Fact label="Queue · run">
          <span className="inline-flex gap-1">
            <QueueDuration build={build} className="text-muted" />·<BuildDuration build={build} />
          </span>
        </Fact>
        <Fact label="Total">
          <TotalTime build={build} />
        </Fact>
      </dl>
    </header>
  );
}
