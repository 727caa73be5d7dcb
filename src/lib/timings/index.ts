// The timings model's public surface (README, Architecture: src/lib/timings).
export type { BarStatus, ItemKind, StageHue, TimingItem, TimingStage, TimingTree } from "./types";
export { parseTimingTime } from "./time";
export { STAGE_ORDER, stageMeta, timingStageOfLogStage, type StageMeta } from "./stages";
export { buildTimingTree, treeFromDrafts } from "./tree";
export { criticalPath, describeCriticalPath, type CriticalPath, type CriticalSegment } from "./criticalPath";
export { idleGaps, totalDuration, type IdleGap, type Span } from "./idleGaps";
export { compressedAxis, linearAxis, type AxisBreak, type TimeAxis } from "./axis";
export { axisTicks, formatTick, tickStep, type Tick } from "./ticks";
export {
  compareTrees,
  isRegression,
  DEFAULT_REGRESSION,
  type CompareRow,
  type TimingComparison,
  type RegressionRule,
} from "./compare";
export { toChromeTrace, traceProblems, type ChromeTrace, type TraceEvent } from "./exportTrace";
export { toCsv } from "./exportCsv";
export { agentsOf, agentSettled, buildLiveTimings, livePhase, type LivePhase, type LiveTimings } from "./provisional";
export { agentLogTargetOf, agentOfItem, firstLogIndexAtOrAfter, type AgentLogTarget } from "./logLinks";
// Usual times: every export of the module is part of the surface (baselines, verdicts, their wording).
export * from "./baseline";
