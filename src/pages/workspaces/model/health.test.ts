import { describe, expect, it } from "vitest";
import { agentHealth } from "./health";
import { makeWorkspace } from "./testing";

describe("agentHealth", () => {
  it("has nothing to say unless running with agents", () => {
    expect(agentHealth(makeWorkspace({ status: "stopped", agents: [{}] }))).toBeUndefined();
    expect(agentHealth(makeWorkspace({ status: "running", agents: [] }))).toBeUndefined();
  });
  it("reports healthy, connecting and unhealthy", () => {
    expect(agentHealth(makeWorkspace({ agents: [{}] }))).toBe("healthy");
    expect(agentHealth(makeWorkspace({ agents: [{ status: "connecting", lifecycle_state: "created" }] }))).toBe(
      "connecting",
    );
    expect(agentHealth(makeWorkspace({ agents: [{ lifecycle_state: "starting" }] }))).toBe("connecting");
    expect(agentHealth(makeWorkspace({ agents: [{ lifecycle_state: "start_error" }] }))).toBe("unhealthy");
    expect(agentHealth(makeWorkspace({ agents: [{ status: "timeout" }] }))).toBe("unhealthy");
    expect(agentHealth(makeWorkspace({ agents: [{}], health: { healthy: false, failing_agents: ["x"] } }))).toBe(
      "unhealthy",
    );
  });
  it("lets one broken agent outweigh a connecting one", () => {
    expect(
      agentHealth(makeWorkspace({ agents: [{ status: "connecting" }, { lifecycle_state: "start_timeout" }] })),
    ).toBe("unhealthy");
  });
});
