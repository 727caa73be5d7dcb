import { describe, expect, it } from "vitest";
import { activeJobIndex, applyLatest, changedFromJobs, historyTargets, mergeAfter, refreshCursor } from "./history";
import { DAY, NOW, build, iso, job, workspace } from "./testing";

const ws = workspace("dev");
const desc = (...specs: Array<[number, string]>) => specs.map(([number, status]) => build({ ws, number, status }));

describe("refreshCursor", () => {
  it("is the newest build when every build has finished", () => {
    expect(refreshCursor(desc([5, "succeeded"], [4, "failed"]))).toBe(5);
  });

  it("is the newest finished build below every unfinished one", () => {
    expect(refreshCursor(desc([6, "pending"], [5, "succeeded"], [4, "running"], [3, "canceled"]))).toBe(3);
  });

  it("is undefined with nothing finished cached (refetch the window)", () => {
    expect(refreshCursor(desc([2, "running"]))).toBeUndefined();
    expect(refreshCursor([])).toBeUndefined();
  });
});

describe("mergeAfter", () => {
  it("keeps what is at or below the cursor and takes everything above it from the answer", () => {
    const cached = desc([3, "running"], [2, "succeeded"], [1, "succeeded"]);
    const fresh = desc([4, "pending"], [3, "succeeded"]);
    const merged = mergeAfter(cached, 2, fresh);
    expect(merged.map((b) => [b.build_number, b.job.status])).toEqual([
      [4, "pending"],
      [3, "succeeded"],
      [2, "succeeded"],
      [1, "succeeded"],
    ]);
  });
});

describe("historyTargets", () => {
  const candidate = (id: string, number: number, ageMs: number) => ({
    id,
    latest: { build_number: number, createdMs: NOW - ageMs },
  });

  it("skips first builds and workspaces idle since before the window, newest first", () => {
    const all = [
      candidate("old", 9, 9 * DAY),
      candidate("first", 1, 0),
      candidate("a", 4, 2 * DAY),
      candidate("b", 2, DAY / 2),
      { id: "none", latest: undefined },
    ];
    expect(historyTargets(all, NOW - 8 * DAY)).toEqual(["b", "a"]);
  });
});

describe("applyLatest", () => {
  const cached = desc([3, "running"], [2, "succeeded"]);
  const row = (number: number, status: string) => build({ ws, number, status });

  it("takes the same build in a new state without a request", () => {
    const next = applyLatest(cached, { ...cached[0], job: { ...cached[0].job, status: "succeeded" } });
    expect(next !== "refetch" && next.map((b) => [b.build_number, b.job.status])).toEqual([
      [3, "succeeded"],
      [2, "succeeded"],
    ]);
  });

  it("prepends the next build after a finished one", () => {
    const done = desc([3, "succeeded"], [2, "succeeded"]);
    const next = applyLatest(done, row(4, "pending"));
    expect(next !== "refetch" && next.map((b) => b.build_number)).toEqual([4, 3, 2]);
  });

  it("refetches when a build in flight was overtaken or numbers were skipped", () => {
    expect(applyLatest(cached, row(4, "pending"))).toBe("refetch");
    expect(applyLatest(desc([3, "succeeded"]), row(5, "pending"))).toBe("refetch");
  });

  it("starts a cache from nothing", () => {
    expect(applyLatest([], row(1, "pending"))).toHaveLength(1);
  });
});

describe("changedFromJobs", () => {
  const meta = (workspaceId: string) => ({
    workspace_id: workspaceId,
    workspace_name: "x",
    template_name: "docker",
    template_version_name: "v1",
    template_id: "t",
    template_display_name: "",
    template_icon: "",
  });
  const knownJobs = new Map([
    ["j-running", { status: "running", workspaceId: "w1" }],
    ["j-done", { status: "succeeded", workspaceId: "w2" }],
    ["j-gone", { status: "pending", workspaceId: "w3" }],
  ]);
  const known = (id: string) => knownJobs.get(id);

  it("finds new jobs, jobs in another state, and jobs that left the active set", () => {
    const changes = changedFromJobs({
      attempted: new Map(),
      since: 0,
      active: [
        job({ id: "j-running", status: "running", metadata: meta("w1") }),
        job({ id: "j-new", status: "pending", metadata: meta("w4") }),
      ],
      recent: [
        job({ id: "j-done", status: "succeeded", metadata: meta("w2") }),
        job({ id: "j-quick", status: "succeeded", metadata: meta("w5") }),
      ],
      previousActive: new Map([
        ["j-running", "w1"],
        ["j-gone", "w3"],
      ]),
      known,
    });
    // w1 unchanged, w2 agrees; w3's job finished, w4 is new, w5 started and ended between polls.
    expect([...changes.workspaceIds].sort()).toEqual(["w3", "w4", "w5"]);
    expect([...changes.triggers.keys()].sort()).toEqual(["j-new", "j-quick"]);
    expect(changes.unmapped).toBe(false);
  });

  it("does not ask again for a job state a refresh already failed to bring into the cache", () => {
    const old = job({ id: "j-old", status: "succeeded", metadata: meta("w9") });
    const input = { active: [], recent: [old], previousActive: new Map<string, string>(), known, since: 0 };
    expect([...changedFromJobs({ ...input, attempted: new Map() }).workspaceIds]).toEqual(["w9"]);
    expect([...changedFromJobs({ ...input, attempted: new Map([["j-old", "succeeded"]]) }).workspaceIds]).toEqual([]);
    expect([...changedFromJobs({ ...input, attempted: new Map([["j-old", "running"]]) }).workspaceIds]).toEqual(["w9"]);
  });

  it("ignores jobs older than the cached window: their builds are never cached", () => {
    const old = job({ id: "j-old", status: "failed", created_at: iso(NOW - 9 * DAY), metadata: meta("w9") });
    const changes = changedFromJobs({
      active: [],
      recent: [old],
      previousActive: new Map(),
      known,
      attempted: new Map(),
      since: NOW - 8 * DAY,
    });
    expect([...changes.workspaceIds]).toEqual([]);
  });

  it("ignores template imports and asks for a resync when a job names no workspace", () => {
    const changes = changedFromJobs({
      active: [
        job({ id: "imp", status: "running", type: "template_version_import" }),
        job({ id: "bare", status: "pending" }),
      ],
      recent: [],
      previousActive: new Map(),
      known,
      attempted: new Map(),
      since: 0,
    });
    expect([...changes.workspaceIds]).toEqual([]);
    expect(changes.unmapped).toBe(true);
  });

  it("indexes the active build jobs for the next diff", () => {
    const index = activeJobIndex([
      job({ id: "a", status: "running", metadata: meta("w1") }),
      job({ id: "b", status: "succeeded", metadata: meta("w2") }),
    ]);
    expect([...index]).toEqual([["a", "w1"]]);
  });
});
