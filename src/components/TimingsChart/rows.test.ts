import { describe, expect, it } from "vitest";
import { buildTimingTree } from "../../lib/timings";
import { RECORDED_STAGE_IDS, RECORDED_START } from "../../lib/timings/__fixtures__/recorded";
import { syntheticTimings } from "../../lib/timings/synthetic";
import { chartRows, slowestItems } from "./rows";

const tree = buildTimingTree(RECORDED_START, { now: 0 });

describe("chartRows", () => {
  it("shows stages, and the items of expanded stages under them", () => {
    expect(chartRows(tree, { expanded: new Set() }).rows.map((r) => r.id)).toEqual(RECORDED_STAGE_IDS);
    const rows = chartRows(tree, { expanded: new Set(["graph"]) }).rows;
    expect(rows.map((r) => `${r.kind}:${r.id}`).slice(2, 5)).toEqual([
      "stage:graph",
      "item:graph/state file",
      "stage:apply",
    ]);
  });

  it("sorts items by duration on request", () => {
    const rows = chartRows(tree, { expanded: new Set(["start"]), sort: "duration" }).rows.filter(
      (r) => r.kind === "item",
    );
    expect(rows.map((r) => r.name)).toEqual(["Startup Script", "code-server", "Dotfiles"]);
  });

  it("filters by name, action, source or agent, opening the stages that match", () => {
    const { rows, matches } = chartRows(tree, { expanded: new Set(), filter: "DOCKER" });
    expect(matches).toBe(2);
    expect(rows.map((r) => r.id)).toEqual([
      "plan",
      "plan/docker_image.main",
      "apply",
      "apply/docker_container.workspace[0]",
    ]);
    expect(chartRows(tree, { expanded: new Set(), filter: "main" }).rows.filter((r) => r.kind === "item")).toHaveLength(
      5,
    );
    expect(chartRows(tree, { expanded: new Set(), filter: "nothing-like-this" }).rows).toEqual([]);
  });
});

describe("slowestItems", () => {
  it("lists the longest items first", () => {
    expect(slowestItems(tree, 3).map((i) => i.name)).toEqual([
      "Startup Script",
      "state file",
      "docker_container.workspace[0]",
    ]);
  });

  it("agrees with a full sort on a large build", () => {
    const big = buildTimingTree(syntheticTimings(3000), { now: 0 });
    const sorted = [...big.items].sort((a, b) => b.duration - a.duration || a.start - b.start).slice(0, 10);
    expect(slowestItems(big, 10)).toEqual(sorted);
  });
});
