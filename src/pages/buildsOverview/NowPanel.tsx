import type { ReactNode } from "react";
import { Link } from "react-router";
import { TriangleAlert } from "lucide-react";
import { buildPath, workspacePath } from "../../app/params";
import { cx } from "../../components/cx";
import { Duration } from "../../components/Duration";
import { StatusBadge } from "../../components/StatusBadge";
import { transitionLabel } from "../../lib/builds/labels";
import { formatOrdinal } from "../../lib/format";
import type { ProvisionerDaemon } from "../../api/types";
import { CancelJobButton } from "./CancelJobButton";
import type { ActiveBuild, JobKind, NowLists, PendingBuild } from "./model/now";
import { WaitReasonText } from "./WaitReasonText";

export interface NowPanelProps {
  lists: NowLists;
  /** Latest log stage of running builds, by job id. */
  stages: ReadonlyMap<string, string>;
  /** The queue comes from the organization's job list (else from each workspace's latest build). */
  fromJobs: boolean;
  /** The organization's daemons (admins): pending jobs then say why they wait. */
  daemons?: readonly ProvisionerDaemon[];
  /** Admins may cancel any queued or running job; the page then polls at once. */
  onCanceled?: () => void;
}

const KIND_LABELS: Record<JobKind, string> = { build: "", import: "Template import", "dry-run": "Template dry run" };

/** "What is building right now": counters, then the queue (oldest first), running and canceling builds. */
export function NowPanel({ lists, stages, fromJobs, daemons, onCanceled }: NowPanelProps) {
  return (
    <section aria-labelledby="now-title" data-testid="now-panel" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="now-title" className="text-base font-semibold text-text">
          Now
        </h2>
        <p className="text-xs text-muted">
          {fromJobs ? "From the organization's provisioner queue." : "From each workspace's latest build."}
        </p>
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <NowColumn
          id="pending"
          title="Queued"
          status="pending"
          count={lists.pending.length}
          extra={lists.stuck > 0 ? <StuckCount count={lists.stuck} /> : undefined}
          empty="Nothing is waiting for a provisioner."
        >
          {lists.pending.map((p) => (
            <NowRow
              key={p.jobId}
              build={p}
              onCanceled={onCanceled}
              className={p.stuck ? "border-attention/40 bg-attention/5" : undefined}
            >
              <QueueFacts build={p} daemons={daemons} />
            </NowRow>
          ))}
        </NowColumn>
        <NowColumn
          id="running"
          title="Running"
          status="running"
          count={lists.running.length}
          empty="No build is running."
        >
          {lists.running.map((r) => (
            <NowRow key={r.jobId} build={r} onCanceled={onCanceled}>
              <span data-testid="now-stage" className="truncate">
                {stages.get(r.jobId) ?? "Running"}
              </span>
              <span aria-hidden>·</span>
              <span>
                <Duration start={r.startedAt ?? r.createdAt} className="text-text" /> elapsed
              </span>
            </NowRow>
          ))}
        </NowColumn>
        <NowColumn
          id="canceling"
          title="Canceling"
          status="canceling"
          count={lists.canceling.length}
          empty="No build is being canceled."
        >
          {lists.canceling.map((c) => (
            <NowRow key={c.jobId} build={c}>
              <span>
                asked <Duration start={c.createdAt} className="text-text" /> ago
              </span>
            </NowRow>
          ))}
        </NowColumn>
      </div>
    </section>
  );
}

function StuckCount({ count }: { count: number }) {
  return (
    <span className="inline-flex items-center gap-1 text-xs font-medium text-attention">
      <TriangleAlert aria-hidden className="size-3.5" />
      {count} stuck
    </span>
  );
}

interface NowColumnProps {
  id: string;
  title: string;
  status: string;
  count: number;
  extra?: ReactNode;
  empty: string;
  children: ReactNode;
}

function NowColumn({ id, title, status, count, extra, empty, children }: NowColumnProps) {
  return (
    <div data-testid={`now-${id}`} className="flex min-w-0 flex-col rounded-md border border-border bg-panel">
      <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2">
        <h3 id={`now-${id}-title`} className="flex items-center gap-2 text-sm font-medium text-text">
          <StatusBadge kind="job" value={status} label={title} variant="plain" size="sm" />
        </h3>
        <div className="flex items-center gap-3">
          {extra}
          <span data-testid={`now-${id}-count`} className="font-mono text-xl font-semibold tabular-nums text-text">
            {count}
          </span>
        </div>
      </div>
      {count === 0 ? (
        <p className="px-3 py-4 text-sm text-muted">{empty}</p>
      ) : (
        <ul
          aria-labelledby={`now-${id}-title`}
          className="flex max-h-72 flex-col divide-y divide-border overflow-y-auto"
        >
          {children}
        </ul>
      )}
    </div>
  );
}

interface NowRowProps {
  build: ActiveBuild;
  className?: string;
  onCanceled?: () => void;
  children: ReactNode;
}

function NowRow({ build, className, onCanceled, children }: NowRowProps) {
  const owner = build.ownerName;
  const href =
    build.kind !== "build"
      ? undefined
      : owner
        ? build.buildNumber !== undefined
          ? buildPath(owner, build.workspaceName, build.buildNumber)
          : workspacePath(owner, build.workspaceName)
        : undefined;
  const name =
    build.kind === "build" ? (
      <>
        {owner && <span className="text-muted">{owner}/</span>}
        {build.workspaceName}
        {build.buildNumber !== undefined && <span className="text-muted"> #{build.buildNumber}</span>}
      </>
    ) : (
      <>
        {build.templateName} <span className="text-muted">{build.templateVersionName}</span>
      </>
    );
  return (
    <li
      data-testid="now-row"
      data-workspace={build.workspaceName}
      data-kind={build.kind}
      data-template={build.templateName}
      data-status={build.status}
      className={cx("flex flex-col gap-0.5 px-3 py-2 text-sm", className)}
    >
      <div className="flex min-w-0 items-center justify-between gap-2">
        {href ? (
          <Link to={href} className="truncate font-medium text-text hover:underline">
            {name}
          </Link>
        ) : (
          <span className="truncate font-medium text-text">{name}</span>
        )}
        <span className="flex shrink-0 items-center gap-2 text-xs text-muted">
          {build.kind === "build" ? (
            <span>
              {transitionLabel(build.transition)} · {build.templateName}
            </span>
          ) : (
            <span data-testid="job-kind" className="rounded bg-raised px-1.5 py-0.5 font-medium text-text">
              {KIND_LABELS[build.kind]}
            </span>
          )}
          {onCanceled && build.status !== "canceling" && <CancelJobButton job={build} onCanceled={onCanceled} />}
        </span>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-xs text-muted">{children}</div>
    </li>
  );
}

function QueueFacts({ build, daemons }: { build: PendingBuild; daemons?: readonly ProvisionerDaemon[] }) {
  const position =
    build.queuePosition > 0
      ? `${formatOrdinal(build.queuePosition)} of ${Math.max(build.queueSize, build.queuePosition)}`
      : undefined;
  return (
    <>
      {daemons ? (
        <>
          {position && (
            <span data-testid="queue-position" className="font-medium text-text">
              {position} in queue
            </span>
          )}
          {position && <span aria-hidden>·</span>}
          <WaitReasonText job={build} daemons={daemons} />
        </>
      ) : build.noProvisioner ? (
        <span className="font-medium text-attention">no provisioner can take it</span>
      ) : position ? (
        <span data-testid="queue-position" className="font-medium text-text">
          {position} in queue
        </span>
      ) : (
        <span>in queue</span>
      )}
      <span aria-hidden>·</span>
      <span>
        waiting <Duration start={build.createdAt} className="text-text" />
      </span>
      {build.stuck && (
        <span data-testid="stuck" className="inline-flex items-center gap-1 font-medium text-attention">
          <TriangleAlert aria-hidden className="size-3" />
          stuck over 5 min
        </span>
      )}
    </>
  );
}
