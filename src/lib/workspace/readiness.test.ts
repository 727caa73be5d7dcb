import { describe, expect, it } from "vitest";
import type { AgentScriptTiming, WorkspaceAgentScript } from "../../api/types";
import { agentReadiness, startScriptProgress, workspaceReadiness } from "./readiness";
import { makeAgent, makeScript, makeWorkspace } from "./testing";

function script(name: string, extra: Partial<WorkspaceAgentScript> = {}): WorkspaceAgentScript {
  return makeScript({ id: name, ...extra });
}

function timing(name: string, agentId = "agent-1", stage = "start"): AgentScriptTiming {
  return {
    started_at: "2025-03-04T10:00:00Z",
    ended_at: "2025-03-04T10:00:05Z",
    exit_code: 0,
    stage,
    status: "ok",
    display_name: name,
    workspace_agent_id: agentId,
    workspace_agent_name: "main",
  };
}

const scripts = [
  script("a"),
  script("b"),
  script("c"),
  script("d"),
  script("e"),
  script("stop-only", { run_on_start: false }),
];

describe("startScriptProgress", () => {
  it("counts start scripts whose timing has arrived", () => {
    const agent = makeAgent({ lifecycle_state: "starting", scripts });
    expect(
      startScriptProgress(agent, [
        timing("a"),
        timing("b"),
        timing("b"),
        timing("x"),
        timing("c", "other-agent"),
        timing("d", "agent-1", "stop"),
      ]),
    ).toEqual({ done: 2, total: 5 });
  });

  it("also counts scripts that carry their own status, and everything once ready", () => {
    expect(
      startScriptProgress(
        makeAgent({ lifecycle_state: "starting", scripts: [script("a", { status: "ok" }), script("b")] }),
      ),
    ).toEqual({ done: 1, total: 2 });
    expect(startScriptProgress(makeAgent({ lifecycle_state: "ready", scripts }))).toEqual({ done: 5, total: 5 });
  });
});

describe("agentReadiness", () => {
  it("walks connecting → starting → ready", () => {
    expect(agentReadiness(makeAgent({ status: "connecting", lifecycle_state: "created" })).text).toBe(
      "agent connecting",
    );
    expect(agentReadiness(makeAgent({ lifecycle_state: "starting", scripts }), [timing("a"), timing("b")]).text).toBe(
      "agent starting (scripts 2/5)",
    );
    expect(agentReadiness(makeAgent({ lifecycle_state: "ready" }))).toEqual({
      text: "agent ready",
      meaning: "ok",
      settled: true,
      status: { kind: "agentLifecycle", value: "ready" },
    });
  });

  it("reports failures and unknown states as words", () => {
    expect(agentReadiness(makeAgent({ lifecycle_state: "start_error" }))).toMatchObject({
      text: "agent start error",
      meaning: "failure",
    });
    expect(agentReadiness(makeAgent({ status: "timeout", lifecycle_state: "created" })).meaning).toBe("failure");
    expect(agentReadiness(makeAgent({ lifecycle_state: "hibernating" })).text).toBe("agent hibernating");
  });
});

describe("workspaceReadiness", () => {
  it("says running but not ready while the agent starts", () => {
    const ws = makeWorkspace({ status: "running", agents: [makeAgent({ lifecycle_state: "starting", scripts })] });
    expect(workspaceReadiness(ws, [timing("a"), timing("b")])).toEqual({
      label: "Running · agent starting (scripts 2/5)",
      meaning: "progress",
      ready: false,
      status: { kind: "agentLifecycle", value: "starting" },
    });
    const connecting = makeWorkspace({
      status: "running",
      agents: [makeAgent({ status: "connecting", lifecycle_state: "created" })],
    });
    expect(workspaceReadiness(connecting).status).toEqual({ kind: "agentStatus", value: "connecting" });
  });

  it("is ready once every agent is, or with no agents", () => {
    expect(workspaceReadiness(makeWorkspace({ status: "running", agents: [makeAgent()] }))).toEqual({
      label: "Running",
      meaning: "ok",
      ready: true,
      status: { kind: "workspace", value: "running" },
    });
    expect(workspaceReadiness(makeWorkspace({ status: "running" })).ready).toBe(true);
  });

  it("lets the worst agent speak, by name when there are several", () => {
    const ws = makeWorkspace({
      status: "running",
      agents: [
        makeAgent({ id: "a1", name: "web" }),
        makeAgent({ id: "a2", name: "db", lifecycle_state: "start_timeout" }),
      ],
    });
    expect(workspaceReadiness(ws)).toMatchObject({ label: "Running · agent db start timeout", meaning: "failure" });
  });

  it("uses the plain status label otherwise", () => {
    expect(workspaceReadiness(makeWorkspace({ status: "stopped" }))).toEqual({
      label: "Stopped",
      meaning: "neutral",
      ready: false,
      status: { kind: "workspace", value: "stopped" },
    });
  });
});
