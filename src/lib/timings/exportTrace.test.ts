import { describe, expect, it } from "vitest";
import { RECORDED_STAGE_IDS, RECORDED_START } from "./__fixtures__/recorded";
import { toChromeTrace, traceProblems } from "./exportTrace";
import { syntheticTimings } from "./synthetic";
import { buildTimingTree } from "./tree";

describe("toChromeTrace", () => {
  const tree = buildTimingTree(RECORDED_START, { now: 0 });
  const trace = JSON.parse(JSON.stringify(toChromeTrace(tree, "dev #7")));

  it("is valid Chrome trace JSON: every event has ph/ts/dur/pid/tid and ts never goes back on a track", () => {
    expect(traceProblems(trace)).toEqual([]);
    expect(trace.displayTimeUnit).toBe("ms");
    for (const e of trace.traceEvents) {
      for (const f of ["ph", "ts", "dur", "pid", "tid", "name"]) expect(e).toHaveProperty(f);
    }
  });

  it("has one track per stage, named after it, with items as complete events in microseconds", () => {
    const threadNames = trace.traceEvents
      .filter((e: { name: string }) => e.name === "thread_name")
      .map((e: { args: { name: string } }) => e.args.name);
    expect(threadNames.filter((n: string) => !n.includes("·"))).toEqual(RECORDED_STAGE_IDS);
    const container = trace.traceEvents.find((e: { name: string }) => e.name === "docker_container.workspace[0]");
    expect(container).toMatchObject({
      ph: "X",
      cat: "apply",
      ts: 10_300_000,
      dur: 3_500_000,
      args: { action: "create", source: "docker" },
    });
    const dotfiles = trace.traceEvents.find((e: { name: string }) => e.name === "Dotfiles");
    expect(dotfiles.args).toMatchObject({ exit_code: 1, script_status: "exit_failure", status: "failed" });
  });

  it("puts overlapping items of a stage on extra lanes so slices nest", () => {
    const slices = trace.traceEvents.filter((e: { ph: string }) => e.ph === "X");
    const byTid = new Map<number, Array<{ ts: number; dur: number }>>();
    for (const s of slices) byTid.set(s.tid, [...(byTid.get(s.tid) ?? []), s]);
    for (const list of byTid.values()) {
      for (let i = 1; i < list.length; i++) expect(list[i].ts).toBeGreaterThanOrEqual(list[i - 1].ts + list[i - 1].dur);
    }
    expect(trace.traceEvents.some((e: { args?: { name?: string } }) => e.args?.name === "start · 2")).toBe(true);
  });

  it("stays valid for 5,000 items", () => {
    const big = toChromeTrace(buildTimingTree(syntheticTimings(5000), { now: 0 }));
    expect(traceProblems(big)).toEqual([]);
    expect(big.traceEvents.filter((e) => e.ph === "X")).toHaveLength(5000);
  });
});

describe("traceProblems", () => {
  it("catches what a viewer would reject", () => {
    expect(traceProblems(null)).toEqual(["no traceEvents array"]);
    expect(
      traceProblems({
        traceEvents: [
          { name: "a", ph: "X", ts: 5, dur: 1, pid: 1, tid: 1 },
          { name: "b", ph: "X", ts: 2, dur: 1, pid: 1, tid: 1 },
          { name: "c", ph: "X", ts: 2, pid: 1, tid: 2 },
        ],
      }),
    ).toEqual(["event 1 goes back in time on track 1:1", "event 2 has no dur", "event 2 has a bad dur"]);
  });
});
