import type { IdleGap } from "./idleGaps";

/** A compressed idle span: real [start, end] drawn as the shorter [axisStart, axisEnd]. */
export interface AxisBreak {
  start: number;
  end: number;
  duration: number;
  axisStart: number;
  axisEnd: number;
}

/**
 * Maps real time (epoch ms) to axis units (ms from the start, with compressed breaks) and back.
 * Piecewise linear; outside [start, end] it extends at 1:1 so pan/zoom past the ends is smooth.
 */
export interface TimeAxis {
  start: number;
  end: number;
  /** Axis units from start to end. */
  length: number;
  breaks: readonly AxisBreak[];
  toAxis(t: number): number;
  fromAxis(u: number): number;
}

export function linearAxis(start: number, end: number): TimeAxis {
  return compressedAxis(start, end, []);
}

export interface CompressOptions {
  /** Gaps shorter than this stay as they are. */
  minGapMs?: number;
  /** Axis width of one break, as a fraction of the real total. */
  breakFraction?: number;
}

/** An axis on which idle gaps longer than the threshold shrink to a fixed-width break. */
export function compressedAxis(
  start: number,
  end: number,
  gaps: readonly IdleGap[],
  options: CompressOptions = {},
): TimeAxis {
  const total = Math.max(0, end - start);
  const breakWidth = Math.max(1, total * (options.breakFraction ?? 0.02));
  const minGap = Math.max(options.minGapMs ?? 1000, breakWidth * 2);
  const breaks: AxisBreak[] = [];
  let removed = 0;
  for (const g of [...gaps].sort((a, b) => a.start - b.start)) {
    if (g.duration < minGap || g.start < start || g.end > end) continue;
    const axisStart = g.start - start - removed;
    breaks.push({ start: g.start, end: g.end, duration: g.duration, axisStart, axisEnd: axisStart + breakWidth });
    removed += g.duration - breakWidth;
  }
  return {
    start,
    end,
    length: total - removed,
    breaks,
    toAxis(t) {
      let shift = 0;
      for (const b of breaks) {
        if (t <= b.start) break;
        if (t < b.end) return b.axisStart + ((t - b.start) / b.duration) * (b.axisEnd - b.axisStart);
        shift += b.duration - (b.axisEnd - b.axisStart);
      }
      return t - start - shift;
    },
    fromAxis(u) {
      let shift = 0;
      for (const b of breaks) {
        if (u <= b.axisStart) break;
        if (u < b.axisEnd) return b.start + ((u - b.axisStart) / (b.axisEnd - b.axisStart)) * b.duration;
        shift += b.duration - (b.axisEnd - b.axisStart);
      }
      return start + u + shift;
    },
  };
}
