/**
 * What a shared link restores: the zoom range (real ms from the build start, so it survives the
 * compress-gaps toggle), the expanded stages and the two view toggles. The page owns the URL; these
 * helpers only read and write the chart's own parameters.
 */
export interface ChartUrlState {
  range?: [number, number];
  expanded: string[];
  critical: boolean;
  compress: boolean;
}

export const EMPTY_URL_STATE: ChartUrlState = { expanded: [], critical: false, compress: false };

const KEYS = { range: "range", expanded: "expand", critical: "cp", compress: "gaps" } as const;

export function readChartUrlState(params: URLSearchParams): ChartUrlState {
  const state: ChartUrlState = {
    expanded: [],
    critical: params.get(KEYS.critical) === "1",
    compress: params.get(KEYS.compress) === "1",
  };
  const range = params.get(KEYS.range)?.match(/^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to > from) state.range = [from, to];
  }
  const expanded = params.get(KEYS.expanded);
  if (expanded) state.expanded = expanded.split(",").filter(Boolean);
  return state;
}

/** Returns a copy of `params` with the chart's parameters replaced (absent when at defaults). */
export function writeChartUrlState(params: URLSearchParams, state: ChartUrlState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.values(KEYS)) next.delete(key);
  if (state.range) next.set(KEYS.range, `${Math.round(state.range[0])}-${Math.round(state.range[1])}`);
  if (state.expanded.length) next.set(KEYS.expanded, state.expanded.join(","));
  if (state.critical) next.set(KEYS.critical, "1");
  if (state.compress) next.set(KEYS.compress, "1");
  return next;
}
