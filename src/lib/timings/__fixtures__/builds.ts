import type {
  ProvisionerJob,
  ProvisionerJobLog,
  WorkspaceAgent,
  WorkspaceAgentScript,
  WorkspaceBuild,
} from "../../../api/types";
import { makeAgent, makeBuild, makeJob } from "../../workspace/testing";

export const T0 = Date.UTC(2025, 2, 4, 10, 0, 0);
export const at = (ms: number) => new Date(T0 + ms).toISOString();

export function job(overrides: Partial<ProvisionerJob>): ProvisionerJob {
  return makeJob({ created_at: at(0), status: "running", ...overrides });
}

/** The fixture agent's scripts differ only in their source, name and whether they run on start or stop. */
function script(id: string, source: string, name: string, on: "start" | "stop" = "start"): WorkspaceAgentScript {
  return {
    id,
    log_source_id: source,
    log_path: "",
    script: "",
    cron: "",
    run_on_start: on === "start",
    run_on_stop: on === "stop",
    start_blocks_login: false,
    timeout: 0,
    display_name: name,
  };
}

export function agent(overrides: Partial<WorkspaceAgent>): WorkspaceAgent {
  return makeAgent({
    created_at: at(10_000),
    updated_at: at(10_000),
    status: "connecting",
    lifecycle_state: "created",
    version: "2.20.0",
    api_version: "2.3",
    troubleshooting_url: "",
    health: { healthy: false },
    log_sources: [
      {
        id: "src-startup",
        workspace_agent_id: "agent-1",
        created_at: at(10_000),
        display_name: "Startup Script",
        icon: "",
      },
      { id: "src-dotfiles", workspace_agent_id: "agent-1", created_at: at(10_000), display_name: "Dotfiles", icon: "" },
    ],
    scripts: [
      script("s1", "src-startup", "Startup Script"),
      script("s2", "src-dotfiles", "Dotfiles"),
      script("s3", "src-startup", "Shutdown", "stop"),
    ],
    ...overrides,
  });
}

export function build(
  jobOverrides: Partial<ProvisionerJob>,
  agents: WorkspaceAgent[] = [],
  transition = "start",
): WorkspaceBuild {
  return makeBuild({
    created_at: at(0),
    updated_at: at(0),
    workspace_owner_id: "u1",
    template_version_id: "tv1",
    template_version_name: "v1",
    transition,
    initiator_id: "u1",
    job: job(jobOverrides),
    resources: [
      {
        id: "res-1",
        created_at: at(0),
        job_id: "job-1",
        workspace_transition: transition,
        type: "docker_container",
        name: "workspace",
        hide: false,
        icon: "",
        agents,
        daily_cost: 0,
      },
    ],
    status: "starting",
  });
}

export function log(id: number, ms: number, stage: string, output = ""): ProvisionerJobLog {
  return { id, created_at: at(ms), log_source: "provisioner", log_level: "info", stage, output };
}
