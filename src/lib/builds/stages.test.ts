import { describe, expect, it } from "vitest";
import type { WorkspaceBuildTimings } from "../../api/types";
import { stageBreakdown, stageDurations } from "./stages";

const T0 = Date.parse("2025-03-04T10:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const prov = (stage: string, from: number, to: number, resource = `r.${stage}`) => ({
  job_id: "j",
  stage,
  source: "terraform",
  action: "create",
  resource,
  started_at: at(from),
  ended_at: at(to),
});

const timings: WorkspaceBuildTimings = {
  provisioner_timings: [
    prov("init", 0, 10),
    prov("plan", 10, 20),
    prov("plan", 12, 25, "r.other"),
    prov("graph", 25, 30),
    prov("apply", 30, 60),
  ],
  agent_connection_timings: [
    { stage: "connect", started_at: at(60), ended_at: at(70), workspace_agent_id: "a", workspace_agent_name: "main" },
  ],
  agent_script_timings: [
    {
      stage: "start",
      started_at: at(70),
      ended_at: at(100),
      exit_code: 1,
      status: "exit_failure",
      display_name: "setup",
      workspace_agent_id: "a",
      workspace_agent_name: "main",
    },
  ],
};

describe("stageBreakdown", () => {
  it("spans each bucket from its first start to its last end", () => {
    expect(stageDurations(timings)).toEqual({
      init: 10_000,
      plan: 15_000,
      graph: 5_000,
      apply: 30_000,
      connect: 10_000,
      script: 30_000,
    });
  });

  it("places segments as fractions of the whole build and marks failures", () => {
    const b = stageBreakdown(timings)!;
    expect(b.total).toBe(100_000);
    const connect = b.segments.find((s) => s.bucket === "connect")!;
    expect(connect).toMatchObject({ offset: 0.6, width: 0.1, failed: false });
    const scripts = b.segments.find((s) => s.bucket === "script")!;
    expect(scripts).toMatchObject({ offset: 0.7, width: 0.3, failed: true });
    expect(b.segments.map((s) => s.bucket)).toEqual(["init", "plan", "graph", "apply", "connect", "script"]);
    expect(b.segments[0]).toMatchObject({ offset: 0, width: 0.1, failed: false });
  });

  it("is undefined without timings (a failed build has none)", () => {
    expect(stageBreakdown({ provisioner_timings: [] })).toBeUndefined();
    expect(stageBreakdown(undefined)).toBeUndefined();
    expect(stageDurations(undefined)).toEqual({ init: 0, plan: 0, graph: 0, apply: 0, connect: 0, script: 0 });
  });

  it("ignores stages it does not know", () => {
    const b = stageBreakdown({ provisioner_timings: [prov("init", 0, 10), prov("mystery", 10, 50)] })!;
    expect(b.segments.map((s) => s.bucket)).toEqual(["init"]);
    expect(b.total).toBe(10_000);
  });
});
