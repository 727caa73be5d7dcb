// Template version import jobs: they share the provisioners' queue with workspace builds but have no
// build, logs or resources of their own here.
import { NotFound } from "./errors";
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
  store.addVersion(version);
  store.enqueueJob(job);
  return version;
}

/**
 * `PATCH /templateversions/{id}/cancel` as coderd does it: template admins only (others get 404),
 * then the cancel rules every job follows.
 */
export function cancelTemplateVersion(store: Store, version: TemplateVersionRecord, user: UserRecord): void {
  if (!user.admin) throw new NotFound();
  const job = store.jobs.get(version.job_id);
  if (!job) throw new NotFound();
  store.cancelJob(job);
}
