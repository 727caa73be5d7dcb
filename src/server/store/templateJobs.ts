// Template version import jobs: they share the provisioners' queue with workspace builds but have no
// build, logs or resources of their own here. Kept apart from the Store class, which is about builds.
import { HttpError, notFound } from "../util/errors";
import type { JobHold, JobRecord, TemplateRecord, TemplateVersionRecord, UserRecord } from "./records";
import type { Store } from "./store";

export interface ImportJobRequest {
  template: TemplateRecord;
  initiator: UserRecord;
  tags: Record<string, string>;
  message: string;
  /** For seeded jobs: when it was queued (default now), and whether the simulation may ever run it. */
  createdMs?: number;
  hold?: JobHold;
}

/** A new, not yet promoted version of `template`, with its import job queued. */
export function queueTemplateImport(store: Store, req: ImportJobRequest): TemplateVersionRecord {
  const created = store.iso(req.createdMs ?? store.now());
  const versions = [...store.versions.values()].filter((v) => v.template_id === req.template.id);
  const active = store.versions.get(req.template.active_version_id);
  const job: JobRecord = {
    id: store.mintId(),
    ordinal: store.takeOrdinal(),
    type: "template_version_import",
    organization_id: req.template.organization_id,
    created_at: created,
    updated_at: created,
    status: "pending",
    file_id: store.mintId(),
    tags: req.tags,
    initiator_id: req.initiator.id,
    hold: req.hold,
    logs_overflowed: false,
  };
  const version: TemplateVersionRecord = {
    id: store.mintId(),
    template_id: req.template.id,
    organization_id: req.template.organization_id,
    name: `v${versions.length + 1}`,
    message: req.message,
    readme: active?.readme ?? "",
    created_at: created,
    created_by_id: req.initiator.id,
    job_id: job.id,
    parameters: active?.parameters ?? [],
    archived: false,
  };
  job.template_version_id = version.id;
  store.versions.set(version.id, version);
  store.insertJob(job);
  if (!req.hold) store.emit({ kind: "job-queued", jobId: job.id });
  return version;
}

/** A provisioner finished an import job (success, or the cancel it was asked for). */
export function finishTemplateJob(store: Store, jobId: string, status: "succeeded" | "canceled"): void {
  const job = store.jobs.get(jobId);
  if (!job || job.completed_at || job.build_id) return;
  const now = store.iso();
  job.status = status;
  job.completed_at = now;
  job.updated_at = now;
  if (status === "canceled") job.error = "canceled";
  store.emit({ kind: "job-done", jobId });
}

/**
 * `PATCH /templateversions/{id}/cancel` as coderd does it: template admins only (others get 404),
 * 400 once the job is finished or already canceled; a pending job ends at once, a running one goes
 * `canceling` until its provisioner acknowledges.
 */
export function cancelTemplateVersion(store: Store, version: TemplateVersionRecord, user: UserRecord): void {
  if (!user.admin) throw notFound();
  const job = store.jobs.get(version.job_id);
  if (!job) throw notFound();
  if (job.completed_at) throw new HttpError(400, "Job has already completed!");
  if (job.canceled_at) throw new HttpError(400, "Job has already been marked as canceled!");
  const now = store.iso();
  job.canceled_at = now;
  job.updated_at = now;
  if (job.status === "pending") {
    const i = store.queue.indexOf(job.id);
    if (i >= 0) store.queue.splice(i, 1);
    job.status = "canceled";
    job.completed_at = now;
    job.error = "canceled";
    store.emit({ kind: "job-done", jobId: job.id });
    return;
  }
  job.status = "canceling";
  store.emit({ kind: "job-cancel-requested", jobId: job.id });
}
