import { describe, expect, it } from "vitest";
import { FAST_POLL_MS, isTransitioning, pollInterval, SLOW_POLL_MS, watchTargets } from "./polling";
import { makeWorkspace } from "./testing";

describe("polling rule", () => {
  it("knows the transitioning statuses", () => {
    for (const s of ["pending", "starting", "stopping", "deleting", "canceling"]) expect(isTransitioning(s)).toBe(true);
    for (const s of ["running", "stopped", "failed", "canceled", "deleted", "something-new"])
      expect(isTransitioning(s)).toBe(false);
  });
  it("polls fast while a visible row transitions, slowly otherwise, never when hidden", () => {
    const idle = [makeWorkspace({ status: "running" }), makeWorkspace({ status: "stopped" })];
    const busy = [...idle, makeWorkspace({ status: "stopping" })];
    expect(pollInterval(idle, false)).toBe(SLOW_POLL_MS);
    expect(pollInterval(busy, false)).toBe(FAST_POLL_MS);
    expect(pollInterval(busy, true)).toBe(false);
    expect(pollInterval([], false)).toBe(SLOW_POLL_MS);
    expect(FAST_POLL_MS).toBe(5000);
    expect(SLOW_POLL_MS).toBe(30000);
  });
  it("watches only transitioning visible rows, capped", () => {
    const rows = [
      makeWorkspace({ id: "a", status: "running" }),
      makeWorkspace({ id: "b", status: "starting" }),
      makeWorkspace({ id: "c", status: "pending" }),
      makeWorkspace({ id: "d", status: "deleting" }),
    ];
    expect(watchTargets(rows)).toEqual(["b", "c", "d"]);
    expect(watchTargets(rows, 2)).toEqual(["b", "c"]);
  });
});
