import { describe, expect, it } from "vitest";
import { timingRows } from "./timingRows";

describe("timingRows", () => {
  it("merges the three arrays in start order and tolerates missing agent arrays", () => {
    const rows = timingRows({
      provisioner_timings: [
        { job_id: "j", started_at: "2025-01-01T00:00:02Z", ended_at: "2025-01-01T00:00:05Z", stage: "apply", source: "docker", action: "create", resource: "docker_container.main" },
        { job_id: "j", started_at: "2025-01-01T00:00:00Z", ended_at: "2025-01-01T00:00:01Z", stage: "init", source: "terraform", action: "init", resource: "state" },
      ],
      agent_script_timings: [
        { started_at: "2025-01-01T00:00:07Z", ended_at: "2025-01-01T00:00:09Z", exit_code: 1, stage: "start", status: "exit_failure", display_name: "Startup", workspace_agent_id: "a", workspace_agent_name: "main" },
      ],
    });
    expect(rows.map((r) => [r.stage, r.name, r.status])).toEqual([
      ["init", "state", undefined],
      ["apply", "docker_container.main", undefined],
      ["start", "Startup", "exit_failure"],
    ]);
  });
});
