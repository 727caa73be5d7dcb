// Test data only (unit tests and View tests import it; the app never does).
import type { Workspace, WorkspaceAgent, WorkspaceBuild } from "../../../api/types";

let counter = 0;

export interface WorkspaceOverrides extends Partial<Omit<Workspace, "latest_build">> {
  status?: string;
  transition?: string;
  buildNumber?: number;
  buildCreatedAt?: string;
  agents?: Array<Partial<WorkspaceAgent>>;
}

export function makeWorkspace(overrides: WorkspaceOverrides = {}): Workspace {
  const n = ++counter;
  const {
    status = "running",
    transition,
    buildNumber = 1,
    buildCreatedAt = "2025-01-01T00:00:00Z",
    agents = [],
    ...rest
  } = overrides;
  const id = rest.id ?? `ws-${n}`;
  const name = rest.name ?? `ws${n}`;
  const build: WorkspaceBuild = {
    id: `build-${n}`,
    created_at: buildCreatedAt,
    updated_at: buildCreatedAt,
    workspace_id: id,
    workspace_name: name,
    workspace_owner_id: "user-1",
    workspace_owner_name: rest.owner_name ?? "alice",
    template_version_id: "tv-1",
    template_version_name: "v1",
    build_number: buildNumber,
    transition: transition ?? (status === "stopped" || status === "stopping" ? "stop" : "start"),
    initiator_id: "user-1",
    initiator_name: "alice",
    job: {
      id: `job-${n}`,
      created_at: buildCreatedAt,
      status: "succeeded",
      file_id: "file",
      tags: {},
      queue_position: 0,
      queue_size: 0,
      organization_id: "org",
      type: "workspace_build",
    },
    reason: "initiator",
    resources: [
      {
        id: `res-${n}`,
        created_at: buildCreatedAt,
        job_id: `job-${n}`,
        workspace_transition: "start",
        type: "docker_container",
        name: "main",
        hide: false,
        icon: "",
        daily_cost: 0,
        agents: agents.map((a, i) => ({ ...makeAgent(`agent-${n}-${i}`), ...a })),
      },
    ],
    status,
    daily_cost: 0,
  };
  return {
    id,
    created_at: "2024-12-01T00:00:00Z",
    updated_at: buildCreatedAt,
    owner_id: "user-1",
    owner_name: "alice",
    organization_id: "org",
    organization_name: "coder",
    template_id: "tpl-1",
    template_name: "docker",
    template_display_name: "Docker",
    template_icon: "/icon/docker.svg",
    template_allow_user_cancel_workspace_jobs: true,
    template_active_version_id: "tv-1",
    template_require_active_version: false,
    latest_build: build,
    outdated: false,
    name,
    last_used_at: "2025-01-01T00:00:00Z",
    health: { healthy: true, failing_agents: [] },
    automatic_updates: "never",
    allow_renames: false,
    favorite: false,
    ...rest,
  };
}

function makeAgent(id: string): WorkspaceAgent {
  return {
    id,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    status: "connected",
    lifecycle_state: "ready",
    name: "main",
    resource_id: "res",
    architecture: "amd64",
    operating_system: "linux",
    logs_length: 0,
    logs_overflowed: false,
    version: "2.0.0",
    api_version: "2.0",
    apps: [],
    connection_timeout_seconds: 120,
    troubleshooting_url: "",
    health: { healthy: true },
    display_apps: [],
    log_sources: [],
    scripts: [],
  };
}
