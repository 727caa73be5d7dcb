import type { ProvisionerJob, ProvisionerJobLog, WorkspaceAgent, WorkspaceBuild } from "../../../api/types";
import { makeAgent, makeBuild, makeJob, makeResource, makeScript } from "../../workspace/testing";

export const T0 = Date.UTC(2025, 2, 4, 10, 0, 0);
export const at = (ms: number) => new Date(T0 + ms).toISOString();

export function job(overrides: Partial<ProvisionerJob>): ProvisionerJob {
  return makeJob({ created_at: at(0), status: "running", ...overrides });
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
      makeScript({ id: "s1", log_source_id: "src-startup", display_name: "Startup Script" }),
      makeScript({ id: "s2", log_source_id: "src-dotfiles", display_name: "Dotfiles" }),
      makeScript({
        id: "s3",
        log_source_id: "src-startup",
        run_on_start: false,
        run_on_stop: true,
        display_name: "Shutdown",
      }),
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
    resources: [makeResource({ created_at: at(0), workspace_transition: transition, name: "workspace", agents })],
    status: "starting",
  });
}

export function log(id: number, ms: number, stage: string, output = ""): ProvisionerJobLog {
  return { id, created_at: at(ms), log_source: "provisioner", log_level: "info", stage, output };
}
