import { formatDuration } from "../format";
import { idleGaps, totalDuration } from "./idleGaps";
import type { TimingItem, TimingTree } from "./types";

export interface CriticalSegment {
  item: TimingItem;
  /** The part of the item that held the build up (clipped where the next link started early). */
  start: number;
  end: number;
}

export interface CriticalPath {
  /** Chronological. */
  segments: CriticalSegment[];
  itemIds: ReadonlySet<string>;
  stageIds: ReadonlySet<string>;
  criticalMs: number;
  totalMs: number;
  idleMs: number;
}

/**
 * The chain that decided how long the build took. Walking back from the item that ended last,
 * each link's predecessor is the item, among those that started before it, that ended latest:
 * whatever was still running when the link began is what it waited for. For stages that run one
 * after another with parallel items inside, this picks exactly the sequence of stages and, in each,
 * the item that finished last (the longest one when they start together). Gaps between links are
 * time when nothing on the path ran.
 */
export function criticalPath(tree: TimingTree): CriticalPath {
  const items = tree.items;
  if (items.length === 0)
    return { segments: [], itemIds: new Set(), stageIds: new Set(), criticalMs: 0, totalMs: 0, idleMs: 0 };

  // items are sorted by start; prefixBest[i] = index of the latest-ending item among items[0..i].
  const prefixBest = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const prev = i > 0 ? prefixBest[i - 1] : -1;
    prefixBest[i] = prev >= 0 && items[prev].end >= items[i].end ? prev : i;
  }

  let current = prefixBest[items.length - 1];
  let currentEnd = items[current].end;
  const reversed: CriticalSegment[] = [];
  for (;;) {
    const item = items[current];
    reversed.push({ item, start: item.start, end: currentEnd });
    const before = lastIndexStartingBefore(items, item.start);
    if (before < 0) break;
    current = prefixBest[before];
    currentEnd = Math.min(items[current].end, item.start);
  }
  const segments = reversed.reverse();
  const criticalMs = segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  return {
    segments,
    itemIds: new Set(segments.map((s) => s.item.id)),
    stageIds: new Set(segments.map((s) => s.item.stage)),
    criticalMs,
    totalMs: tree.duration,
    idleMs: totalDuration(idleGaps(items, tree.start, tree.end)),
  };
}

/** "critical path: 1m 42s of 2m 05s total; 21s idle". */
export function describeCriticalPath(path: CriticalPath): string {
  const idle = path.idleMs > 0 ? `; ${formatDuration(path.idleMs)} idle` : "; no idle time";
  return `critical path: ${formatDuration(path.criticalMs)} of ${formatDuration(path.totalMs)} total${idle}`;
}

function lastIndexStartingBefore(items: readonly TimingItem[], t: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
