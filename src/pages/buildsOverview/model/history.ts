// The overview's per-workspace build cache and what to ask the server to keep it current. Coder has
// no "all builds" endpoint, so each workspace's history is fetched once for the window
// (`since=`), and afterwards only what may have changed is asked for: `after_id=<cursor>` returns
// the builds newer than the cursor, which covers new builds and every build still in flight.
import type { ProvisionerJob } from "../../../api/types";
import { isActiveJob } from "../../../api/jobStatus";
import type { OverviewBuild } from "./rows";

/** How far back the overview looks: the 7-day range plus the day the regression rule compares. */
export const HISTORY_WINDOW_MS = 8 * 24 * 3600_000;

/**
 * The `after_id` for an incremental refresh: the newest build that is below every unfinished one,
 * so whatever can still change is re-read. Undefined when nothing finished is cached (refetch the
 * window instead). `builds` is newest first.
 */
export function refreshCursor(builds: readonly Pick<OverviewBuild, "build_number" | "job">[]): number | undefined {
  let lowestActive = Number.POSITIVE_INFINITY;
  for (const b of builds) if (isActiveJob(b.job.status)) lowestActive = Math.min(lowestActive, b.build_number);
  for (const b of builds) if (b.build_number < lowestActive && !isActiveJob(b.job.status)) return b.build_number;
  return undefined;
}

/** Cached builds up to and including the cursor, then the fresh ones above it; newest first. */
export function mergeAfter<T extends Pick<OverviewBuild, "build_number">>(
  cached: readonly T[],
  cursorNumber: number,
  fresh: readonly T[],
): T[] {
  const kept = cached.filter((b) => b.build_number <= cursorNumber);
  const above = fresh.filter((b) => b.build_number > cursorNumber);
  return [...above, ...kept].sort((a, b) => b.build_number - a.build_number);
}

export interface HistoryCandidate {
  id: string;
  /** The workspace's latest build as the list reported it. */
  latest: Pick<OverviewBuild, "build_number" | "createdMs"> | undefined;
}

/**
 * Workspaces whose history is worth a request at first load, most recently built first (so the
 * newest rows of the table are right earliest). A workspace whose latest build is older than the
 * window has no build in it, and one on its first build has nothing but that build.
 */
export function historyTargets(candidates: readonly HistoryCandidate[], sinceMs: number): string[] {
  return candidates
    .filter((c) => c.latest !== undefined && c.latest.build_number > 1 && c.latest.createdMs >= sinceMs)
    .sort((a, b) => b.latest!.createdMs - a.latest!.createdMs)
    .map((c) => c.id);
}

export interface JobChange {
  status: string;
  workspaceId: string;
}

export interface JobChanges {
  /** Workspaces with a build the cache has wrong or lacks. */
  workspaceIds: Set<string>;
  /** The jobs that made each workspace count as changed, to remember once its refresh is done. */
  triggers: Map<string, JobChange>;
  /** A job could not be tied to a workspace (no `metadata` on older servers): resync the list. */
  unmapped: boolean;
}

export interface JobDiffInput {
  /** Jobs now pending, running or canceling. */
  active: readonly ProvisionerJob[];
  /** The newest jobs of any status: catches builds that started and ended between two polls. */
  recent: readonly ProvisionerJob[];
  /** Active workspace-build jobs of the previous poll: job id → workspace id. */
  previousActive: ReadonlyMap<string, string>;
  /** What the cache says about a job: its status and workspace, when the build is cached. */
  known: (jobId: string) => JobChange | undefined;
  /**
   * Job states a refresh was already made for without the cache learning them (a build older
   * than the window, a workspace deleted since): asking again would bring nothing, every poll.
   */
  attempted: ReadonlyMap<string, string>;
  /** Start of the cached window: an older job's build is never cached, so it is no news. */
  since: number;
}

/** Workspace-build jobs only; template imports and dry runs share the queue but are not builds. */
export function isBuildJob(job: Pick<ProvisionerJob, "type">): boolean {
  return job.type === "workspace_build";
}

/**
 * Which workspaces changed since the last poll, from the organization's job list: a job the cache
 * does not know or knows in another state, and a job that left the active set (it finished).
 */
export function changedFromJobs({ active, recent, previousActive, known, attempted, since }: JobDiffInput): JobChanges {
  const workspaceIds = new Set<string>();
  const triggers = new Map<string, JobChange>();
  let unmapped = false;
  const activeIds = new Set<string>();
  for (const job of [...active, ...recent]) {
    if (!isBuildJob(job)) continue;
    if (isActiveJob(job.status)) activeIds.add(job.id);
    const cached = known(job.id);
    if (
      (cached && cached.status === job.status) ||
      attempted.get(job.id) === job.status ||
      Date.parse(job.created_at) < since
    )
      continue;
    const workspaceId = job.metadata?.workspace_id ?? cached?.workspaceId;
    if (!workspaceId) {
      unmapped = true;
      continue;
    }
    workspaceIds.add(workspaceId);
    triggers.set(job.id, { status: job.status, workspaceId });
  }
  for (const [jobId, workspaceId] of previousActive) {
    if (activeIds.has(jobId)) continue;
    const cached = known(jobId);
    if (!cached || isActiveJob(cached.status)) workspaceIds.add(workspaceId);
  }
  return { workspaceIds, triggers, unmapped };
}

/**
 * The cache after the workspace list reported `latest` as a workspace's latest build, or
 * "refetch" when the list alone cannot tell (builds may have come and gone in between). Cheap
 * cases need no request: the same build in a new state, or the next build after a finished one.
 */
export function applyLatest<T extends Pick<OverviewBuild, "id" | "build_number" | "job">>(
  cached: readonly T[],
  latest: T,
): T[] | "refetch" {
  const top = cached[0];
  if (!top) return [latest];
  if (top.id === latest.id) return [latest, ...cached.slice(1)];
  if (latest.build_number === top.build_number + 1 && !isActiveJob(top.job.status)) return [latest, ...cached];
  return "refetch";
}

/** The active workspace-build jobs of a poll, for the next poll's diff. */
export function activeJobIndex(active: readonly ProvisionerJob[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const job of active) {
    const workspaceId = job.metadata?.workspace_id;
    if (isBuildJob(job) && workspaceId && isActiveJob(job.status)) index.set(job.id, workspaceId);
  }
  return index;
}
