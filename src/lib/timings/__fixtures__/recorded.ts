import type { WorkspaceBuildTimings } from "../../../api/types";

// The shape `GET /workspacebuilds/{id}/timings` returns for a docker template start build
// (fractional-second timestamps, a replaced resource appearing twice in apply, one agent).
export const RECORDED_START: WorkspaceBuildTimings = {
  provisioner_timings: [
    { job_id: "j1", started_at: "2025-03-04T10:00:00.100000Z", ended_at: "2025-03-04T10:00:07.600000Z", stage: "init", source: "terraform", action: "initializing terraform", resource: "state file" },
    { job_id: "j1", started_at: "2025-03-04T10:00:08.000000Z", ended_at: "2025-03-04T10:00:08.020000Z", stage: "plan", source: "coder", action: "read", resource: "data.coder_workspace.me" },
    { job_id: "j1", started_at: "2025-03-04T10:00:08.001000Z", ended_at: "2025-03-04T10:00:08.030000Z", stage: "plan", source: "coder", action: "read", resource: "data.coder_workspace_owner.me" },
    { job_id: "j1", started_at: "2025-03-04T10:00:08.050000Z", ended_at: "2025-03-04T10:00:09.500000Z", stage: "plan", source: "docker", action: "state refresh", resource: "docker_image.main" },
    { job_id: "j1", started_at: "2025-03-04T10:00:08.040000Z", ended_at: "2025-03-04T10:00:08.400000Z", stage: "plan", source: "http", action: "read", resource: 'data.http.versions["GO"]' },
    { job_id: "j1", started_at: "2025-03-04T10:00:09.600000Z", ended_at: "2025-03-04T10:00:10.100000Z", stage: "graph", source: "terraform", action: "building terraform dependency graph", resource: "state file" },
    { job_id: "j1", started_at: "2025-03-04T10:00:10.300000Z", ended_at: "2025-03-04T10:00:10.350000Z", stage: "apply", source: "coder", action: "delete", resource: "coder_script.login" },
    { job_id: "j1", started_at: "2025-03-04T10:00:10.360000Z", ended_at: "2025-03-04T10:00:10.370000Z", stage: "apply", source: "coder", action: "create", resource: "coder_script.login" },
    { job_id: "j1", started_at: "2025-03-04T10:00:10.400000Z", ended_at: "2025-03-04T10:00:13.900000Z", stage: "apply", source: "docker", action: "create", resource: "docker_container.workspace[0]" },
    { job_id: "j1", started_at: "2025-03-04T10:00:13.950000Z", ended_at: "2025-03-04T10:00:13.990000Z", stage: "apply", source: "coder", action: "create", resource: "coder_metadata.info[0]" },
  ],
  agent_connection_timings: [
    { started_at: "2025-03-04T10:00:14.000000Z", ended_at: "2025-03-04T10:00:16.000000Z", stage: "connect", workspace_agent_id: "a1", workspace_agent_name: "main" },
  ],
  agent_script_timings: [
    { started_at: "2025-03-04T10:00:16.100000Z", ended_at: "2025-03-04T10:00:30.000000Z", exit_code: 0, stage: "start", status: "ok", display_name: "Startup Script", workspace_agent_id: "a1", workspace_agent_name: "main" },
    { started_at: "2025-03-04T10:00:16.100000Z", ended_at: "2025-03-04T10:00:17.000000Z", exit_code: 1, stage: "start", status: "exit_failure", display_name: "Dotfiles", workspace_agent_id: "a1", workspace_agent_name: "main" },
    { started_at: "2025-03-04T10:00:16.200000Z", ended_at: "2025-03-04T10:00:18.000000Z", exit_code: 0, stage: "start", status: "pipes_left_open", display_name: "code-server", workspace_agent_id: "a1", workspace_agent_name: "main" },
  ],
};
