// How long a build waited and ran. Times come from the provisioner job: `created_at` is when it was
// queued, `started_at` when a provisioner picked it up, `completed_at` when it ended. Absent keys
// mean "not yet" (docs/coder-api.md), so a live build measures up to `now`.
import { isActiveJob } from "../../api/jobStatus";
import type { WorkspaceBuild } from "../../api/types";
import { durationBetween } from "../format";

type BuildTimes = Pick<WorkspaceBuild, "created_at"> & {
  job: Pick<WorkspaceBuild["job"], "status" | "created_at" | "started_at" | "completed_at" | "canceled_at">;
};

/** When the job stopped, or undefined while it is still going. */
function endOf(build: BuildTimes): string | undefined {
  if (build.job.completed_at) return build.job.completed_at;
  if (!isActiveJob(build.job.status)) return build.job.canceled_at;
  return undefined;
}

/**
 * Time the provisioner spent on the job (started → completed, or → now while running).
 * Undefined when it never started (still queued, or canceled while queued).
 */
export function buildDuration(build: BuildTimes, now: number = Date.now()): number | undefined {
  if (!build.job.started_at) return undefined;
  const end = endOf(build);
  if (!end && !isActiveJob(build.job.status)) return undefined;
  return durationBetween(build.job.started_at, end, now);
}

/** Time spent waiting for a provisioner: queued → started, → now while pending, → end if it never started. */
export function queueTime(build: BuildTimes, now: number = Date.now()): number | undefined {
  const queuedAt = build.job.created_at || build.created_at;
  if (build.job.started_at) return durationBetween(queuedAt, build.job.started_at, now);
  const end = endOf(build);
  if (end) return durationBetween(queuedAt, end, now);
  return isActiveJob(build.job.status) ? durationBetween(queuedAt, undefined, now) : undefined;
}

/** Queued → completed: what the person who asked for the build waited. */
export function totalTime(build: BuildTimes, now: number = Date.now()): number | undefined {
  const end = endOf(build);
  if (!end && !isActiveJob(build.job.status)) return undefined;
  return durationBetween(build.job.created_at || build.created_at, end, now);
}
