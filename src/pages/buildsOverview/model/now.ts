// "What is building right now": pending, running and canceling builds. For admins the source is
// the organization's provisioner-job list (it knows the queue); elsewhere the cached builds, whose
// latest build carries the same job with its queue position.
import type { ProvisionerJob } from "../../../api/types";
import { isActiveJob } from "../../../api/jobStatus";
import { durationBetween } from "../../../lib/format";
import { isBuildJob } from "./history";
import type { OverviewBuild, OverviewWorkspace } from "./rows";

/** A build pending longer than this is flagged as stuck (DESIGN: "queue waiting long" is attention). */
export const STUCK_AFTER_MS = 5 * 60_000;

/** What a queued or running job does: a workspace build, or a template version's import or dry run. */
export type JobKind = "build" | "import" | "dry-run";

export interface ActiveBuild {
  jobId: string;
  kind: JobKind;
  /** The workspace build (builds only): what a cancel addresses. */
  buildId: string | undefined;
  /** The template version (imports and dry runs): what a cancel addresses. */
  templateVersionId: string | undefined;
  templateVersionName: string;
  /** The job's provisioner tags (from the job list; empty when only the build is known). */
  tags: Record<string, string>;
  /** Known once the build is cached (the job list names the workspace but not the build number). */
  buildNumber: number | undefined;
  workspaceId: string | undefined;
  workspaceName: string;
  ownerName: string | undefined;
  templateName: string;
  transition: string;
  status: string;
  /** When the job was queued. */
  createdAt: string;
  startedAt: string | undefined;
  queuePosition: number;
  queueSize: number;
  /** Pending with no provisioner able to take it (no daemon matches its tags); known from the job list only. */
  noProvisioner: boolean;
}

export interface ActiveLookup {
  workspace: (id: string) => OverviewWorkspace | undefined;
  buildOfJob: (jobId: string) => OverviewBuild | undefined;
}

const KINDS: Record<string, JobKind> = { template_version_import: "import", template_version_dry_run: "dry-run" };

export function activeFromJobs(jobs: readonly ProvisionerJob[], lookup: ActiveLookup): ActiveBuild[] {
  const out: ActiveBuild[] = [];
  for (const job of jobs) {
    const kind = isBuildJob(job) ? "build" : (KINDS[job.type] ?? "import");
    const build = kind === "build" ? lookup.buildOfJob(job.id) : undefined;
    const workspaceId = job.metadata?.workspace_id ?? build?.workspace.id;
    const workspace = (workspaceId && lookup.workspace(workspaceId)) || build?.workspace;
    out.push({
      jobId: job.id,
      kind,
      buildId: job.input?.workspace_build_id ?? build?.id,
      templateVersionId: kind === "build" ? undefined : job.input?.template_version_id,
      templateVersionName: job.metadata?.template_version_name ?? build?.template_version_name ?? "",
      tags: job.tags ?? {},
      buildNumber: build?.build_number,
      workspaceId,
      workspaceName: job.metadata?.workspace_name ?? workspace?.name ?? "",
      ownerName: workspace?.owner_name,
      templateName: job.metadata?.template_name ?? workspace?.template_name ?? "",
      transition: job.metadata?.workspace_build_transition ?? build?.transition ?? "",
      status: job.status,
      createdAt: job.created_at,
      startedAt: job.started_at,
      queuePosition: job.queue_position,
      queueSize: job.queue_size,
      noProvisioner:
        job.status === "pending" && Array.isArray(job.available_workers) && job.available_workers.length === 0,
    });
  }
  return out;
}

export function activeFromBuilds(builds: readonly OverviewBuild[]): ActiveBuild[] {
  return builds
    .filter((b) => isActiveJob(b.job.status))
    .map((b) => ({
      jobId: b.job.id,
      kind: "build" as const,
      buildId: b.id,
      templateVersionId: undefined,
      templateVersionName: b.template_version_name,
      tags: {},
      buildNumber: b.build_number,
      workspaceId: b.workspace.id,
      workspaceName: b.workspace.name,
      ownerName: b.workspace.owner_name,
      templateName: b.workspace.template_name,
      transition: b.transition,
      status: b.job.status,
      createdAt: b.job.created_at || b.created_at,
      startedAt: b.job.started_at,
      queuePosition: b.job.queue_position,
      queueSize: b.job.queue_size,
      noProvisioner: false,
    }));
}

export interface PendingBuild extends ActiveBuild {
  waitingMs: number;
  stuck: boolean;
}

export interface RunningBuild extends ActiveBuild {
  elapsedMs: number;
}

export interface NowLists {
  /** Oldest first: the one waiting longest is the one to look at. */
  pending: PendingBuild[];
  /** Longest running first. */
  running: RunningBuild[];
  canceling: ActiveBuild[];
  stuck: number;
}

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

export function nowLists(active: readonly ActiveBuild[], now: number): NowLists {
  const pending: PendingBuild[] = [];
  const running: RunningBuild[] = [];
  const canceling: ActiveBuild[] = [];
  for (const a of active) {
    if (a.status === "pending") {
      const waitingMs = durationBetween(a.createdAt, undefined, now) ?? 0;
      pending.push({ ...a, waitingMs, stuck: waitingMs > STUCK_AFTER_MS });
    } else if (a.status === "running") {
      running.push({ ...a, elapsedMs: durationBetween(a.startedAt ?? a.createdAt, undefined, now) ?? 0 });
    } else if (a.status === "canceling") {
      canceling.push(a);
    }
  }
  pending.sort((x, y) => time(x.createdAt) - time(y.createdAt) || x.jobId.localeCompare(y.jobId));
  running.sort(
    (x, y) => time(x.startedAt ?? x.createdAt) - time(y.startedAt ?? y.createdAt) || x.jobId.localeCompare(y.jobId),
  );
  canceling.sort((x, y) => time(x.createdAt) - time(y.createdAt) || x.jobId.localeCompare(y.jobId));
  return { pending, running, canceling, stuck: pending.filter((p) => p.stuck).length };
}
