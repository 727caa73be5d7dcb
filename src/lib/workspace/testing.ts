// Test data for the workspace page's logic and View tests (the app never imports it).
import type {
  ProvisionerJob,
  TemplateVersionParameter,
  Workspace,
  WorkspaceAgent,
  WorkspaceAgentScript,
  WorkspaceApp,
  WorkspaceBuild,
  WorkspaceResource,
} from "../../api/types";

const T0 = "2025-03-04T10:00:00.000Z";

export function makeJob(overrides: Partial<ProvisionerJob> = {}): ProvisionerJob {
  return {
    id: "job-1",
    created_at: T0,
    status: "succeeded",
    file_id: "file-1",
    tags: {},
    queue_position: 0,
    queue_size: 0,
    organization_id: "org-1",
    initiator_id: "user-alice",
    input: { workspace_build_id: "build-1" },
    type: "workspace_build",
    metadata: {
      template_version_name: "v2",
      template_id: "tpl-1",
      template_name: "docker",
      template_display_name: "Docker",
      template_icon: "/icon/docker.svg",
    },
    logs_overflowed: false,
    ...overrides,
  };
}

export function makeAgent(overrides: Partial<WorkspaceAgent> = {}): WorkspaceAgent {
  return {
    id: "agent-1",
    parent_id: null,
    created_at: T0,
    updated_at: T0,
    status: "connected",
    lifecycle_state: "ready",
    name: "main",
    resource_id: "res-1",
    architecture: "amd64",
    environment_variables: {},
    operating_system: "linux",
    logs_length: 0,
    logs_overflowed: false,
    version: "v2.24.1",
    api_version: "2.6",
    apps: [],
    connection_timeout_seconds: 120,
    troubleshooting_url: "https://coder.com/docs",
    subsystems: [],
    health: { healthy: true },
    display_apps: [],
    log_sources: [],
    scripts: [],
    startup_script_behavior: "non-blocking",
    ...overrides,
  };
}

/** A proxied app without a health check (`id` is derived from the slug unless overridden). */
export function makeApp(overrides: Partial<WorkspaceApp> & { slug: string }): WorkspaceApp {
  return {
    id: `app-${overrides.slug}`,
    url: "http://localhost:8080",
    external: false,
    subdomain: false,
    sharing_level: "owner",
    healthcheck: { url: "", interval: 0, threshold: 0 },
    health: "disabled",
    hidden: false,
    open_in: "tab",
    statuses: [],
    ...overrides,
  };
}

/** A start script (`id` names its log source too, `src-<id>`, unless overridden). */
export function makeScript(overrides: Partial<WorkspaceAgentScript> & { id: string }): WorkspaceAgentScript {
  return {
    log_source_id: `src-${overrides.id}`,
    log_path: "",
    script: "",
    cron: "",
    run_on_start: true,
    run_on_stop: false,
    start_blocks_login: false,
    timeout: 0,
    display_name: overrides.id,
    ...overrides,
  };
}

export function makeResource(overrides: Partial<WorkspaceResource> = {}): WorkspaceResource {
  return {
    id: "res-1",
    created_at: T0,
    job_id: "job-1",
    workspace_transition: "start",
    type: "docker_container",
    name: "main",
    hide: false,
    icon: "",
    daily_cost: 0,
    ...overrides,
  };
}

export function makeBuild(overrides: Partial<WorkspaceBuild> = {}): WorkspaceBuild {
  return {
    id: "build-1",
    created_at: T0,
    updated_at: T0,
    workspace_id: "ws-1",
    workspace_name: "dev",
    workspace_owner_id: "user-alice",
    workspace_owner_name: "alice",
    template_version_id: "tv-2",
    template_version_name: "v2",
    build_number: 7,
    transition: "start",
    initiator_id: "user-alice",
    initiator_name: "alice",
    job: makeJob(),
    reason: "initiator",
    resources: [],
    deadline: null,
    max_deadline: null,
    status: "running",
    daily_cost: 0,
    template_version_preset_id: null,
    ...overrides,
  };
}

/** A template parameter: an optional, mutable string without a default. */
export function makeParameter(name: string, extra: Partial<TemplateVersionParameter> = {}): TemplateVersionParameter {
  return {
    name,
    description: "",
    description_plaintext: "",
    type: "string",
    form_type: "input",
    mutable: true,
    default_value: "",
    icon: "",
    options: [],
    required: false,
    ephemeral: false,
    ...extra,
  };
}

export interface WorkspaceFixture {
  status?: string;
  job?: string;
  transition?: string;
  outdated?: boolean;
  requireActive?: boolean;
  allowCancel?: boolean;
  dormant?: boolean;
  agents?: WorkspaceAgent[];
  build?: Partial<WorkspaceBuild>;
  workspace?: Partial<Workspace>;
}

const JOB_FOR_STATUS: Record<string, string> = {
  pending: "pending",
  starting: "running",
  stopping: "running",
  deleting: "running",
  canceling: "canceling",
  canceled: "canceled",
  failed: "failed",
};

export function makeWorkspace(f: WorkspaceFixture = {}): Workspace {
  const status = f.status ?? "running";
  const transition =
    f.transition ??
    (status === "stopped" || status === "stopping"
      ? "stop"
      : status === "deleted" || status === "deleting"
        ? "delete"
        : "start");
  const build = makeBuild({
    status,
    transition,
    job: makeJob({ status: f.job ?? JOB_FOR_STATUS[status] ?? "succeeded" }),
    resources: f.agents ? [makeResource({ agents: f.agents })] : [],
    ...f.build,
  });
  return {
    id: "ws-1",
    created_at: T0,
    updated_at: T0,
    owner_id: "user-alice",
    owner_name: "alice",
    owner_avatar_url: "",
    organization_id: "org-1",
    organization_name: "coder",
    template_id: "tpl-1",
    template_name: "docker",
    template_display_name: "Docker",
    template_icon: "/icon/docker.svg",
    template_allow_user_cancel_workspace_jobs: f.allowCancel ?? true,
    template_active_version_id: f.outdated ? "tv-3" : "tv-2",
    template_require_active_version: f.requireActive ?? false,
    template_use_classic_parameter_flow: false,
    latest_build: build,
    latest_app_status: null,
    outdated: f.outdated ?? false,
    name: "dev",
    last_used_at: T0,
    deleting_at: null,
    dormant_at: f.dormant ? T0 : null,
    next_start_at: null,
    health: { healthy: true, failing_agents: [] },
    automatic_updates: "never",
    allow_renames: true,
    favorite: false,
    is_prebuild: false,
    task_id: null,
    ...f.workspace,
  };
}
