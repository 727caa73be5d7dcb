import { describe, expect, it } from "vitest";
import { menuActions, primaryAction, retryTransition } from "../../../lib/workspace/rowActions";
import { makeWorkspace } from "./testing";

describe("row actions", () => {
  it("picks the primary action from the state", () => {
    expect(primaryAction(makeWorkspace({ status: "stopped" }))).toBe("start");
    expect(primaryAction(makeWorkspace({ status: "canceled" }))).toBe("start");
    expect(primaryAction(makeWorkspace({ status: "running" }))).toBe("stop");
    expect(primaryAction(makeWorkspace({ status: "running", outdated: true }))).toBe("update");
    expect(primaryAction(makeWorkspace({ status: "failed", outdated: true }))).toBe("retry");
    expect(primaryAction(makeWorkspace({ status: "starting" }))).toBeUndefined();
    expect(primaryAction(makeWorkspace({ status: "deleted" }))).toBeUndefined();
  });
  it("offers the rest in the menu, never the primary twice", () => {
    expect(menuActions(makeWorkspace({ status: "running" }))).toEqual(["restart", "delete"]);
    expect(menuActions(makeWorkspace({ status: "running", outdated: true }))).toEqual(["stop", "restart", "delete"]);
    expect(menuActions(makeWorkspace({ status: "stopped" }))).toEqual(["delete"]);
    expect(menuActions(makeWorkspace({ status: "failed" }))).toEqual(["start", "delete"]);
    expect(menuActions(makeWorkspace({ status: "deleted" }))).toEqual([]);
  });
  it("offers cancel during a build only when the template allows it", () => {
    expect(menuActions(makeWorkspace({ status: "starting" }))).toEqual(["cancel"]);
    expect(
      menuActions(makeWorkspace({ status: "starting", template_allow_user_cancel_workspace_jobs: false })),
    ).toEqual([]);
    expect(menuActions(makeWorkspace({ status: "deleting" }))).toEqual([]);
  });
  it("retries the transition that failed", () => {
    expect(retryTransition(makeWorkspace({ status: "failed", transition: "start" }))).toBe("start");
    expect(retryTransition(makeWorkspace({ status: "failed", transition: "stop" }))).toBe("stop");
    expect(retryTransition(makeWorkspace({ status: "failed", transition: "delete" }))).toBe("delete");
  });
});
