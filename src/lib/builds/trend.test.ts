import { describe, expect, it } from "vitest";
import type { WorkspaceBuild } from "../../api/types";
import { trendOf, versionChanges } from "./trend";

const T0 = Date.parse("2025-03-04T10:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

function build(n: number, status: string, seconds: number | undefined, version = "v1"): WorkspaceBuild {
  return {
    id: `b${n}`,
    build_number: n,
    transition: "start",
    template_version_id: version,
    template_version_name: version,
    created_at: at(0),
    job: {
      status,
      created_at: at(0),
      ...(seconds !== undefined && { started_at: at(0) }),
      ...(seconds !== undefined && status !== "running" && { completed_at: at(seconds) }),
    },
  } as unknown as WorkspaceBuild;
}

describe("trendOf", () => {
  const builds = [
    build(4, "succeeded", 40, "v2"),
    build(3, "failed", 5, "v2"),
    build(2, "succeeded", 20),
    build(1, "succeeded", 10),
    build(5, "canceled", undefined, "v2"),
  ];

  it("gives one point per build, oldest first, with status meaning", () => {
    const trend = trendOf(builds, T0);
    expect(trend.points.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(trend.points[2]).toMatchObject({ failed: true, meaning: "failure", duration: 5_000 });
    expect(trend.points[4]).toMatchObject({ duration: undefined, meaning: "neutral" });
  });

  it("computes percentiles from succeeded builds only", () => {
    const { stats } = trendOf(builds, T0);
    expect(stats.count).toBe(3);
    expect(stats.p50).toBe(20_000);
    expect(stats.p95).toBeCloseTo(38_000);
  });

  it("marks where the template version changed", () => {
    expect(trendOf(builds, T0).changes).toEqual([{ number: 3, versionName: "v2" }]);
  });

  it("a running build ticks up to now", () => {
    const trend = trendOf([build(1, "running", 0)], T0 + 9_000);
    expect(trend.points[0]).toMatchObject({ running: true, duration: 9_000 });
  });
});

describe("versionChanges", () => {
  it("reports each switch, including back to an older version", () => {
    const pts = [
      { number: 1, versionId: "a", versionName: "a" },
      { number: 2, versionId: "b", versionName: "b" },
      { number: 3, versionId: "b", versionName: "b" },
      { number: 4, versionId: "a", versionName: "a" },
    ];
    expect(versionChanges(pts)).toEqual([
      { number: 2, versionName: "b" },
      { number: 4, versionName: "a" },
    ]);
    expect(versionChanges([])).toEqual([]);
  });
});
