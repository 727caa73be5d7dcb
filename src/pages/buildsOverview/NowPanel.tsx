import type { ReactNode } from "react";
import { Link } from "react-router";
import { TriangleAlert } from "lucide-react";
import { buildPath, workspacePath } from "../../app/params";
import { cx } from "../../components/cx";
import { Duration } from "../../components/Duration";
import { StatusBadge } from "../../components/StatusBadge";
import { transitionLabel } from "../../lib/builds/labels";
import { formatOrdinal } from "../../lib/format";
import type { ActiveBuild, NowLists, PendingBuild } from "./model/now";

export interface NowPanelProps {
  lists: NowLists;
  /** Latest log stage of running builds, by job id. */
  stages: ReadonlyMap<string, string>;
  /** The queue comes from the organization's job list (else from each workspace's latest build). */
  fromJobs: boolean;
}

/** "What is building right now": counters, then the queue (oldest first), running and canceling builds. */
export function NowPanel({ lists, stages, fromJobs }: NowPanelProps) {
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
            <NowRow key={p.jobId} build={p} className={p.stuck ? "border-attention/40 bg-attention/5" : undefined}>
              <QueueFacts build={p} />
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
            <NowRow key={r.jobId} build={r}>
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

function NowRow({ build, className, children }: { build: ActiveBuild; className?: string; children: ReactNode }) {
  const owner = build.ownerName;
  const href = owner
    ? build.buildNumber !== undefined
      ? buildPath(owner, build.workspaceName, build.buildNumber)
      : workspacePath(owner, build.workspaceName)
    : undefined;
  const name = (
    <>
      {owner && <span className="text-muted">{owner}/</span>}
      {build.workspaceName}
      {build.buildNumber !== undefined && <span className="text-muted"> #{build.buildNumber}</span>}
    </>
  );
  return (
    <li
      data-testid="now-row"
      data-workspace={build.workspaceName}
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
        <span className="shrink-0 text-xs text-muted">
          {transitionLabel(build.transition)} · {build.templateName}
        </span>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-xs text-muted">{children}</div>
    </li>
  );
}

function QueueFacts({ build }: { build: PendingBuild }) {
  const position =
    build.queuePosition > 0
      ? `${formatOrdinal(build.queuePosition)} of ${Math.max(build.queueSize, build.queuePosition)}`
      : undefined;
  return (
    <>
      {build.noProvisioner ? (
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
