import { describe, expect, it } from "vitest";
import type { RowProgress } from "./batch";
import { batchReport } from "./batchReport";
import { makeWorkspace } from "./testing";

const a = makeWorkspace({ id: "a", name: "alpha", status: "running" });
const b = makeWorkspace({ id: "b", name: "beta", status: "running", owner_name: "bob" });
const c = makeWorkspace({ id: "c", name: "gamma", status: "running" });
const d = makeWorkspace({ id: "d", name: "delta", status: "stopped" });

describe("batchReport", () => {
  it("counts every row and names failures and rows not on this page", () => {
    const progress = new Map<string, RowProgress>([
      ["a", { state: "succeeded" }],
      ["b", { state: "failed", status: 409, message: "A workspace build is already active." }],
      ["c", { state: "succeeded" }],
      ["d", { state: "skipped", reason: "Already stopped" }],
    ]);
    const report = batchReport({ action: "stop", targets: [a, b, c, d] }, progress, [a, d]);
    expect(report?.summary).toBe("2 stopped, 1 failed, 1 skipped");
    expect(report?.failed).toBe(1);
    expect(report?.items.map((i) => [i.name, i.owner, i.progress.state, i.shown])).toEqual([
      ["beta", "bob", "failed", false],
      ["gamma", "alice", "succeeded", false],
    ]);
  });

  it("names failures on this page too, and says what is still under way", () => {
    const progress = new Map<string, RowProgress>([
      ["a", { state: "failed", message: "Forbidden", status: 403 }],
      ["c", { state: "running" }],
    ]);
    const report = batchReport({ action: "start", targets: [a, c] }, progress, [a, c]);
    expect(report?.summary).toBe("0 started, 1 failed, 1 in progress");
    expect(report?.items.map((i) => [i.name, i.shown])).toEqual([["alpha", true]]);
  });

  it("is absent with no batch or once its results are cleared", () => {
    expect(batchReport(undefined, new Map(), [a])).toBeUndefined();
    expect(batchReport({ action: "stop", targets: [a] }, new Map(), [a])).toBeUndefined();
  });
});
