import { describe, expect, it } from "vitest";
import {
  bucketStarts,
  buildsOverTime,
  durationTrendByTemplate,
  failureRateByTemplate,
  healthSummary,
  p50Key,
  p95Key,
  queueTimes,
  topErrorCodes,
  topFailingTemplates,
} from "./health";
import { DAY, HOUR, MIN, NOW, build, workspace } from "./testing";

const docker = workspace("dev", "docker");
const k8s = workspace("cluster", "kubernetes");
const aws = workspace("vm", "aws-linux", "bob");

describe("buckets", () => {
  it("covers the range with aligned buckets, the last one holding now", () => {
    const starts = bucketStarts("24h", HOUR, NOW + 30 * MIN);
    expect(starts).toHaveLength(25);
    expect(starts[0]).toBe(NOW - DAY);
    expect(starts[24]).toBe(NOW);
    expect(bucketStarts("1h", 5 * MIN, NOW)).toHaveLength(13);
  });
});

describe("buildsOverTime", () => {
  it("counts builds per hour by status, in-flight ones as active", () => {
    const builds = [
      build({ ws: docker, age: 30 * MIN }),
      build({ ws: docker, age: 40 * MIN, status: "failed" }),
      build({ ws: k8s, age: 50 * MIN, status: "canceled" }),
      build({ ws: k8s, age: 5 * MIN, status: "running" }),
      build({ ws: k8s, age: 1 * MIN, status: "pending" }),
      build({ ws: k8s, age: 3 * HOUR + 10 * MIN }),
      // Outside the 24 h range.
      build({ ws: k8s, age: 2 * DAY }),
    ];
    const buckets = buildsOverTime(builds, "24h", NOW);
    const last = buckets[buckets.length - 1];
    const hourBefore = buckets[buckets.length - 2];
    expect(last).toMatchObject({ start: NOW, succeeded: 0, failed: 0, canceled: 0, active: 0 });
    expect(hourBefore).toMatchObject({ start: NOW - HOUR, succeeded: 1, failed: 1, canceled: 1, active: 2 });
    expect(buckets[buckets.length - 5]).toMatchObject({ start: NOW - 4 * HOUR, succeeded: 1 });
    const total = buckets.reduce((s, b) => s + b.succeeded + b.failed + b.canceled + b.active, 0);
    expect(total).toBe(6);
  });

  it("counts a build stamped a little after the browser's now in the last bucket", () => {
    const buckets = buildsOverTime([build({ age: -2 * HOUR })], "24h", NOW);
    expect(buckets[buckets.length - 1].succeeded).toBe(1);
  });
});

describe("failure rates and top lists", () => {
  const builds = [
    build({ ws: docker, status: "failed", errorCode: "INSUFFICIENT_QUOTA" }),
    build({ ws: docker }),
    build({ ws: docker }),
    build({ ws: docker }),
    build({ ws: k8s, status: "failed" }),
    build({ ws: k8s, status: "failed", errorCode: "INSUFFICIENT_QUOTA" }),
    build({ ws: k8s, status: "canceled" }),
    build({ ws: k8s }),
    build({ ws: aws, status: "failed", errorCode: "REQUIRED_TEMPLATE_VARIABLES" }),
    build({ ws: aws, status: "running" }),
  ];

  it("failure rate is failed out of succeeded + failed, highest first", () => {
    expect(failureRateByTemplate(builds)).toEqual([
      { template: "aws-linux", failed: 1, outcomes: 1, rate: 1 },
      { template: "kubernetes", failed: 2, outcomes: 3, rate: 2 / 3 },
      { template: "docker", failed: 1, outcomes: 4, rate: 0.25 },
    ]);
  });

  it("ranks error codes and failing templates, and counts failures without a code", () => {
    expect(topErrorCodes(builds)).toEqual({
      top: [
        { key: "INSUFFICIENT_QUOTA", count: 2 },
        { key: "REQUIRED_TEMPLATE_VARIABLES", count: 1 },
      ],
      withoutCode: 1,
    });
    expect(topFailingTemplates(builds, 2)).toEqual([
      { key: "kubernetes", count: 2 },
      { key: "aws-linux", count: 1 },
    ]);
  });

  it("summarises the range", () => {
    expect(healthSummary(builds)).toMatchObject({
      total: 10,
      failed: 4,
      failureRate: 4 / 8,
      durationP50: 10_000,
      durationP95: 10_000,
    });
    expect(healthSummary([]).failureRate).toBeUndefined();
  });
});

describe("duration and queue percentiles", () => {
  it("p50/p95 of succeeded run times per template per trend bucket", () => {
    const runs = [10, 20, 30, 40, 50].map((s, i) => build({ ws: docker, age: 1 * HOUR + i * MIN, ran: s * 1000 }));
    const failed = build({ ws: docker, age: HOUR, ran: 999_000, status: "failed" });
    const other = build({ ws: k8s, age: 10 * HOUR, ran: 60_000 });
    const trend = durationTrendByTemplate([...runs, failed, other], "24h", NOW);
    expect(trend.templates).toEqual(["docker", "kubernetes"]);
    const withDocker = trend.points.filter((p) => p[p50Key("docker")] !== undefined);
    expect(withDocker).toHaveLength(1);
    expect(withDocker[0][p50Key("docker")]).toBe(30_000);
    // Linear interpolation: rank 0.95 × 4 = 3.8 → 40 + 0.8 × 10.
    expect(withDocker[0][p95Key("docker")]).toBe(48_000);
    expect(trend.points.filter((p) => p[p50Key("kubernetes")] === 60_000)).toHaveLength(1);
  });

  it("queue time p95 counts only builds that reached a provisioner", () => {
    const builds = [1, 2, 3, 4, 5].map((s) => build({ age: 2 * HOUR, queued: s * 1000 }));
    const neverRan = build({ age: 2 * HOUR, status: "pending" });
    const q = queueTimes([...builds, neverRan], "24h", NOW);
    expect(q.p50).toBe(3_000);
    expect(q.p95).toBeCloseTo(4_800, 6);
    expect(q.points.filter((p) => p.p95 !== undefined)).toHaveLength(1);
  });
});
