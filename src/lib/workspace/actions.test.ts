import { describe, expect, it } from "vitest";
import { canCancel, workspaceActions } from "./actions";
import { makeWorkspace } from "./testing";

const member = { mayUpdateTemplates: false };
const admin = { mayUpdateTemplates: true };

describe("workspaceActions", () => {
  it("offers start for a stopped workspace and stop/restart for a running one", () => {
    expect(workspaceActions(makeWorkspace({ status: "stopped" }), member)).toEqual([
      "start",
      "buildWithParameters",
      "delete",
    ]);
    expect(workspaceActions(makeWorkspace({ status: "running" }), member)).toEqual([
      "stop",
      "restart",
      "buildWithParameters",
      "delete",
    ]);
  });

  it("adds update when outdated, and replaces start when the template requires the active version", () => {
    expect(workspaceActions(makeWorkspace({ status: "stopped", outdated: true }), member)).toEqual([
      "start",
      "update",
      "buildWithParameters",
      "delete",
    ]);
    const required = makeWorkspace({ status: "running", outdated: true, requireActive: true });
    expect(workspaceActions(required, member)).toEqual(["stop", "update", "buildWithParameters", "delete"]);
  });

  it("offers only cancel while a job is active, and only when allowed", () => {
    expect(workspaceActions(makeWorkspace({ status: "starting", job: "running", allowCancel: true }), member)).toEqual([
      "cancel",
    ]);
    expect(workspaceActions(makeWorkspace({ status: "pending", job: "pending", allowCancel: false }), member)).toEqual(
      [],
    );
    expect(workspaceActions(makeWorkspace({ status: "pending", job: "pending", allowCancel: false }), admin)).toEqual([
      "cancel",
    ]);
    expect(
      workspaceActions(makeWorkspace({ status: "canceling", job: "canceling", allowCancel: true }), admin),
    ).toEqual([]);
  });

  it("lets a failed or canceled build be retried either way", () => {
    expect(workspaceActions(makeWorkspace({ status: "failed", job: "failed" }), member)).toEqual([
      "start",
      "stop",
      "buildWithParameters",
      "delete",
    ]);
    expect(workspaceActions(makeWorkspace({ status: "canceled", job: "canceled" }), member)).toEqual([
      "start",
      "stop",
      "buildWithParameters",
      "delete",
    ]);
  });

  it("offers activate for a dormant workspace and nothing for a deleted one", () => {
    expect(workspaceActions(makeWorkspace({ status: "stopped", dormant: true }), member)).toEqual([
      "activate",
      "delete",
    ]);
    expect(workspaceActions(makeWorkspace({ status: "deleted" }), admin)).toEqual([]);
  });

  it("does not crash on a status added upstream", () => {
    expect(workspaceActions(makeWorkspace({ status: "hibernating", job: "succeeded" }), member)).toEqual(["delete"]);
  });
});

describe("canCancel", () => {
  it("needs an active job and permission", () => {
    expect(canCancel(makeWorkspace({ status: "starting", job: "running", allowCancel: true }), member)).toBe(true);
    expect(canCancel(makeWorkspace({ status: "running", job: "succeeded", allowCancel: true }), admin)).toBe(false);
  });
});
