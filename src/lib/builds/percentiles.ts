// Percentiles of build durations, for the trend chart's p50/p95 lines.

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (the common
 * "inclusive" definition, as spreadsheets compute it). Undefined for no values.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return undefined;
  const sorted = finite.slice().sort((a, b) => a - b);
  const clamped = Math.min(100, Math.max(0, p));
  const rank = (clamped / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface Percentiles {
  p50: number | undefined;
  p95: number | undefined;
  count: number;
}

export function p50p95(values: readonly number[]): Percentiles {
  return { p50: percentile(values, 50), p95: percentile(values, 95), count: values.filter(Number.isFinite).length };
}
