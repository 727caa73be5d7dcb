// Test data only (unit tests and View tests import it; the app never does).
import type { Workspace, WorkspaceAgent, WorkspaceBuild } from "../../../api/types";
import { makeAgent, makeJob, makeResource } from "../../../lib/workspace/testing";

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
    job: makeJob({ id: `job-${n}`, created_at: buildCreatedAt, organization_id: "org", initiator_id: "user-1" }),
    reason: "initiator",
    resources: [
      makeResource({
        id: `res-${n}`,
        created_at: buildCreatedAt,
        job_id: `job-${n}`,
        agents: agents.map((a, i) => makeAgent({ id: `agent-${n}-${i}`, ...AGENT, ...a })),
      }),
    ],
    deadline: null,
    max_deadline: null,
    status,
    daily_cost: 0,
    template_version_preset_id: null,
  };
  return {
    id,
    created_at: "2024-12-01T00:00:00Z",
    updated_at: buildCreatedAt,
    owner_id: "user-1",
    owner_name: "alice",
    owner_avatar_url: "",
    organization_id: "org",
    organization_name: "coder",
    template_id: "tpl-1",
    template_name: "docker",
    template_display_name: "Docker",
    template_icon: "/icon/docker.svg",
    template_allow_user_cancel_workspace_jobs: true,
    template_active_version_id: "tv-1",
    template_require_active_version: false,
    template_use_classic_parameter_flow: false,
    latest_build: build,
    latest_app_status: null,
    outdated: false,
    name,
    last_used_at: "2025-01-01T00:00:00Z",
    deleting_at: null,
    dormant_at: null,
    next_start_at: null,
    health: { healthy: true, failing_agents: [] },
    automatic_updates: "never",
    allow_renames: false,
    favorite: false,
    is_prebuild: false,
    task_id: null,
    ...rest,
  };
}

const AGENT: Partial<WorkspaceAgent> = {
  created_at: "2025-01-01T00:00:00Z",
  updated_at: "2025-01-01T00:00:00Z",
  resource_id: "res",
  version: "2.0.0",
  api_version: "2.0",
  troubleshooting_url: "",
};
