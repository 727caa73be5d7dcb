// One row per build across every workspace. The overview holds thousands of builds, so each
// WorkspaceBuild is slimmed to the fields the page shows and aggregates (no resources, agents or
// tags), in the API's own shape so the shared time helpers (`buildDuration`, `queueTime`) apply.
import type { ProvisionerJob, Workspace, WorkspaceBuild } from "../../api/types";
import { errorCodeOf } from "../buildErrors";

export interface OverviewWorkspace {
  id: string;
  name: string;
  owner_name: string;
  organization_id: string;
  template_name: string;
  template_display_name: string;
}

export type OverviewJob = Pick<ProvisionerJob, "id" | "status" | "created_at" | "started_at" | "completed_at" | "canceled_at" | "error" | "error_code" | "queue_position" | "queue_size">;

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
   * recognised in the error text (SPEC §3). Undefined for builds that did not fail with one.
   */
  errorCode: string | undefined;
}

export function overviewWorkspace(w: Pick<Workspace, "id" | "name" | "owner_name" | "organization_id" | "template_name" | "template_display_name">): OverviewWorkspace {
  return {
    id: w.id,
    name: w.name,
    owner_name: w.owner_name,
    organization_id: w.organization_id,
    template_name: w.template_name,
    template_display_name: w.template_display_name,
  };
}

export function toOverviewBuild(build: WorkspaceBuild, workspace: OverviewWorkspace): OverviewBuild {
  const j = build.job;
  const job: OverviewJob = {
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
  return {
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
}

/** Newest first; builds created in the same millisecond keep a stable order by id. */
export function byNewest(a: Pick<OverviewBuild, "createdMs" | "id">, b: Pick<OverviewBuild, "createdMs" | "id">): number {
  return b.createdMs - a.createdMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
