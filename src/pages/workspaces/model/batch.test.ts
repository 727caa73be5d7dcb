import { describe, expect, it } from "vitest";
import { eligibleRows, runBatch, skipReason, summarizeBatch, type RowProgress } from "./batch";
import { makeWorkspace } from "./testing";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

describe("skipReason", () => {
  it("applies start to stopped, failed and canceled rows only", () => {
    expect(skipReason("start", makeWorkspace({ status: "stopped" }))).toBeNull();
    expect(skipReason("start", makeWorkspace({ status: "failed" }))).toBeNull();
    expect(skipReason("start", makeWorkspace({ status: "canceled" }))).toBeNull();
    expect(skipReason("start", makeWorkspace({ status: "running" }))).toBe("Already running");
  });
  it("applies stop to running (and failed) rows", () => {
    expect(skipReason("stop", makeWorkspace({ status: "running" }))).toBeNull();
    expect(skipReason("stop", makeWorkspace({ status: "stopped" }))).toBe("Already stopped");
  });
  it("applies update only to outdated rows", () => {
    expect(skipReason("update", makeWorkspace({ outdated: true }))).toBeNull();
    expect(skipReason("update", makeWorkspace({ outdated: false }))).toBe("Already up to date");
  });
  it("skips transitioning and deleted rows for every action", () => {
    for (const action of ["start", "stop", "update", "delete"] as const) {
      expect(skipReason(action, makeWorkspace({ status: "starting", outdated: true }))).toBe("A build is in progress");
      expect(skipReason(action, makeWorkspace({ status: "deleted", outdated: true }))).toBe("Deleted");
    }
    expect(skipReason("delete", makeWorkspace({ status: "stopped" }))).toBeNull();
  });
  it("eligibleRows filters by it", () => {
    const rows = [makeWorkspace({ status: "running" }), makeWorkspace({ status: "stopped" })];
    expect(eligibleRows("stop", rows)).toEqual([rows[0]]);
  });
});

describe("runBatch", () => {
  it("runs every row on its own: one failure does not stop the others", async () => {
    const rows = [
      makeWorkspace({ id: "a", status: "running" }),
      makeWorkspace({ id: "b", status: "running" }),
      makeWorkspace({ id: "c", status: "running" }),
      makeWorkspace({ id: "d", status: "stopped" }),
    ];
    const seen: Array<[string, RowProgress["state"]]> = [];
    const performed: string[] = [];
    const results = await runBatch(
      "stop",
      rows,
      async (ws) => {
        performed.push(ws.id);
        if (ws.id === "b") throw new HttpError(409, "A workspace build is already active.");
      },
      (id, p) => seen.push([id, p.state]),
    );
    expect(performed.sort()).toEqual(["a", "b", "c"]);
    expect(results.get("a")).toEqual({ state: "succeeded" });
    expect(results.get("b")).toEqual({ state: "failed", status: 409, message: "A workspace build is already active." });
    expect(results.get("c")).toEqual({ state: "succeeded" });
    expect(results.get("d")).toEqual({ state: "skipped", reason: "Already stopped" });
    for (const id of ["a", "b", "c"]) {
      const states = seen.filter(([i]) => i === id).map(([, s]) => s);
      expect(states.slice(0, 2)).toEqual(["queued", "running"]);
    }
    expect(summarizeBatch("stop", results)).toBe("2 stopped, 1 failed, 1 skipped");
  });

  it("records non-Error throws and 403/500 alike", async () => {
    const rows = [
      makeWorkspace({ id: "x", status: "stopped" }),
      makeWorkspace({ id: "y", status: "stopped" }),
      makeWorkspace({ id: "z", status: "stopped" }),
    ];
    const results = await runBatch(
      "start",
      rows,
      async (ws) => {
        if (ws.id === "x") throw new HttpError(403, "Forbidden");
        if (ws.id === "y") throw "plain string";
      },
      () => {},
    );
    expect(results.get("x")).toEqual({ state: "failed", status: 403, message: "Forbidden" });
    expect(results.get("y")).toEqual({ state: "failed", message: "plain string" });
    expect(results.get("z")).toEqual({ state: "succeeded" });
  });

  it("limits how many run at once", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => makeWorkspace({ id: `r${i}`, status: "stopped" }));
    let inFlight = 0;
    let max = 0;
    await runBatch(
      "delete",
      rows,
      async () => {
        inFlight++;
        max = Math.max(max, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
      },
      () => {},
      { concurrency: 3 },
    );
    expect(max).toBe(3);
  });
});
