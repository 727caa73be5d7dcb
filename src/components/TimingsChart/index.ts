export { TimingsChart, type TimingBar, type TimingsChartProps } from "./TimingsChart";
export { TimingsEmpty, TimingsSkeleton, type TimingsEmptyReason } from "./TimingsStates";
export { readChartUrlState, writeChartUrlState, EMPTY_URL_STATE, type ChartUrlState } from "./urlState";
export type { UsualSize, UsualTimes } from "./SlowerList";
