import { describe, expect, it } from "vitest";
import { findRegressions, regressionScope } from "./regressions";
import { DAY, HOUR, NOW, build, workspace } from "./testing";

const k8s = workspace("cluster", "kubernetes");
const k8sBob = workspace("api", "kubernetes", "bob");
const docker = workspace("dev", "docker");

describe("findRegressions", () => {
  it("flags a template whose last-day p50 is at least 25 % above the week before, with its numbers", () => {
    const builds = [
      // Week before: 10 s, 10 s, 12 s, 20 s → p50 11 s.
      build({ ws: k8s, number: 1, age: 6 * DAY, ran: 10_000 }),
      build({ ws: k8s, number: 2, age: 5 * DAY, ran: 10_000 }),
      build({ ws: k8s, number: 3, age: 4 * DAY, ran: 12_000 }),
      build({ ws: k8s, number: 4, age: 2 * DAY, ran: 20_000 }),
      // Last day: 14 s, 15 s, 16 s → p50 15 s = 1.36 × 11 s.
      build({ ws: k8s, number: 5, age: 10 * HOUR, ran: 14_000 }),
      build({ ws: k8s, number: 6, age: 5 * HOUR, ran: 15_000 }),
      build({ ws: k8s, number: 7, age: 1 * HOUR, ran: 16_000 }),
    ];
    const [r, ...rest] = findRegressions(builds, NOW);
    expect(rest).toEqual([]);
    expect(r.template).toBe("kubernetes");
    expect(r.baselineP50).toBe(11_000);
    expect(r.recentP50).toBe(15_000);
    expect(r.ratio).toBeCloseTo(15 / 11, 6);
    expect([r.recentCount, r.baselineCount]).toEqual([3, 4]);
    expect(r.example).toEqual({
      ownerName: "alice",
      workspaceName: "cluster",
      after: 7,
      before: 4,
      afterMs: 16_000,
      beforeMs: 20_000,
    });
  });

  it("counts exactly 25 % as a regression and 24 % as not", () => {
    const at = (ws: typeof k8s, ratio: number) => [
      ...[1, 2, 3].map((n) => build({ ws, number: n, age: 3 * DAY + n * HOUR, ran: 100_000 })),
      ...[4, 5, 6].map((n) => build({ ws, number: n, age: n * HOUR, ran: 100_000 * ratio })),
    ];
    expect(findRegressions(at(k8s, 1.25), NOW).map((r) => r.template)).toEqual(["kubernetes"]);
    expect(findRegressions(at(docker, 1.24), NOW)).toEqual([]);
  });

  it("ignores failed and canceled builds, builds older than 8 days, and windows with fewer than 3 builds", () => {
    const builds = [
      ...[1, 2, 3].map((n) => build({ ws: k8s, number: n, age: 3 * DAY, ran: 10_000 })),
      // Slow but failed or canceled: not durations of a build that did its work.
      build({ ws: k8s, number: 4, age: HOUR, ran: 90_000, status: "failed" }),
      build({ ws: k8s, number: 5, age: HOUR, ran: 90_000, status: "canceled" }),
      build({ ws: k8s, number: 6, age: HOUR, ran: 30_000 }),
      build({ ws: k8s, number: 7, age: HOUR, ran: 30_000 }),
      // Older than the 7-day baseline: would make the baseline slow if counted.
      build({ ws: k8s, number: 0, age: 9 * DAY, ran: 500_000 }),
    ];
    expect(findRegressions(builds, NOW)).toEqual([]);
    const third = build({ ws: k8s, number: 8, age: HOUR, ran: 30_000 });
    expect(findRegressions([...builds, third], NOW).map((r) => r.recentP50)).toEqual([30_000]);
  });

  it("picks the workspace whose before/after pair (same transition) shows the slowdown most", () => {
    const builds = [
      ...[1, 2, 3].map((n) => build({ ws: k8s, number: n, age: 3 * DAY - n * HOUR, ran: 10_000 })),
      build({ ws: k8s, number: 4, age: 2 * HOUR, ran: 13_000 }),
      build({ ws: k8sBob, number: 10, age: 3 * DAY, ran: 10_000 }),
      build({ ws: k8sBob, number: 11, age: 2 * DAY, ran: 30_000, transition: "stop" }),
      build({ ws: k8sBob, number: 12, age: 3 * HOUR, ran: 20_000 }),
      build({ ws: k8sBob, number: 13, age: HOUR, ran: 20_000 }),
    ];
    const [r] = findRegressions(builds, NOW);
    // bob/api #13 (20 s) against #10 (10 s, the newest earlier *start*; #11 is a stop): 2× beats alice's 1.3×.
    expect(r.example).toMatchObject({ ownerName: "bob", workspaceName: "api", after: 13, before: 10 });
  });
});

describe("regressionScope", () => {
  it("keeps only the chosen template, owner and transition", () => {
    const builds = [
      build({ ws: k8s }),
      build({ ws: k8sBob }),
      build({ ws: docker }),
      build({ ws: k8s, transition: "stop" }),
    ];
    expect(regressionScope(builds, { template: "kubernetes", owner: "alice", transition: "start" })).toEqual([
      builds[0],
    ]);
    expect(regressionScope(builds, { template: undefined, owner: undefined, transition: undefined })).toHaveLength(4);
  });
});
