// "Slower than usual": each stage and item of a build against the same stage or item in the last
// N successful builds with the same transition. One earlier build is noise (a cold image pull, a
// lucky cache hit); the median and p90 of several are what "usual" means.
import type { WorkspaceBuild, WorkspaceBuildTimings } from "../../api/types";
import { formatDuration } from "../format";
import type { CriticalPath } from "./criticalPath";
import { assignKeys, draftsOf } from "./tree";
import type { ItemDraft, TimingItem, TimingStage, TimingTree } from "./types";

export const BASELINE_DEFAULT = 10;
export const BASELINE_MIN = 5;
export const BASELINE_MAX = 30;
/** Below this much over the median an item is within noise, whatever its p90 says. */
export const MIN_EXCESS_MS = 1000;

/** `?baseline=` → how many builds to use: the default when absent or unreadable, clamped to 5–30. */
export function baselineSize(raw: string | null | undefined): number {
  const n = raw ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return BASELINE_DEFAULT;
  return Math.min(BASELINE_MAX, Math.max(BASELINE_MIN, Math.round(n)));
}

/** A build can be part of a baseline: it finished successfully, with the same transition, before `current`. */
export function comparableBuild(current: WorkspaceBuild, other: WorkspaceBuild): boolean {
  if (other.id === current.id || other.transition !== current.transition || other.job.status !== "succeeded")
    return false;
  if (other.workspace_id === current.workspace_id) return other.build_number < current.build_number;
  return Date.parse(other.created_at) < Date.parse(current.created_at);
}

export interface BaselinePick {
  builds: WorkspaceBuild[];
  source: "workspace" | "template";
  /** How many of `builds` are this workspace's own. */
  own: number;
}

/**
 * The builds to measure against, newest first: the workspace's own last `n` comparable builds, or,
 * when it has fewer than {@link BASELINE_MIN}, the newest `n` comparable builds of any workspace of
 * the template (its own included). `templateBuilds` is undefined while they are not loaded.
 */
export function pickBaselineBuilds(
  current: WorkspaceBuild,
  history: readonly WorkspaceBuild[],
  n: number,
  templateBuilds?: readonly WorkspaceBuild[],
): BaselinePick {
  const own = newestFirst(
    history.filter((b) => b.workspace_id === current.workspace_id && comparableBuild(current, b)),
  );
  if (own.length >= BASELINE_MIN || !templateBuilds)
    return { builds: own.slice(0, n), source: "workspace", own: Math.min(own.length, n) };
  const seen = new Set<string>();
  const merged = newestFirst([...own, ...templateBuilds.filter((b) => comparableBuild(current, b))]).filter((b) =>
    seen.has(b.id) ? false : (seen.add(b.id), true),
  );
  const builds = merged.slice(0, n);
  return { builds, source: "template", own: builds.filter((b) => b.workspace_id === current.workspace_id).length };
}

function newestFirst(builds: WorkspaceBuild[]): WorkspaceBuild[] {
  return builds.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || b.build_number - a.build_number);
}

export interface Typical {
  median: number;
  p90: number;
  /** Builds that had this stage or item. */
  samples: number;
}

export interface Baseline {
  /** By row id: a stage id, or an item id (`stage/key`), the same ids in every build of a template. */
  rows: ReadonlyMap<string, Typical>;
  total?: Typical;
  /** Builds whose timings were used. */
  used: number;
  /** Builds left out because they recorded no timings (or the server had none for them). */
  skipped: number;
}

/** What a baseline needs of one earlier build: its total and each stage's and item's duration, by row id. */
export interface BuildDurations {
  total: number;
  rows: ReadonlyMap<string, number>;
}

/**
 * The durations of a finished build straight from its timings response, with the same row ids as
 * its tree, without building the tree (no sorting, no item objects): a baseline reads ten or thirty
 * of these, and at 5,000 rows each the tree would be most of the cost. Undefined when it has none.
 */
export function durationsOf(timings: Partial<WorkspaceBuildTimings> | null | undefined): BuildDurations | undefined {
  const usable = draftsOf(timings).filter(
    (d): d is ItemDraft & { start: number; end: number } => d.start !== undefined && d.end !== undefined,
  );
  if (usable.length === 0) return undefined;
  const keys = assignKeys(usable);
  const rows = new Map<string, number>();
  const stages = new Map<string, { start: number; end: number }>();
  let start = Infinity;
  let end = -Infinity;
  usable.forEach((d, i) => {
    const e = Math.max(d.start, d.end);
    rows.set(`${d.stage}/${keys[i]}`, e - d.start);
    const s = stages.get(d.stage);
    if (s) {
      if (d.start < s.start) s.start = d.start;
      if (e > s.end) s.end = e;
    } else stages.set(d.stage, { start: d.start, end: e });
    if (d.start < start) start = d.start;
    if (e > end) end = e;
  });
  for (const [id, s] of stages) rows.set(id, s.end - s.start);
  return { total: end - start, rows };
}

/** The same, from a tree already built. */
export function durationsOfTree(tree: TimingTree): BuildDurations | undefined {
  if (tree.items.length === 0) return undefined;
  const rows = new Map<string, number>();
  for (const stage of tree.stages) {
    rows.set(stage.id, stage.duration);
    for (const item of stage.items) rows.set(item.id, item.duration);
  }
  return { total: tree.duration, rows };
}

/** Median and p90 per stage and item over earlier builds; a build without timings counts as skipped. */
export function computeBaseline(builds: ReadonlyArray<BuildDurations | undefined>): Baseline {
  const samples = new Map<string, number[]>();
  const totals: number[] = [];
  let skipped = 0;
  for (const build of builds) {
    if (!build) {
      skipped++;
      continue;
    }
    totals.push(build.total);
    for (const [id, ms] of build.rows) {
      const list = samples.get(id);
      if (list) list.push(ms);
      else samples.set(id, [ms]);
    }
  }
  const rows = new Map<string, Typical>();
  for (const [id, list] of samples) rows.set(id, typicalOf(list));
  return { rows, total: totals.length ? typicalOf(totals) : undefined, used: totals.length, skipped };
}

function typicalOf(values: number[]): Typical {
  const sorted = values.slice().sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), samples: sorted.length };
}

/** Linear interpolation between closest ranks, so one sample is its own median and p90. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface Verdict {
  id: string;
  duration: number;
  typical: Typical;
  /** duration − median. */
  excess: number;
  /** Past the p90 by more than noise: tinted in the chart, listed as slower than usual. */
  slow: boolean;
  running: boolean;
}

/** A bar of a tree: a stage (no item) or one of its items. */
export interface Bar {
  id: string;
  stage: TimingStage;
  item?: TimingItem;
}

/** One bar against the baseline; undefined when the baseline does not know it. A running bar is judged at `now`. */
export function judgeBar(bar: Bar, baseline: Baseline, now: number): Verdict | undefined {
  const { stage, item } = bar;
  // A bar drawn from the log while the job runs stands for its whole stage: judged against the stage.
  const typical = baseline.rows.get(item && item.kind !== "phase" ? item.id : stage.id);
  if (!typical) return undefined;
  const span = item ?? stage;
  const duration = span.running ? Math.max(span.duration, now - span.start) : span.duration;
  const excess = duration - typical.median;
  return {
    id: bar.id,
    duration,
    typical,
    excess,
    running: span.running,
    slow: duration > typical.p90 && excess >= MIN_EXCESS_MS,
  };
}

/**
 * Each stage and item of `tree` that the baseline knows, judged against it. A running bar is
 * judged at `now` (the tree may have been built a while ago), so it is flagged as soon as it passes its p90.
 */
export function judgeTree(tree: TimingTree, baseline: Baseline, now = tree.end): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  const add = (bar: Bar) => {
    const verdict = judgeBar(bar, baseline, now);
    if (verdict) out.set(bar.id, verdict);
  };
  for (const stage of tree.stages) {
    add({ id: stage.id, stage });
    for (const item of stage.items) add({ id: item.id, stage, item });
  }
  return out;
}

/**
 * The same verdicts, each worked out the first time it is asked for: a chart of thousands of rows
 * draws a few dozen, so its first frame judges those and not the whole tree.
 */
export function verdictsOnDemand(
  tree: TimingTree,
  baseline: Baseline,
  now = tree.end,
): (bar: Bar) => Verdict | undefined {
  const known = new Map<string, Verdict | null>();
  return (bar) => {
    let verdict = known.get(bar.id);
    if (verdict === undefined) known.set(bar.id, (verdict = judgeBar(bar, baseline, now) ?? null));
    return verdict ?? undefined;
  };
}

export interface SlowItem {
  item: TimingItem;
  verdict: Verdict;
  /** On the critical path: its excess lengthened the build. */
  critical: boolean;
}

/** Items past their p90, most excess first. */
export function slowerThanUsual(
  tree: TimingTree,
  verdicts: ReadonlyMap<string, Verdict>,
  path?: Pick<CriticalPath, "itemIds">,
): SlowItem[] {
  const out: SlowItem[] = [];
  for (const item of tree.items) {
    const verdict = verdicts.get(item.id);
    if (verdict?.slow) out.push({ item, verdict, critical: path?.itemIds.has(item.id) ?? false });
  }
  return out.sort((a, b) => b.verdict.excess - a.verdict.excess || a.item.start - b.item.start);
}

/** "+2m 10s vs usual" for a finished bar; "running 3m, usually 40s" for one still going. */
export function verdictLabel(v: Verdict): string {
  if (v.running) return `running ${formatDuration(v.duration)}, usually ${formatDuration(v.typical.median)}`;
  return `+${formatDuration(v.excess)} vs usual`;
}

const where = (item: TimingItem) => `\`${item.name}\` (${item.stage})`;

/** One sentence for the whole build against its usual duration, naming what made the difference. */
export function describeBaseline(tree: TimingTree, baseline: Baseline, slow: readonly SlowItem[]): string {
  const usual = baseline.total?.median;
  if (usual === undefined) return "No earlier build with timings to compare with.";
  const took = formatDuration(tree.duration);
  if (tree.running) {
    const over = tree.duration - usual;
    return over >= MIN_EXCESS_MS
      ? `This build has run ${took} so far, ${formatDuration(over)} more than a usual build (${formatDuration(usual)}).`
      : `This build has run ${took} so far; a usual build takes ${formatDuration(usual)}.`;
  }
  const delta = tree.duration - usual;
  if (delta <= -MIN_EXCESS_MS) return `This build took ${took}, ${formatDuration(-delta)} less than usual.`;
  if (delta < MIN_EXCESS_MS) return `This build took ${took}, about as long as usual (${formatDuration(usual)}).`;
  const head = `This build took ${took}, ${formatDuration(delta)} more than usual`;
  const critical = slow.find((s) => s.critical);
  if (critical)
    return `${head}; ${formatDuration(Math.min(critical.verdict.excess, delta))} of that is ${where(critical.item)} on the critical path.`;
  if (slow.length > 0)
    return `${head}; the slowest-than-usual item, ${where(slow[0].item)}, is off the critical path, so its ${formatDuration(slow[0].verdict.excess)} did not lengthen the build.`;
  return `${head}, spread over many items with none far past its usual time.`;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" });

/** Which builds the usual times come from, and what was left out: shown under the panel's title. */
export function describeBaselineSource(pick: BaselinePick, baseline: Baseline, transition: string): string {
  const kind = `successful ${transition} build`;
  if (pick.builds.length === 0) return `No earlier ${kind} to compare with.`;
  const times = pick.builds.map((b) => Date.parse(b.created_at));
  const from = dayFormat.format(Math.min(...times));
  const to = dayFormat.format(Math.max(...times));
  const span = from === to ? from : `${from} – ${to}`;
  const n = pick.builds.length;
  const text =
    pick.source === "workspace"
      ? `Median and p90 of the last ${n} ${kind}${n === 1 ? "" : "s"} of this workspace, ${span}.`
      : `This workspace has fewer than ${BASELINE_MIN} earlier ${kind}s, so the usual times come from ${n} builds of the template's workspaces (${pick.own} of this one), ${span}.`;
  if (baseline.skipped === 0) return text;
  return `${text} ${baseline.skipped} had no timings and ${baseline.skipped === 1 ? "was" : "were"} skipped.`;
}
