// The numbers behind the health charts, computed from the (filtered) builds in range. Durations
// are the provisioner's run time (started → completed) of succeeded builds only: a failed or
// canceled build stops early and would drag the percentiles down. Failure rate is failed out of
// builds that reached an outcome by themselves (succeeded + failed): a cancel is someone's choice.
import { percentile } from "../../../lib/builds/percentiles";
import { isActiveJob } from "../../../api/jobStatus";
import { RANGE_MS, type RangeId } from "./filters";
import type { OverviewBuild } from "./rows";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Bucket width of the builds-over-time chart: about 12–28 bars whatever the range. */
export const COUNT_BUCKET_MS: Record<RangeId, number> = { "1h": 5 * MINUTE, "24h": HOUR, "7d": 6 * HOUR };
/** Percentile series need more builds per point, so their buckets are wider. */
export const TREND_BUCKET_MS: Record<RangeId, number> = { "1h": 10 * MINUTE, "24h": 3 * HOUR, "7d": 24 * HOUR };

/** Series of the stacked chart, in stacking order; `active` is every job still in flight. */
export const STATUS_SERIES = ["succeeded", "failed", "canceled", "active"] as const;
export type StatusSeries = (typeof STATUS_SERIES)[number];

export function statusSeriesOf(status: string): StatusSeries | undefined {
  if (status === "succeeded" || status === "failed" || status === "canceled") return status;
  return isActiveJob(status) ? "active" : undefined;
}

/** Start times of the buckets covering `[now - range, now]`, aligned to the bucket width. */
export function bucketStarts(range: RangeId, bucketMs: number, now: number): number[] {
  const first = Math.floor((now - RANGE_MS[range]) / bucketMs) * bucketMs;
  const starts: number[] = [];
  for (let t = first; t <= now; t += bucketMs) starts.push(t);
  return starts;
}

/**
 * Which bucket a time falls in, or -1 before the first. A time after the last bucket (the
 * server's clock a little ahead of the browser's) counts in the last one rather than vanishing.
 */
export function bucketIndex(ms: number, first: number, size: number, count: number): number {
  const index = Math.floor((ms - first) / size);
  if (index < 0 || count === 0) return -1;
  return Math.min(index, count - 1);
}

export type CountBucket = { start: number } & Record<StatusSeries, number>;

export function buildsOverTime(builds: readonly OverviewBuild[], range: RangeId, now: number): CountBucket[] {
  const size = COUNT_BUCKET_MS[range];
  const starts = bucketStarts(range, size, now);
  const buckets: CountBucket[] = starts.map((start) => ({ start, succeeded: 0, failed: 0, canceled: 0, active: 0 }));
  const first = starts[0];
  for (const b of builds) {
    const index = bucketIndex(b.createdMs, first, size, buckets.length);
    const series = statusSeriesOf(b.job.status);
    if (series && index >= 0) buckets[index][series]++;
  }
  return buckets;
}

export interface TemplateRate {
  template: string;
  failed: number;
  /** Succeeded + failed. */
  outcomes: number;
  /** 0–1. */
  rate: number;
}

/** Highest rate first; templates with no outcome yet are left out. */
export function failureRateByTemplate(builds: readonly OverviewBuild[]): TemplateRate[] {
  const by = new Map<string, { failed: number; outcomes: number }>();
  for (const b of builds) {
    if (b.job.status !== "failed" && b.job.status !== "succeeded") continue;
    const entry = by.get(b.workspace.template_name) ?? { failed: 0, outcomes: 0 };
    entry.outcomes++;
    if (b.job.status === "failed") entry.failed++;
    by.set(b.workspace.template_name, entry);
  }
  return [...by.entries()]
    .map(([template, e]) => ({ template, ...e, rate: e.failed / e.outcomes }))
    .sort((a, b) => b.rate - a.rate || b.failed - a.failed || a.template.localeCompare(b.template));
}

export interface Ranked {
  key: string;
  count: number;
}

function topCounts(keys: Iterable<string>, limit: number): Ranked[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit);
}

export interface ErrorCodeSummary {
  top: Ranked[];
  /** Failed builds that carry no error code (most failures: a Terraform error is not classified). */
  withoutCode: number;
}

export function topErrorCodes(builds: readonly OverviewBuild[], limit = 5): ErrorCodeSummary {
  const failed = builds.filter((b) => b.job.status === "failed");
  return {
    top: topCounts(
      failed.flatMap((b) => (b.errorCode ? [b.errorCode] : [])),
      limit,
    ),
    withoutCode: failed.filter((b) => !b.errorCode).length,
  };
}

export function topFailingTemplates(builds: readonly OverviewBuild[], limit = 5): Ranked[] {
  return topCounts(
    builds.filter((b) => b.job.status === "failed").map((b) => b.workspace.template_name),
    limit,
  );
}

/** Run time of a succeeded build, else undefined. */
export function succeededDuration(b: OverviewBuild): number | undefined {
  return b.job.status === "succeeded" ? b.runMs : undefined;
}

/** One point per trend bucket: `p50:<template>` and `p95:<template>` in ms where the bucket has builds. */
export type DurationPoint = { start: number } & Record<string, number | undefined>;

export interface DurationTrend {
  templates: string[];
  points: DurationPoint[];
}

export const p50Key = (template: string) => `p50:${template}`;
export const p95Key = (template: string) => `p95:${template}`;

export function durationTrendByTemplate(builds: readonly OverviewBuild[], range: RangeId, now: number): DurationTrend {
  const size = TREND_BUCKET_MS[range];
  const starts = bucketStarts(range, size, now);
  const first = starts[0];
  const samples = new Map<string, number[][]>();
  for (const b of builds) {
    const ms = succeededDuration(b);
    const index = bucketIndex(b.createdMs, first, size, starts.length);
    if (ms === undefined || index < 0) continue;
    const template = b.workspace.template_name;
    let perBucket = samples.get(template);
    if (!perBucket) samples.set(template, (perBucket = starts.map(() => [])));
    perBucket[index].push(ms);
  }
  const templates = [...samples.keys()].sort((a, b) => a.localeCompare(b));
  const points = starts.map((start, i) => {
    const point: DurationPoint = { start };
    for (const template of templates) {
      const values = samples.get(template)![i];
      point[p50Key(template)] = percentile(values, 50);
      point[p95Key(template)] = percentile(values, 95);
    }
    return point;
  });
  return { templates, points };
}

export interface QueuePoint {
  start: number;
  p95: number | undefined;
}

export interface QueueSummary {
  points: QueuePoint[];
  /** Over the whole range. */
  p50: number | undefined;
  p95: number | undefined;
}

/** Time waiting for a provisioner, of builds that got one (a build canceled while queued never did). */
export function queueTimes(builds: readonly OverviewBuild[], range: RangeId, now: number): QueueSummary {
  const size = TREND_BUCKET_MS[range];
  const starts = bucketStarts(range, size, now);
  const first = starts[0];
  const per: number[][] = starts.map(() => []);
  const all: number[] = [];
  for (const b of builds) {
    if (!b.job.started_at) continue;
    const ms = b.queueMs;
    const index = bucketIndex(b.createdMs, first, size, starts.length);
    if (ms === undefined || index < 0) continue;
    per[index].push(ms);
    all.push(ms);
  }
  return {
    points: starts.map((start, i) => ({ start, p95: percentile(per[i], 95) })),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
  };
}

export interface HealthSummary {
  total: number;
  failed: number;
  /** Failed out of succeeded + failed; undefined without any outcome. */
  failureRate: number | undefined;
  durationP50: number | undefined;
  durationP95: number | undefined;
}

export function healthSummary(builds: readonly OverviewBuild[]): HealthSummary {
  let failed = 0;
  let succeeded = 0;
  const durations: number[] = [];
  for (const b of builds) {
    if (b.job.status === "failed") failed++;
    if (b.job.status === "succeeded") {
      succeeded++;
      const ms = succeededDuration(b);
      if (ms !== undefined) durations.push(ms);
    }
  }
  return {
    total: builds.length,
    failed,
    failureRate: failed + succeeded > 0 ? failed / (failed + succeeded) : undefined,
    durationP50: percentile(durations, 50),
    durationP95: percentile(durations, 95),
  };
}

/** Everything the health charts draw, from the builds that pass the filters. */
export interface HealthData {
  summary: HealthSummary;
  counts: CountBucket[];
  rates: TemplateRate[];
  trend: DurationTrend;
  queue: QueueSummary;
  errors: ErrorCodeSummary;
  failing: Ranked[];
}

export function healthData(builds: readonly OverviewBuild[], range: RangeId, now: number): HealthData {
  return {
    summary: healthSummary(builds),
    counts: buildsOverTime(builds, range, now),
    rates: failureRateByTemplate(builds),
    trend: durationTrendByTemplate(builds, range, now),
    queue: queueTimes(builds, range, now),
    errors: topErrorCodes(builds),
    failing: topFailingTemplates(builds),
  };
}
