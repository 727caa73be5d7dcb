import type { TimingItem, TimingStage, TimingTree } from "./types";

export type CompareChange = "same" | "slower" | "faster" | "added" | "removed";

export interface CompareRow {
  /** `stage` for a stage row, `stage/key` for an item row, `total` for the build. */
  id: string;
  level: "total" | "stage" | "item";
  stage: string;
  key: string;
  name: string;
  /** Duration in the baseline build (A), ms; absent when added. */
  a?: number;
  /** Duration in the build being looked at (B), ms; absent when removed. */
  b?: number;
  /** b − a, ms. */
  delta?: number;
  /** b / a; Infinity when A took no time and B did. */
  ratio?: number;
  change: CompareChange;
  regression: boolean;
  /** Offsets from each build's own start, so both can be drawn on one scale. */
  aOffset?: number;
  bOffset?: number;
}

export interface RegressionRule {
  minRatio: number;
  minDeltaMs: number;
}

/** Slower by at least 20 % and at least 2 s (issue 9). */
export const DEFAULT_REGRESSION: RegressionRule = { minRatio: 1.2, minDeltaMs: 2000 };

export interface TimingComparison {
  total: CompareRow;
  stages: CompareRow[];
  items: CompareRow[];
  regressions: CompareRow[];
  added: CompareRow[];
  removed: CompareRow[];
}

export function isRegression(a: number, b: number, rule: RegressionRule = DEFAULT_REGRESSION): boolean {
  const delta = b - a;
  if (delta < rule.minDeltaMs) return false;
  return a <= 0 ? b > 0 : b / a >= rule.minRatio;
}

/**
 * Aligns two builds by stage and item key. A renamed resource has a new address, so it shows as
 * one removed and one added item: the API gives nothing that ties the two together.
 */
export function compareTrees(
  a: TimingTree,
  b: TimingTree,
  rule: RegressionRule = DEFAULT_REGRESSION,
): TimingComparison {
  const total = row(
    "total",
    "total",
    "",
    "",
    "Build",
    a.stages.length ? a : undefined,
    b.stages.length ? b : undefined,
    a.start,
    b.start,
    rule,
  );

  const aStages = new Map(a.stages.map((s) => [s.id, s]));
  const bStages = new Map(b.stages.map((s) => [s.id, s]));
  const stageIds = unionInOrder(
    b.stages.map((s) => s.id),
    a.stages.map((s) => s.id),
  );
  const stages = stageIds.map((id) =>
    row(
      id,
      "stage",
      id,
      id,
      (bStages.get(id) ?? aStages.get(id))!.label,
      aStages.get(id),
      bStages.get(id),
      a.start,
      b.start,
      rule,
    ),
  );

  const aItems = indexItems(a.stages);
  const bItems = indexItems(b.stages);
  const itemIds = unionInOrder(
    b.items.map((i) => i.id),
    a.items.map((i) => i.id),
  );
  const items = itemIds.map((id) => {
    const ai = aItems.get(id);
    const bi = bItems.get(id);
    const any = (bi ?? ai)!;
    return row(id, "item", any.stage, any.key, any.name, ai, bi, a.start, b.start, rule);
  });

  return {
    total,
    stages,
    items,
    regressions: [...stages, ...items].filter((r) => r.regression),
    added: items.filter((r) => r.change === "added"),
    removed: items.filter((r) => r.change === "removed"),
  };
}

type Timed = Pick<TimingItem, "start" | "duration">;

function row(
  id: string,
  level: CompareRow["level"],
  stage: string,
  key: string,
  name: string,
  ai: Timed | undefined,
  bi: Timed | undefined,
  aStart: number,
  bStart: number,
  rule: RegressionRule,
): CompareRow {
  const base = { id, level, stage, key, name, aOffset: ai && ai.start - aStart, bOffset: bi && bi.start - bStart };
  if (!ai) return { ...base, b: bi!.duration, change: "added", regression: false };
  if (!bi) return { ...base, a: ai.duration, change: "removed", regression: false };
  const delta = bi.duration - ai.duration;
  const ratio = ai.duration > 0 ? bi.duration / ai.duration : bi.duration > 0 ? Infinity : 1;
  const change: CompareChange = delta > 0 ? "slower" : delta < 0 ? "faster" : "same";
  return {
    ...base,
    a: ai.duration,
    b: bi.duration,
    delta,
    ratio,
    change,
    regression: isRegression(ai.duration, bi.duration, rule),
  };
}

function indexItems(stages: readonly TimingStage[]): Map<string, TimingItem> {
  const map = new Map<string, TimingItem>();
  for (const s of stages) for (const i of s.items) map.set(i.id, i);
  return map;
}

/** B's order first (the build being looked at), then what only A had. */
function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first);
  return [...first, ...second.filter((id) => !seen.has(id))];
}
