// The overview's history from the organization's provisioner-job list: one request covers every
// workspace, where the builds endpoint needs one per workspace. A job lacks two things a build row
// shows, and both are recovered here: the build number (a workspace's builds are numbered in the
// order their jobs were created, anchored on the latest build the workspace list reports) and the
// initiator's name (from the users the page already knows).
import type { ProvisionerJob, WorkspaceBuild } from "../../../api/types";
import { errorCodeOf } from "../../../lib/buildErrors";
import { isBuildJob } from "./history";
import { overviewJob, settledTimes, type OverviewBuild, type OverviewWorkspace } from "./rows";

/** The first ask: enough for a week of a mid-sized deployment; bigger ones are asked once more. */
export const FIRST_HISTORY_LIMIT = 2_000;
/** Headroom on the estimate, so the second ask covers the window even if builds were denser there. */
const ESTIMATE_MARGIN = 1.25;

/**
 * The job list has no `since` filter: it returns the newest `limit` jobs. Undefined when `jobs`
 * (newest first, `limit` asked) already reach back past `since`; otherwise the limit that should,
 * extrapolated from how far back this answer reached.
 */
export function nextHistoryLimit(
  jobs: readonly Pick<ProvisionerJob, "created_at">[],
  limit: number,
  since: number,
  now: number,
): number | undefined {
  if (jobs.length < limit) return undefined;
  const oldest = Date.parse(jobs[jobs.length - 1].created_at);
  if (oldest <= since) return undefined;
  const covered = Math.max(1, now - oldest);
  return Math.max(limit * 2, Math.ceil((limit * (now - since) * ESTIMATE_MARGIN) / covered));
}

export interface LatestBuildRef {
  build_number: number;
  jobId: string;
}

/**
 * Build numbers for one workspace's jobs (any order), or undefined when they cannot be anchored:
 * the latest build's job is not among them (then the list and the jobs disagree; ask the builds).
 */
export function numberJobs(
  jobs: readonly ProvisionerJob[],
  latest: LatestBuildRef,
): Array<{ job: ProvisionerJob; number: number }> | undefined {
  const newestFirst = [...jobs].sort(
    (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || (a.id < b.id ? 1 : -1),
  );
  const anchor = newestFirst.findIndex((j) => j.id === latest.jobId);
  if (anchor < 0) return undefined;
  return newestFirst.map((job, i) => ({ job, number: latest.build_number + anchor - i }));
}

/** Workspace-build jobs of the window, by workspace id. */
export function jobsByWorkspace(jobs: readonly ProvisionerJob[], since: number): Map<string, ProvisionerJob[]> {
  const out = new Map<string, ProvisionerJob[]>();
  for (const job of jobs) {
    const id = job.metadata?.workspace_id;
    if (!isBuildJob(job) || !id || !job.input?.workspace_build_id || Date.parse(job.created_at) < since) continue;
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(job);
  }
  return out;
}

/** A build row from its job. The reason is not in the job: rows built this way show none. */
export function jobBuildRow(
  job: ProvisionerJob,
  workspace: OverviewWorkspace,
  buildNumber: number,
  initiatorName: string,
): OverviewBuild {
  const row = {
    id: job.input!.workspace_build_id!,
    build_number: buildNumber,
    transition: (job.metadata?.workspace_build_transition ?? "start") as WorkspaceBuild["transition"],
    reason: "",
    initiator_name: initiatorName,
    created_at: job.created_at,
    template_version_name: job.metadata?.template_version_name ?? "",
    job: overviewJob(job),
    workspace,
    createdMs: Date.parse(job.created_at),
    errorCode: job.status === "failed" ? (job.error_code ?? errorCodeOf(job)) : undefined,
  };
  return { ...row, ...settledTimes(row) };
}
