import { describe, expect, it } from "vitest";
import { makeAgent, makeJob, makeWorkspace } from "../workspace/testing";
import { buildEnding, endingMessage, opensBuild } from "./ending";

describe("buildEnding", () => {
  it("is not over while the build or the agents are on their way", () => {
    expect(buildEnding(makeWorkspace({ status: "starting" }))).toBeUndefined();
    expect(buildEnding(makeWorkspace({ status: "pending" }))).toBeUndefined();
    expect(buildEnding(makeWorkspace({ status: "canceling" }))).toBeUndefined();
    const starting = makeAgent({ lifecycle_state: "starting" });
    expect(buildEnding(makeWorkspace({ status: "running", agents: [starting] }))).toBeUndefined();
    const connecting = makeAgent({ status: "connecting", lifecycle_state: "created" });
    expect(buildEnding(makeWorkspace({ status: "running", agents: [connecting] }))).toBeUndefined();
  });

  it("is ready once every agent is", () => {
    const ws = makeWorkspace({ status: "running", agents: [makeAgent(), makeAgent({ id: "a2", name: "gpu" })] });
    expect(buildEnding(ws)).toEqual({ kind: "ready", buildNumber: 7 });
  });

  it("waits for the slowest agent, then reports a failing startup script", () => {
    const ready = makeAgent();
    const failing = makeAgent({ id: "a2", name: "gpu", lifecycle_state: "start_error" });
    const starting = makeAgent({ id: "a3", name: "db", lifecycle_state: "starting" });
    expect(buildEnding(makeWorkspace({ status: "running", agents: [ready, failing, starting] }))).toBeUndefined();
    const ending = buildEnding(makeWorkspace({ status: "running", agents: [ready, failing] }));
    expect(ending).toMatchObject({ kind: "script-failed", detail: "Running · agent gpu start error" });
    const timeout = makeAgent({ lifecycle_state: "start_timeout" });
    expect(buildEnding(makeWorkspace({ status: "running", agents: [timeout] }))?.kind).toBe("script-failed");
  });

  it("calls an agent that never connected unhealthy, not a script failure", () => {
    const ending = buildEnding(makeWorkspace({ status: "running", agents: [makeAgent({ status: "timeout" })] }));
    expect(ending).toMatchObject({ kind: "unhealthy", detail: "Running · agent timed out connecting" });
  });

  it("names a failure by its error code's short title", () => {
    const quota = makeWorkspace({
      status: "failed",
      build: { job: makeJob({ status: "failed", error_code: "INSUFFICIENT_QUOTA", error: "quota" }) },
    });
    expect(buildEnding(quota)).toEqual({ kind: "failed", buildNumber: 7, detail: "Not enough workspace quota" });
    const plain = makeWorkspace({ status: "failed", build: { job: makeJob({ status: "failed", error: "boom" }) } });
    expect(buildEnding(plain)).toEqual({ kind: "failed", buildNumber: 7, detail: undefined });
  });

  it("reports canceled, stopped and deleted builds as such", () => {
    expect(buildEnding(makeWorkspace({ status: "canceled" }))?.kind).toBe("canceled");
    expect(buildEnding(makeWorkspace({ status: "stopped" }))?.kind).toBe("stopped");
    expect(buildEnding(makeWorkspace({ status: "deleted" }))?.kind).toBe("deleted");
  });
});

describe("endingMessage", () => {
  const ws = { name: "dev", owner_name: "alice" };
  it("names the workspace and how it ended", () => {
    expect(endingMessage(ws, { kind: "ready", buildNumber: 3 })).toEqual({
      title: "dev is ready",
      body: "alice/dev · build #3: running, every agent ready.",
    });
    expect(endingMessage(ws, { kind: "failed", buildNumber: 3, detail: "Not enough workspace quota" })).toEqual({
      title: "dev failed",
      body: "alice/dev · build #3: Not enough workspace quota.",
    });
    expect(endingMessage(ws, { kind: "failed", buildNumber: 3 }).body).toBe("alice/dev · build #3: the build failed.");
    expect(endingMessage(ws, { kind: "canceled", buildNumber: 3 }).title).toBe("dev: build canceled");
    expect(
      endingMessage(ws, { kind: "script-failed", buildNumber: 3, detail: "Running · agent start error" }).title,
    ).toBe("dev is running, but a startup script failed");
  });

  it("opens the build page only for a failure", () => {
    expect(opensBuild({ kind: "failed", buildNumber: 1 })).toBe(true);
    expect(opensBuild({ kind: "ready", buildNumber: 1 })).toBe(false);
    expect(opensBuild({ kind: "canceled", buildNumber: 1 })).toBe(false);
  });
});
