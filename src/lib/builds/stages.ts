// A build's time split into the buckets the history's mini bar shows: the four Terraform stages,
// the agents connecting, and their scripts, i.e. the Gantt's stage hues. Derived from the timings
// model so the mini bar and the full Gantt agree on what a stage spans and how it is coloured.
import type { WorkspaceBuildTimings } from "../../api/types";
import { buildTimingTree, stageMeta, type StageHue } from "../timings";

export const STAGE_BUCKETS = [
  "init",
  "plan",
  "graph",
  "apply",
  "connect",
  "script",
] as const satisfies readonly StageHue[];
export type StageBucket = (typeof STAGE_BUCKETS)[number];

function bucketOf(stageId: string): StageBucket | undefined {
  const hue = stageMeta(stageId).hue;
  return (STAGE_BUCKETS as readonly string[]).includes(hue) ? (hue as StageBucket) : undefined;
}

export interface StageSegment {
  bucket: StageBucket;
  /** Wall-clock span of the bucket (first start → last end), ms. */
  duration: number;
  /** Where the span starts and how wide it is, as fractions of the whole build's span. */
  offset: number;
  width: number;
  failed: boolean;
}

export interface StageBreakdown {
  /** First start → last end over every bucket, ms. */
  total: number;
  segments: StageSegment[];
}

/** Buckets in stage order, or undefined when the build has no timings (failed builds have none, docs/conventions.md). */
export function stageBreakdown(
  timings: Partial<WorkspaceBuildTimings> | null | undefined,
  now?: number,
): StageBreakdown | undefined {
  const tree = buildTimingTree(timings, { now });
  const spans = new Map<StageBucket, { start: number; end: number; failed: boolean }>();
  for (const stage of tree.stages) {
    const bucket = bucketOf(stage.id);
    if (!bucket) continue;
    const span = spans.get(bucket);
    const failed = stage.status === "failed";
    if (span) {
      span.start = Math.min(span.start, stage.start);
      span.end = Math.max(span.end, stage.end);
      span.failed ||= failed;
    } else {
      spans.set(bucket, { start: stage.start, end: stage.end, failed });
    }
  }
  if (spans.size === 0) return undefined;
  const start = Math.min(...[...spans.values()].map((s) => s.start));
  const end = Math.max(...[...spans.values()].map((s) => s.end));
  const total = end - start;
  const segments = STAGE_BUCKETS.filter((b) => spans.has(b)).map((bucket) => {
    const span = spans.get(bucket)!;
    return {
      bucket,
      duration: span.end - span.start,
      offset: total > 0 ? (span.start - start) / total : 0,
      width: total > 0 ? (span.end - span.start) / total : 1 / spans.size,
      failed: span.failed,
    };
  });
  return { total, segments };
}

/** Milliseconds per bucket (0 for buckets the build did not reach). */
export function stageDurations(
  timings: Partial<WorkspaceBuildTimings> | null | undefined,
  now?: number,
): Record<StageBucket, number> {
  const out: Record<StageBucket, number> = { init: 0, plan: 0, graph: 0, apply: 0, connect: 0, script: 0 };
  for (const segment of stageBreakdown(timings, now)?.segments ?? []) out[segment.bucket] = segment.duration;
  return out;
}
