import type { ProvisionerDaemon, ProvisionerDaemonJob, ProvisionerDaemonStatus } from "../../api/types";
import type { ProvisionerRecord } from "./records";
import type { Store } from "./store";

/** coderd's key id for daemons that run inside coderd itself (no provisioner key). */
const BUILT_IN_KEY_ID = "00000000-0000-0000-0000-000000000001";

export function daemonStatus(d: ProvisionerRecord): ProvisionerDaemonStatus {
  return d.offline_since ? "offline" : d.current_job_id ? "busy" : "idle";
}

function daemonJob(store: Store, jobId: string | undefined): ProvisionerDaemonJob | null {
  const job = jobId ? store.jobs.get(jobId) : undefined;
  if (!job) return null;
  const version = job.template_version_id ? store.versions.get(job.template_version_id) : undefined;
  const template = version ? store.templates.get(version.template_id) : undefined;
  return {
    id: job.id,
    status: job.status,
    template_name: template?.name ?? "",
    template_icon: template?.icon ?? "",
    template_display_name: template?.display_name ?? "",
  };
}

export function daemonView(store: Store, d: ProvisionerRecord, buildVersion: string): ProvisionerDaemon {
  return {
    id: d.id,
    organization_id: store.defaultOrganization().id,
    key_id: BUILT_IN_KEY_ID,
    created_at: d.created_at,
    // Online daemons report every few seconds: as far as a reader can tell, they were seen just now.
    last_seen_at: d.offline_since ?? store.iso(),
    name: d.name,
    version: buildVersion,
    api_version: "1.7",
    provisioners: ["echo", "terraform"],
    tags: d.tags,
    key_name: "built-in",
    status: daemonStatus(d),
    current_job: daemonJob(store, d.current_job_id),
    previous_job: daemonJob(store, d.previous_job_id),
  };
}
