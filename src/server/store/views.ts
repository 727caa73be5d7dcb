import type {
  Organization,
  ProvisionerJob,
  Template,
  TemplateVersion,
  User,
  Workspace,
  WorkspaceAgent,
  WorkspaceAgentHealth,
  WorkspaceAppStatus,
  WorkspaceBuild,
} from "../../api/types";
import type {
  BuildRecord,
  JobRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from "./records";
import { deriveWorkspaceStatus } from "./status";
import type { Store } from "./store";

// Record → API JSON. Optional fields stay `undefined` so JSON.stringify omits them, as Coder
// omits empty optional fields; only the documented nullable ones are sent as null.

export function userView(store: Store, u: UserRecord): User {
  const org = store.defaultOrganization();
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    email: u.email,
    avatar_url: u.avatar_url,
    created_at: u.created_at,
    updated_at: u.created_at,
    last_seen_at: store.iso(),
    status: "active",
    login_type: "password",
    organization_ids: [org.id],
    roles: u.admin ? [{ name: "owner", display_name: "Owner" }] : [],
    theme_preference: "",
  };
}

export function organizationView(o: Organization): Organization {
  return { ...o };
}

export function jobView(store: Store, job: JobRecord): ProvisionerJob {
  const q = store.queuePosition(job);
  const build = job.build_id ? store.builds.get(job.build_id) : undefined;
  const ws = build ? store.workspaces.get(build.workspace_id) : undefined;
  const version = job.template_version_id ? store.versions.get(job.template_version_id) : undefined;
  const template = version ? store.templates.get(version.template_id) : undefined;
  return {
    id: job.id,
    created_at: job.created_at,
    started_at: job.started_at,
    completed_at: job.completed_at,
    canceled_at: job.canceled_at,
    error: job.error,
    error_code: job.error_code,
    status: job.status,
    worker_id: job.worker_id,
    worker_name: job.worker_name,
    file_id: job.file_id,
    tags: job.tags,
    queue_position: q.position,
    queue_size: q.size,
    organization_id: job.organization_id,
    initiator_id: job.initiator_id,
    input: build ? { workspace_build_id: build.id } : { template_version_id: job.template_version_id },
    type: job.type,
    metadata: template
      ? {
          template_version_name: version!.name,
          template_id: template.id,
          template_name: template.name,
          template_display_name: template.display_name,
          template_icon: template.icon,
          workspace_id: ws?.id,
          workspace_name: ws?.name,
          workspace_build_transition: build?.transition,
        }
      : undefined,
    logs_overflowed: job.logs_overflowed,
  };
}

/** Agent health as Coder derives it from connection status and lifecycle. */
export function agentHealth(agent: WorkspaceAgent): WorkspaceAgentHealth {
  if (agent.status !== "connected") {
    return {
      healthy: false,
      reason: agent.status === "timeout" ? "agent is taking too long to connect" : "agent is not connected",
    };
  }
  switch (agent.lifecycle_state) {
    case "created":
      return { healthy: false, reason: "agent is not running" };
    case "start_timeout":
      return { healthy: false, reason: "agent startup script timed out" };
    case "start_error":
      return { healthy: false, reason: "agent startup script exited with an error" };
    case "shutting_down":
    case "shutdown_timeout":
    case "shutdown_error":
    case "off":
      return { healthy: false, reason: "agent is shutting down" };
    default:
      return { healthy: true };
  }
}

export function buildView(store: Store, build: BuildRecord): WorkspaceBuild {
  const ws = store.workspaces.get(build.workspace_id)!;
  const owner = store.users.get(ws.owner_id)!;
  const initiator = store.users.get(build.initiator_id);
  const version = store.versions.get(build.template_version_id)!;
  const job = store.jobOf(build);
  const resources = store.content(build).resources;
  for (const r of resources) for (const a of r.agents ?? []) a.health = agentHealth(a);
  return {
    id: build.id,
    created_at: build.created_at,
    updated_at: build.updated_at,
    workspace_id: ws.id,
    workspace_name: ws.name,
    workspace_owner_id: owner.id,
    workspace_owner_name: owner.username,
    workspace_owner_avatar_url: owner.avatar_url,
    template_version_id: version.id,
    template_version_name: version.name,
    build_number: build.build_number,
    transition: build.transition,
    initiator_id: build.initiator_id,
    initiator_name: initiator?.username ?? "",
    job: jobView(store, job),
    reason: build.reason,
    resources,
    deadline: build.deadline,
    max_deadline: build.max_deadline,
    status: deriveWorkspaceStatus(job.status, build.transition),
    daily_cost: build.daily_cost,
    matched_provisioners:
      job.status === "pending"
        ? job.hold
          ? { count: 0, available: 0 }
          : { count: 2, available: 0, most_recently_seen: store.iso() }
        : undefined,
    has_ai_task: false,
    has_external_agent: false,
  };
}

function latestAppStatus(build: WorkspaceBuild): WorkspaceAppStatus | null {
  let latest: WorkspaceAppStatus | null = null;
  for (const r of build.resources)
    for (const a of r.agents ?? [])
      for (const app of a.apps)
        for (const s of app.statuses) if (!latest || s.created_at > latest.created_at) latest = s;
  return latest;
}

export function workspaceView(store: Store, ws: WorkspaceRecord, viewer: UserRecord): Workspace {
  const owner = store.users.get(ws.owner_id)!;
  const template = store.templates.get(ws.template_id)!;
  const org = store.organizations.get(ws.organization_id)!;
  const latest = buildView(store, store.latestBuild(ws.id));
  const failing: string[] = [];
  for (const r of latest.resources) for (const a of r.agents ?? []) if (!a.health.healthy) failing.push(a.id);
  return {
    id: ws.id,
    created_at: ws.created_at,
    updated_at: ws.updated_at,
    owner_id: owner.id,
    owner_name: owner.username,
    owner_avatar_url: owner.avatar_url,
    organization_id: org.id,
    organization_name: org.name,
    template_id: template.id,
    template_name: template.name,
    template_display_name: template.display_name,
    template_icon: template.icon,
    template_allow_user_cancel_workspace_jobs: template.allow_user_cancel_workspace_jobs,
    template_active_version_id: template.active_version_id,
    template_require_active_version: template.require_active_version,
    latest_build: latest,
    latest_app_status: latestAppStatus(latest),
    outdated: latest.template_version_id !== template.active_version_id,
    name: ws.name,
    autostart_schedule: ws.autostart_schedule,
    ttl_ms: ws.ttl_ms,
    last_used_at: ws.last_used_at,
    deleting_at: ws.deleting_at,
    dormant_at: ws.dormant_at,
    next_start_at: null,
    health: { healthy: failing.length === 0, failing_agents: failing },
    automatic_updates: ws.automatic_updates,
    allow_renames: true,
    favorite: ws.favorite_of.includes(viewer.id),
  };
}

export function templateView(store: Store, t: TemplateRecord): Template {
  const org = store.organizations.get(t.organization_id)!;
  const creator = store.users.get(t.created_by_id);
  let active = 0;
  const owners = new Set<string>();
  for (const w of store.workspaces.values()) if (w.template_id === t.id && !w.deleted) owners.add(w.owner_id);
  active = owners.size;
  return {
    id: t.id,
    created_at: t.created_at,
    updated_at: t.updated_at,
    organization_id: org.id,
    organization_name: org.name,
    name: t.name,
    display_name: t.display_name,
    provisioner: "terraform",
    active_version_id: t.active_version_id,
    active_user_count: active,
    build_time_stats: buildTimeStats(store, t),
    description: t.description,
    deprecated: t.deprecated,
    deprecation_message: t.deprecation_message,
    icon: t.icon,
    default_ttl_ms: t.default_ttl_ms,
    allow_user_cancel_workspace_jobs: t.allow_user_cancel_workspace_jobs,
    allow_user_autostart: true,
    allow_user_autostop: true,
    autostart_requirement: {
      days_of_week: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    },
    autostop_requirement: { days_of_week: [], weeks: 1 },
    created_by_id: t.created_by_id,
    created_by_name: creator?.username ?? "",
    require_active_version: t.require_active_version,
  };
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** P50/P95 of successful build durations per transition over the last 30 days, as Coder reports them. */
function buildTimeStats(store: Store, t: TemplateRecord): Template["build_time_stats"] {
  const since = store.now() - 30 * 24 * 3600_000;
  const by: Record<string, number[]> = { start: [], stop: [], delete: [] };
  for (const ws of store.workspaces.values()) {
    if (ws.template_id !== t.id) continue;
    for (const b of store.buildsOf(ws.id)) {
      const j = store.jobOf(b);
      if (j.status !== "succeeded" || !j.started_at || !j.completed_at) continue;
      if (Date.parse(j.created_at) < since) continue;
      by[b.transition]?.push(Date.parse(j.completed_at) - Date.parse(j.started_at));
    }
  }
  const out: Template["build_time_stats"] = {};
  for (const [k, v] of Object.entries(by)) {
    v.sort((a, b) => a - b);
    out[k] = { P50: percentile(v, 50), P95: percentile(v, 95) };
  }
  return out;
}

export function templateVersionView(store: Store, v: TemplateVersionRecord): TemplateVersion {
  const creator = store.users.get(v.created_by_id)!;
  const job = store.jobs.get(v.job_id)!;
  return {
    id: v.id,
    template_id: v.template_id,
    organization_id: v.organization_id,
    created_at: v.created_at,
    updated_at: v.created_at,
    name: v.name,
    message: v.message,
    job: jobView(store, job),
    readme: v.readme,
    created_by: { id: creator.id, username: creator.username, avatar_url: creator.avatar_url, name: creator.name },
    archived: v.archived,
  };
}
