import type { TimeAxis } from "./axis";

// Steps a reader can add up in their head: 1-2-5 below a second, clock-friendly above.
const STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/** The smallest step whose ticks are at least `minSpacingPx` apart at `pxPerMs`. */
export function tickStep(pxPerMs: number, minSpacingPx: number): number {
  for (const step of STEPS) if (step * pxPerMs >= minSpacingPx) return step;
  const day = STEPS[STEPS.length - 1];
  return day * Math.ceil(minSpacingPx / (day * pxPerMs));
}

/**
 * A label for an offset from the build start, precise to the step: `250 ms`, `1.25 s`, `45 s`,
 * `1m 30s`, `2m`, `1h 05m`. The unit follows the step, so neighbouring ticks read alike.
 */
export function formatTick(offsetMs: number, stepMs: number): string {
  const t = Math.round(offsetMs);
  const sign = t < 0 ? "-" : "";
  const a = Math.abs(t);
  if (stepMs < 1000) {
    if (a < 1000) return `${sign}${a} ms`;
    const decimals = stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
    return `${sign}${(a / 1000).toFixed(decimals)} s`;
  }
  if (stepMs < 60_000) {
    if (a < 60_000) return `${sign}${a / 1000} s`;
    const m = Math.floor(a / 60_000);
    const s = Math.round((a % 60_000) / 1000);
    return `${sign}${m}m ${String(s).padStart(2, "0")}s`;
  }
  if (stepMs < 3_600_000 || a < 3_600_000) {
    const m = Math.round(a / 60_000);
    if (m < 60) return `${sign}${m}m`;
    return `${sign}${Math.floor(m / 60)}h ${String(m % 60).padStart(2, "0")}m`;
  }
  const h = Math.floor(a / 3_600_000);
  const m = Math.round((a % 3_600_000) / 60_000);
  return `${sign}${h}h ${String(m).padStart(2, "0")}m`;
}

export interface Tick {
  /** Real time (epoch ms). */
  t: number;
  /** Offset from the axis start, ms. */
  offset: number;
  /** Pixels from the left edge of the view. */
  x: number;
  label: string;
}

export interface TickView {
  /** Visible window in axis units. */
  from: number;
  to: number;
  widthPx: number;
  minSpacingPx?: number;
}

/**
 * Ticks for the visible window of an axis: one step for the whole view (the scale is the same on
 * every linear piece), placed at multiples of the step from the build start, none inside a break.
 */
export function axisTicks(axis: TimeAxis, view: TickView): Tick[] {
  const span = view.to - view.from;
  if (!(span > 0) || !(view.widthPx > 0)) return [];
  const pxPerMs = view.widthPx / span;
  const minSpacing = view.minSpacingPx ?? 80;
  const step = tickStep(pxPerMs, minSpacing);
  const realFrom = axis.fromAxis(view.from) - axis.start;
  const realTo = axis.fromAxis(view.to) - axis.start;
  const ticks: Tick[] = [];
  let offset = Math.ceil(realFrom / step) * step;
  while (offset <= realTo + 1e-6 && ticks.length < 500) {
    const t = axis.start + offset;
    const inside = axis.breaks.find((b) => t > b.start && t < b.end);
    if (inside) {
      offset = Math.ceil((inside.end - axis.start) / step) * step;
      continue;
    }
    const x = (axis.toAxis(t) - view.from) * pxPerMs;
    // Either side of a break two ticks can land close together; keep the first.
    const last = ticks[ticks.length - 1];
    if (!last || x - last.x >= minSpacing * 0.6) ticks.push({ t, offset, x, label: formatTick(offset, step) });
    offset += step;
  }
  return ticks;
}
