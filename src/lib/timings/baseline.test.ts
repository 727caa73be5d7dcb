import { describe, expect, it } from "vitest";
import type { WorkspaceBuild } from "../../api/types";
import {
  baselineSize,
  computeBaseline,
  describeBaseline,
  describeBaselineSource,
  durationsOf,
  durationsOfTree,
  judgeTree,
  pickBaselineBuilds,
  quantile,
  slowerThanUsual,
  verdictLabel,
  verdictsOnDemand,
} from "./baseline";
import { criticalPath } from "./criticalPath";
import { build as buildFixture } from "./__fixtures__/builds";
import { syntheticTimings } from "./synthetic";
import { buildTimingTree, treeFromDrafts } from "./tree";
import type { ItemDraft, TimingTree } from "./types";

const S = 1000;

/** A start build: an apply with an image and a container after it, then one agent script. */
function tree({
  image = 20 * S,
  container = 10 * S,
  script = 5 * S,
  scriptName = "Startup Script",
  extra = false,
  running = false,
}: {
  image?: number;
  container?: number;
  script?: number;
  scriptName?: string;
  extra?: boolean;
  running?: boolean;
} = {}) {
  const drafts: ItemDraft[] = [
    { stage: "init", kind: "resource", name: "init", start: 0, end: 2 * S },
    { stage: "apply", kind: "resource", name: "docker_image.main", action: "create", start: 2 * S, end: 2 * S + image },
    {
      stage: "apply",
      kind: "resource",
      name: "docker_container.workspace[0]",
      action: "create",
      start: 2 * S + image,
      end: 2 * S + image + container,
    },
  ];
  if (extra) drafts.push({ stage: "apply", kind: "resource", name: "docker_volume.home", start: 2 * S, end: 3 * S });
  const scriptStart = 2 * S + image + container;
  drafts.push({
    stage: "start",
    kind: "script",
    name: scriptName,
    agentName: "main",
    start: scriptStart,
    end: running ? undefined : scriptStart + script,
  });
  return treeFromDrafts(drafts, { now: scriptStart + script });
}

const IMAGE = "apply/docker_image.main";

const baselineOf = (trees: ReadonlyArray<TimingTree | undefined>) =>
  computeBaseline(trees.map((t) => t && durationsOfTree(t)));

describe("durationsOf", () => {
  it("gives every stage and item the duration and id its tree would, without building it", () => {
    const raw = syntheticTimings(400, 3);
    // Two rows for one address in one stage: the ids disambiguate them the same way.
    raw.provisioner_timings.push({ ...raw.provisioner_timings[5] }, { ...raw.provisioner_timings[5] });
    expect(durationsOf(raw)).toEqual(durationsOfTree(buildTimingTree(raw)));
  });

  it("is undefined for a build without timings", () => {
    expect(durationsOf({})).toBeUndefined();
    expect(durationsOf(null)).toBeUndefined();
  });
});

describe("baselineSize", () => {
  it("defaults to 10 and keeps the URL's value within 5–30", () => {
    expect(baselineSize(null)).toBe(10);
    expect(baselineSize("abc")).toBe(10);
    expect(baselineSize("20")).toBe(20);
    expect(baselineSize("2")).toBe(5);
    expect(baselineSize("100")).toBe(30);
  });
});

describe("quantile", () => {
  it("interpolates between ranks; one value is its own median and p90", () => {
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
  });
});

describe("computeBaseline", () => {
  it("takes the median and p90 of each item over the builds", () => {
    const trees = [10, 20, 30, 40, 50].map((s) => tree({ image: s * S }));
    const b = baselineOf(trees);
    expect(b.used).toBe(5);
    expect(b.rows.get(IMAGE)).toEqual({ median: 30 * S, p90: 46 * S, samples: 5 });
    expect(b.rows.get("apply")?.median).toBe(40 * S);
    expect(b.total?.median).toBe(2 * S + 30 * S + 10 * S + 5 * S);
  });

  it("counts items that appear in some builds only by the builds that had them", () => {
    const b = baselineOf([tree({ extra: true }), tree(), tree(), tree({ extra: true })]);
    expect(b.rows.get("apply/docker_volume.home")?.samples).toBe(2);
    expect(b.rows.get(IMAGE)?.samples).toBe(4);
  });

  it("skips and counts builds without timings", () => {
    const empty = treeFromDrafts([], { now: 0 });
    const b = baselineOf([tree(), undefined, empty, tree()]);
    expect(b.used).toBe(2);
    expect(b.skipped).toBe(2);
  });

  it("has no total when no build had timings", () => {
    const b = baselineOf([undefined]);
    expect(b.total).toBeUndefined();
    expect(describeBaseline(tree(), b, [])).toBe("No earlier build with timings to compare with.");
  });
});

describe("judging a build against its baseline", () => {
  const history = Array.from({ length: 10 }, (_, i) => tree({ image: (19 + (i % 3)) * S, script: (4 + (i % 2)) * S }));
  const baseline = baselineOf(history);

  it("flags the item past its p90 with its excess over the median, and says it is on the critical path", () => {
    const slowBuild = tree({ image: 150 * S });
    const verdicts = judgeTree(slowBuild, baseline);
    const slow = slowerThanUsual(slowBuild, verdicts, criticalPath(slowBuild));
    expect(slow.map((s) => s.item.name)).toEqual(["docker_image.main"]);
    expect(slow[0].critical).toBe(true);
    expect(slow[0].verdict.excess).toBe(130 * S);
    expect(verdictLabel(slow[0].verdict)).toBe("+2m 10s vs usual");
    expect(verdicts.get("apply")?.slow).toBe(true);
    expect(verdicts.get("apply/docker_container.workspace[0]")?.slow).toBe(false);
    expect(describeBaseline(slowBuild, baseline, slow)).toBe(
      "This build took 2m 47s, 2m 10s more than usual; 2m 10s of that is `docker_image.main` (apply) on the critical path.",
    );
  });

  it("judges a bar on demand exactly as the whole tree is judged", () => {
    const slowBuild = tree({ image: 150 * S });
    const verdicts = judgeTree(slowBuild, baseline);
    const verdictOf = verdictsOnDemand(slowBuild, baseline);
    for (const stage of slowBuild.stages) {
      expect(verdictOf({ id: stage.id, stage })).toEqual(verdicts.get(stage.id));
      for (const item of stage.items) expect(verdictOf({ id: item.id, stage, item })).toEqual(verdicts.get(item.id));
    }
  });

  it("says when the slow item is off the critical path", () => {
    // The volume runs beside the image and finishes before it: its delay held nothing up.
    const withVolume = baselineOf(history.map(() => tree({ extra: true })));
    const b = treeFromDrafts(
      [
        ...tree().items.map((i) => ({ ...i, kind: i.kind, start: i.start, end: i.end })),
        { stage: "apply", kind: "resource", name: "docker_volume.home", start: 2 * S, end: 15 * S },
      ],
      { now: 0 },
    );
    const slow = slowerThanUsual(b, judgeTree(b, withVolume), criticalPath(b));
    expect(slow.map((s) => [s.item.name, s.critical])).toEqual([["docker_volume.home", false]]);
    expect(describeBaseline(b, withVolume, slow)).toMatch(/about as long as usual/);
  });

  it("does not flag a tiny item for noise under a second, nor a faster build", () => {
    // The script is past its p90 (5s) but only 0.9s over its median.
    const fast = tree({ image: 10 * S, script: 5.4 * S });
    expect(judgeTree(fast, baseline).get("start/main: Startup Script")?.slow).toBe(false);
    const slow = slowerThanUsual(fast, judgeTree(fast, baseline));
    expect(slow).toEqual([]);
    expect(describeBaseline(fast, baseline, slow)).toBe("This build took 27s, 9.1s less than usual.");
  });

  it("a renamed script has no baseline: it is new, and the old name is not judged", () => {
    const renamed = tree({ script: 60 * S, scriptName: "Boot Script" });
    const verdicts = judgeTree(renamed, baseline);
    expect(verdicts.has("start/main: Boot Script")).toBe(false);
    expect(verdicts.has("start/main: Startup Script")).toBe(false);
    expect(slowerThanUsual(renamed, verdicts).map((s) => s.item.name)).not.toContain("Boot Script");
  });

  it("a baseline of one build is its own median and p90", () => {
    const one = baselineOf([tree({ image: 20 * S })]);
    const v = judgeTree(tree({ image: 25 * S }), one).get(IMAGE)!;
    expect(v.typical).toEqual({ median: 20 * S, p90: 20 * S, samples: 1 });
    expect(v.slow).toBe(true);
    expect(v.excess).toBe(5 * S);
  });

  it("flags a running item live once it is past its p90", () => {
    const live = tree({ script: 30 * S, running: true });
    const v = judgeTree(live, baseline).get("start/main: Startup Script")!;
    expect(v.running).toBe(true);
    expect(v.slow).toBe(true);
    expect(verdictLabel(v)).toBe("running 30s, usually 4.5s");
    const later = judgeTree(live, baseline, live.end + 30 * S).get("start/main: Startup Script")!;
    expect(verdictLabel(later)).toBe("running 1m 00s, usually 4.5s");
    expect(describeBaseline(live, baseline, [])).toMatch(
      /^This build has run 1m 02s so far, 25s more than a usual build/,
    );
  });
});

describe("a job still running, drawn from its log", () => {
  it("judges a provisional phase bar against its stage and flags it live", () => {
    const baseline = baselineOf([tree(), tree({ image: 22 * S }), tree({ image: 18 * S })]);
    const live = treeFromDrafts(
      [
        { stage: "init", kind: "phase", name: "Setting up", start: 0, end: 2 * S, provisional: true },
        { stage: "apply", kind: "phase", name: "Starting workspace", start: 2 * S, end: undefined, provisional: true },
      ],
      { now: 40 * S },
    );
    const verdicts = judgeTree(live, baseline, 50 * S);
    const slow = slowerThanUsual(live, verdicts);
    expect(slow.map((s) => [s.item.name, verdictLabel(s.verdict)])).toEqual([
      ["Starting workspace", "running 48s, usually 30s"],
    ]);
    expect(verdicts.get("init/Setting up")?.slow).toBe(false);
  });
});

describe("pickBaselineBuilds", () => {
  let n = 0;
  const b = (over: Partial<WorkspaceBuild> & { status?: string }): WorkspaceBuild => {
    const base = buildFixture({ status: (over.status ?? "succeeded") as WorkspaceBuild["job"]["status"] });
    return { ...base, id: `b${++n}`, ...over, job: base.job };
  };
  const current = b({ build_number: 20, created_at: "2025-03-10T00:00:00Z" });
  const own = (num: number, extra: Partial<WorkspaceBuild> & { status?: string } = {}) =>
    b({ build_number: num, created_at: `2025-03-0${Math.min(9, num)}T0${num % 10}:00:00Z`, ...extra });

  it("uses the workspace's own last N successful builds with the same transition, newest first", () => {
    const history = [
      current,
      own(19, { transition: "stop" }),
      own(18, { status: "failed" }),
      ...[17, 16, 15, 14, 13, 12, 11].map((x) => own(x)),
      own(21),
    ];
    const pick = pickBaselineBuilds(current, history, 5);
    expect(pick.source).toBe("workspace");
    expect(pick.builds.map((x) => x.build_number)).toEqual([17, 16, 15, 14, 13]);
  });

  it("falls back to the template's builds when the workspace has fewer than 5", () => {
    const history = [current, own(3), own(2)];
    const others = [1, 2, 3, 4, 5, 6].map((d) =>
      b({ workspace_id: "ws-2", build_number: d, created_at: `2025-03-0${d}T12:00:00Z` }),
    );
    const later = b({ workspace_id: "ws-2", build_number: 9, created_at: "2025-03-11T00:00:00Z" });
    expect(pickBaselineBuilds(current, history, 10).source).toBe("workspace");
    const pick = pickBaselineBuilds(current, history, 10, [...others, later, history[1]]);
    expect(pick.source).toBe("template");
    expect(pick.own).toBe(2);
    expect(pick.builds).toHaveLength(8);
    expect(pick.builds.map((x) => x.id)).not.toContain(later.id);
    const baseline = baselineOf([tree(), undefined, tree(), tree(), tree(), tree(), tree(), tree()]);
    expect(describeBaselineSource(pick, baseline, "start")).toBe(
      "This workspace has fewer than 5 earlier successful start builds, so the usual times come from 8 builds of the template's workspaces (2 of this one), Mar 1 – Mar 6. 1 had no timings and was skipped.",
    );
  });

  it("says when there is nothing to compare with", () => {
    const pick = pickBaselineBuilds(current, [current], 10, []);
    expect(describeBaselineSource(pick, baselineOf([]), "start")).toBe(
      "No earlier successful start build to compare with.",
    );
  });
});
