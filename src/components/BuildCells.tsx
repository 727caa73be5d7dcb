// Small pieces of a build shown the same way in the history table, its phone cards and the build
// page header.
import { memo } from "react";
import { CircleHelp, Play, Square, Trash2, type LucideIcon } from "lucide-react";
import type { WorkspaceBuild } from "../api/types";
import { Avatar } from "./Avatar";
import { cx } from "./cx";
import { Duration } from "./Duration";
import { StatusBadge } from "./StatusBadge";
import { transitionLabel } from "../lib/builds/labels";
import { isActiveJob } from "../api/jobStatus";
import { buildDuration, queueTime } from "../lib/builds/times";

const TRANSITION_ICONS: Record<string, LucideIcon> = { start: Play, stop: Square, delete: Trash2 };

export const TransitionLabel = memo(function TransitionLabel({
  transition,
  className,
}: {
  transition: string;
  className?: string;
}) {
  const Icon = Object.prototype.hasOwnProperty.call(TRANSITION_ICONS, transition)
    ? TRANSITION_ICONS[transition]
    : CircleHelp;
  return (
    <span className={cx("inline-flex items-center gap-1.5 whitespace-nowrap", className)}>
      <Icon aria-hidden className="size-3.5 shrink-0 text-muted" />
      {transitionLabel(transition)}
    </span>
  );
});

/** Job status, plus the error code when the job has one (e.g. INSUFFICIENT_QUOTA). */
export const BuildStatus = memo(function BuildStatus({
  build,
  size = "sm",
  variant = "plain",
}: {
  build: WorkspaceBuild;
  size?: "sm" | "md";
  variant?: "plain" | "pill";
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <StatusBadge kind="job" value={build.job.status} size={size} variant={variant} />
      {build.job.error_code && (
        <span
          data-testid="error-code"
          className="rounded bg-failure/10 px-1.5 py-0.5 font-mono text-[11px] leading-none text-failure"
        >
          {build.job.error_code}
        </span>
      )}
    </span>
  );
});

export const Initiator = memo(function Initiator({
  build,
  size = "sm",
}: {
  build: Pick<WorkspaceBuild, "initiator_name">;
  size?: "sm" | "md";
}) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <Avatar name={build.initiator_name || "?"} size={size} />
      <span className="truncate">{build.initiator_name || "—"}</span>
    </span>
  );
});

/** Run time; ticks while the job is active. */
export const BuildDuration = memo(function BuildDuration({
  build,
  className,
}: {
  build: WorkspaceBuild;
  className?: string;
}) {
  const job = build.job;
  if (isActiveJob(job.status) && job.started_at) return <Duration start={job.started_at} className={className} />;
  return <Duration ms={buildDuration(build)} className={className} />;
});

/** Time spent waiting for a provisioner; ticks while the job is queued. */
export const QueueDuration = memo(function QueueDuration({
  build,
  className,
}: {
  build: WorkspaceBuild;
  className?: string;
}) {
  const job = build.job;
  if (job.status === "pending" && !job.started_at)
    return <Duration start={job.created_at || build.created_at} className={className} />;
  return <Duration ms={queueTime(build)} className={className} />;
});
