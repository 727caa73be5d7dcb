import { describe, expect, it } from "vitest";
import { compareTrees, isRegression } from "./compare";
import { treeFromDrafts } from "./tree";
import type { ItemDraft } from "./types";

const S = 1000;
const r = (stage: string, name: string, start: number, end: number, base = 0): ItemDraft => ({
  stage,
  kind: "resource",
  name,
  start: base + start * S,
  end: base + end * S,
});
const BASE_B = 86_400_000;

describe("isRegression", () => {
  it("needs both 20 % and 2 s", () => {
    expect(isRegression(10 * S, 12 * S)).toBe(true);
    expect(isRegression(10 * S, 11.9 * S)).toBe(false); // 19 %
    expect(isRegression(4 * S, 5.5 * S)).toBe(false); // 37 % but 1.5 s
    expect(isRegression(100 * S, 110 * S)).toBe(false); // 10 s but 10 %
    expect(isRegression(0, 3 * S)).toBe(true);
    expect(isRegression(10 * S, 5 * S)).toBe(false);
  });
});

describe("compareTrees", () => {
  const a = treeFromDrafts(
    [
      r("init", "state file", 0, 5),
      r("plan", "data.x", 5, 8),
      r("apply", "docker_container.main", 8, 18),
      r("apply", "docker_volume.home", 8, 9),
      r("apply", "null_resource.old_name", 9, 10),
    ],
    { now: 0 },
  );
  const b = treeFromDrafts(
    [
      r("init", "state file", 0, 5, BASE_B),
      r("plan", "data.x", 5, 8.5, BASE_B),
      r("apply", "docker_container.main", 9, 24, BASE_B),
      r("apply", "docker_volume.home", 9, 9.5, BASE_B),
      r("apply", "null_resource.new_name", 9, 10, BASE_B),
    ],
    { now: 0 },
  );
  const cmp = compareTrees(a, b);

  it("aligns items by stage and key, with A, B, delta and ratio", () => {
    const container = cmp.items.find((i) => i.id === "apply/docker_container.main")!;
    expect(container).toMatchObject({
      a: 10 * S,
      b: 15 * S,
      delta: 5 * S,
      ratio: 1.5,
      change: "slower",
      regression: true,
      aOffset: 8 * S,
      bOffset: 9 * S,
    });
    const volume = cmp.items.find((i) => i.id === "apply/docker_volume.home")!;
    expect(volume).toMatchObject({ delta: -500, change: "faster", regression: false });
    expect(cmp.items.find((i) => i.id === "init/state file")).toMatchObject({ delta: 0, change: "same", ratio: 1 });
  });

  it("shows a renamed resource as one removed and one added item", () => {
    expect(cmp.removed.map((i) => i.id)).toEqual(["apply/null_resource.old_name"]);
    expect(cmp.added.map((i) => i.id)).toEqual(["apply/null_resource.new_name"]);
    expect(cmp.removed[0]).toMatchObject({ a: 1000, change: "removed", regression: false });
    expect([cmp.removed[0].b, cmp.removed[0].delta]).toEqual([undefined, undefined]);
    expect(cmp.added[0]).toMatchObject({ b: 1000, change: "added", regression: false });
    expect(cmp.added[0].a).toBeUndefined();
  });

  it("compares stages and the whole build, and lists the regressions", () => {
    expect(cmp.stages.map((s) => s.id)).toEqual(["init", "plan", "apply"]);
    expect(cmp.stages.find((s) => s.id === "apply")).toMatchObject({ a: 10 * S, b: 15 * S, regression: true });
    expect(cmp.total).toMatchObject({ a: 18 * S, b: 24 * S, delta: 6 * S, regression: true });
    expect(cmp.regressions.map((x) => x.id)).toEqual(["apply", "apply/docker_container.main"]);
  });

  it("marks a stage only one build has as added or removed", () => {
    const withScripts = treeFromDrafts(
      [r("init", "state file", 0, 5), { ...r("start", "Startup Script", 6, 9), kind: "script" }],
      { now: 0 },
    );
    const c = compareTrees(withScripts, treeFromDrafts([r("init", "state file", 0, 5)], { now: 0 }));
    expect(c.stages.find((s) => s.id === "start")).toMatchObject({ change: "removed" });
  });
});
