// Where a build is and how long it usually takes: the "current stage", "elapsed" and
// "usually ~2m 10s" of a live build on the workspace page.
import type { WorkspaceBuild } from "../../api/types";
import { isActiveJob } from "../../api/jobStatus";
import { agentSettled, agentsOf, timingStageOfLogStage } from "../timings";
import { formatDuration, formatOrdinal } from "../format";

export type BuildStep = "queued" | "init" | "plan" | "graph" | "apply" | "agents";

export const BUILD_STEPS: ReadonlyArray<{ id: BuildStep; label: string }> = [
  { id: "queued", label: "Queued" },
  { id: "init", label: "Init" },
  { id: "plan", label: "Plan" },
  { id: "graph", label: "Graph" },
  { id: "apply", label: "Apply" },
  { id: "agents", label: "Agents" },
];

export interface BuildProgress {
  /** The step under way, or undefined once nothing more is expected. */
  step: BuildStep | undefined;
  /** The provisioner's own phase name from the log (e.g. "Planning infrastructure"), when there is one. */
  logStage: string | undefined;
}

/**
 * The build's current step. The job's state says queued / provisioning / done; while provisioning,
 * the latest log stage that names a timing stage says which (a phase such as "Cleaning Up" has no
 * stage of its own and keeps the previous one). After a start job succeeds the agents still have
 * to connect and run their scripts (docs/coder-api.md, Timings), which is the "agents" step.
 */
export function buildProgress(build: WorkspaceBuild, logStages: readonly string[]): BuildProgress {
  const job = build.job;
  const logStage = logStages.length > 0 ? logStages[logStages.length - 1] : undefined;
  if (job.status === "pending") return { step: "queued", logStage: undefined };
  if (isActiveJob(job.status)) {
    for (let i = logStages.length - 1; i >= 0; i--) {
      const stage = timingStageOfLogStage(logStages[i]);
      if (stage) return { step: stage, logStage };
    }
    return { step: "init", logStage };
  }
  if (job.status === "succeeded" && build.transition === "start" && agentsOf(build).some((a) => !agentSettled(a))) {
    return { step: "agents", logStage: undefined };
  }
  return { step: undefined, logStage: undefined };
}

/** How long a finished job took, from start to completion; undefined for one that never ran. */
export function jobDurationMs(build: Pick<WorkspaceBuild, "job">): number | undefined {
  const { started_at, completed_at } = build.job;
  if (!started_at || !completed_at) return undefined;
  const ms = Date.parse(completed_at) - Date.parse(started_at);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * The typical job duration for `transition`: the median of past successful builds with the same
 * transition (failed and canceled runs stop early and would drag it down). Undefined without any.
 */
export function typicalDurationMs(
  builds: readonly WorkspaceBuild[],
  transition: string,
  excludeBuildId?: string,
): number | undefined {
  const samples = builds
    .filter((b) => b.id !== excludeBuildId && b.transition === transition && b.job.status === "succeeded")
    .map(jobDurationMs)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  if (samples.length === 0) return undefined;
  const mid = samples.length >> 1;
  return samples.length % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

/** "usually ~2m 10s": rounded to whole seconds under a minute, to 10 s above, so it reads as an estimate. */
export function estimateText(typicalMs: number | undefined): string | undefined {
  if (typicalMs === undefined) return undefined;
  const step = typicalMs < 60_000 ? 1_000 : 10_000;
  const rounded = Math.max(1_000, Math.round(typicalMs / step) * step);
  return `usually ~${formatDuration(rounded)}`;
}

/** "2nd of 5 in queue" for a pending job; undefined when the server gave no position. */
export function queueText(job: WorkspaceBuild["job"]): string | undefined {
  if (job.status !== "pending") return undefined;
  const position = job.queue_position;
  const size = job.queue_size;
  if (!(position > 0)) return undefined;
  return size >= position ? `${formatOrdinal(position)} of ${size} in queue` : `${formatOrdinal(position)} in queue`;
}

/**
 * Why a pending build may never start: no provisioner matches its tags, or none of the matching
 * ones has been seen lately. Undefined on servers that don't report `matched_provisioners`.
 */
export function provisionerWarning(build: Pick<WorkspaceBuild, "job" | "matched_provisioners">): string | undefined {
  const matched = build.matched_provisioners;
  if (build.job.status !== "pending" || !matched) return undefined;
  if (matched.count === 0) return "No provisioner matches this build's tags, so it cannot start until one is added.";
  if (matched.available === 0)
    return "The provisioners that can run this build are offline; it will wait until one comes back.";
  return undefined;
}
