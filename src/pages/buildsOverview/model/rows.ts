// One row per build across every workspace. The overview holds thousands of builds, so each
// WorkspaceBuild is slimmed to the fields the page shows and aggregates (no resources, agents or
// tags), in the API's own shape so the shared time helpers (`buildDuration`, `queueTime`) apply.
// Times that can no longer change are computed once here, not on every aggregation.
import type { ProvisionerJob, Workspace, WorkspaceBuild } from "../../../api/types";
import { errorCodeOf } from "../../../lib/buildErrors";
import { isActiveJob } from "../../../api/jobStatus";
import { buildDuration, queueTime } from "../../../lib/builds/times";

export interface OverviewWorkspace {
  id: string;
  name: string;
  owner_name: string;
  organization_id: string;
  template_name: string;
  template_display_name: string;
}

export type OverviewJob = Pick<
  ProvisionerJob,
  | "id"
  | "status"
  | "created_at"
  | "started_at"
  | "completed_at"
  | "canceled_at"
  | "error"
  | "error_code"
  | "queue_position"
  | "queue_size"
>;

export interface OverviewBuild {
  id: string;
  build_number: number;
  transition: WorkspaceBuild["transition"];
  reason: WorkspaceBuild["reason"];
  initiator_name: string;
  created_at: string;
  template_version_name: string;
  job: OverviewJob;
  workspace: OverviewWorkspace;
  /** `created_at` parsed once: every sort, range filter and time bucket reads it. */
  createdMs: number;
  /**
   * The failure class shown and counted: the server's `error_code`, or on older servers the class
   * recognised in the error text (docs/coder-api.md). Undefined for builds that did not fail with one.
   */
  errorCode: string | undefined;
  /** Provisioner run time once the job has ended; undefined while in flight or when it never ran. */
  runMs: number | undefined;
  /** Time spent waiting for a provisioner, once one took the job or it ended; undefined while queued. */
  queueMs: number | undefined;
}

/**
 * The times that no longer change, computed once per build rather than on every aggregation
 * (thousands of builds, each chart and the regression rule read them).
 */
export function settledTimes(
  build: Pick<OverviewBuild, "created_at" | "job">,
): Pick<OverviewBuild, "runMs" | "queueMs"> {
  const active = isActiveJob(build.job.status);
  return {
    runMs: active ? undefined : buildDuration(build),
    queueMs: active && !build.job.started_at ? undefined : queueTime(build),
  };
}

export function overviewWorkspace(
  w: Pick<Workspace, "id" | "name" | "owner_name" | "organization_id" | "template_name" | "template_display_name">,
): OverviewWorkspace {
  return {
    id: w.id,
    name: w.name,
    owner_name: w.owner_name,
    organization_id: w.organization_id,
    template_name: w.template_name,
    template_display_name: w.template_display_name,
  };
}

/** The job's fields a row keeps (a build's job or one from the job list). */
export function overviewJob(j: OverviewJob): OverviewJob {
  return {
    id: j.id,
    status: j.status,
    created_at: j.created_at,
    started_at: j.started_at,
    completed_at: j.completed_at,
    canceled_at: j.canceled_at,
    error: j.error,
    error_code: j.error_code,
    queue_position: j.queue_position,
    queue_size: j.queue_size,
  };
}

export function toOverviewBuild(build: WorkspaceBuild, workspace: OverviewWorkspace): OverviewBuild {
  const j = build.job;
  const job = overviewJob(j);
  const row = {
    id: build.id,
    build_number: build.build_number,
    transition: build.transition,
    reason: build.reason,
    initiator_name: build.initiator_name,
    created_at: build.created_at,
    template_version_name: build.template_version_name,
    job,
    workspace,
    createdMs: Date.parse(build.created_at),
    errorCode: j.status === "failed" ? (j.error_code ?? errorCodeOf(j)) : undefined,
  };
  return { ...row, ...settledTimes(row) };
}

/** Newest first; builds created in the same millisecond keep a stable order by id. */
export function byNewest(
  a: Pick<OverviewBuild, "createdMs" | "id">,
  b: Pick<OverviewBuild, "createdMs" | "id">,
): number {
  return b.createdMs - a.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
