import { describe, expect, it } from "vitest";
import { criticalPath, describeCriticalPath } from "./criticalPath";
import { treeFromDrafts } from "./tree";
import type { ItemDraft } from "./types";

const S = 1000;
const item = (stage: string, name: string, start: number, end: number): ItemDraft => ({
  stage,
  kind: "resource",
  name,
  start: start * S,
  end: end * S,
});
const path = (drafts: ItemDraft[]) => criticalPath(treeFromDrafts(drafts, { now: 0 }));
const names = (p: ReturnType<typeof path>) => p.segments.map((s) => s.item.name);

describe("criticalPath", () => {
  it("takes the sequence of stages and, in a parallel stage, its longest item", () => {
    const p = path([
      item("init", "init", 0, 10),
      item("plan", "a", 10, 20),
      item("plan", "b", 10, 30),
      item("plan", "c", 10, 25),
      item("graph", "graph", 30, 32),
      item("apply", "x", 32, 40),
    ]);
    expect(names(p)).toEqual(["init", "b", "graph", "x"]);
    expect([...p.stageIds]).toEqual(["init", "plan", "graph", "apply"]);
    expect(p.criticalMs).toBe(40 * S);
    expect(p.idleMs).toBe(0);
  });

  it("reports idle gaps and the summary line", () => {
    // init 0–10, nothing 10–20, plan 20–50, graph 50–52, nothing 52–63, apply 63–125.
    const p = path([
      item("init", "init", 0, 10),
      item("plan", "a", 20, 50),
      item("plan", "b", 20, 35),
      item("graph", "g", 50, 52),
      item("apply", "c", 63, 125),
      item("apply", "d", 64, 90),
    ]);
    expect(names(p)).toEqual(["init", "a", "g", "c"]);
    expect(p.criticalMs).toBe(104 * S);
    expect(p.totalMs).toBe(125 * S);
    expect(p.idleMs).toBe(21 * S);
    expect(describeCriticalPath(p)).toBe("critical path: 1m 44s of 2m 05s total; 21s idle");
  });

  it("follows a dependency chain inside a stage", () => {
    // y starts when x ends (it depends on x); z is parallel noise.
    const p = path([item("apply", "x", 0, 5), item("apply", "z", 1, 3), item("apply", "y", 5, 15)]);
    expect(names(p)).toEqual(["x", "y"]);
    expect(p.criticalMs).toBe(15 * S);
  });

  it("clips an overlapping predecessor to where the next link began", () => {
    // The agent connects 0–10; its script starts at 6 while the connection is still being set up.
    const p = path([item("connect", "main", 0, 10), { ...item("start", "script", 6, 20), kind: "script" }]);
    expect(p.segments.map((s) => [s.item.name, s.start / S, s.end / S])).toEqual([
      ["main", 0, 6],
      ["script", 6, 20],
    ]);
    expect(p.criticalMs).toBe(20 * S);
  });

  it("prefers the longer of two items that end together", () => {
    const p = path([item("plan", "short", 5, 10), item("plan", "long", 0, 10)]);
    expect(names(p)).toEqual(["long"]);
  });

  it("is empty for an empty tree and one link for one item", () => {
    expect(path([]).segments).toEqual([]);
    expect(describeCriticalPath(path([]))).toBe("critical path: 0 ms of 0 ms total; no idle time");
    expect(names(path([item("init", "only", 3, 4)]))).toEqual(["only"]);
  });

  it("handles 5,000 items quickly", () => {
    const drafts = Array.from({ length: 5000 }, (_, i) => item("apply", `r${i}`, i * 0.01, i * 0.01 + (i % 7)));
    const t0 = performance.now();
    const p = path(drafts);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(p.segments.length).toBeGreaterThan(0);
    expect(p.segments[p.segments.length - 1].end).toBe(p.segments[p.segments.length - 1].item.end);
  });
});
