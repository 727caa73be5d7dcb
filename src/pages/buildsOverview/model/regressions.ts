// Templates that got slower: p50 build duration (succeeded builds, provisioner run time, all
// transitions together) in the last 24 h at least 25 % above the 7 days before. Each comes with one
// workspace's pair of builds (the newest of each window, same transition) to open in the timings
// compare view, choosing the workspace whose pair shows the slowdown most clearly.
import { percentile } from "../../../lib/builds/percentiles";
import type { OverviewFilter } from "./filters";
import { succeededDuration } from "./health";
import type { OverviewBuild } from "./rows";

export const REGRESSION_RATIO = 1.25;
export const RECENT_MS = 24 * 3600_000;
export const BASELINE_MS = 7 * 24 * 3600_000;
/** Fewer builds than this in either window is noise, not a trend. */
export const MIN_SAMPLES = 3;

export interface ComparePair {
  ownerName: string;
  workspaceName: string;
  /** The slower, recent build. */
  after: number;
  /** The earlier build it is compared with. */
  before: number;
  afterMs: number;
  beforeMs: number;
}

export interface Regression {
  template: string;
  recentP50: number;
  baselineP50: number;
  /** recent ÷ baseline. */
  ratio: number;
  recentCount: number;
  baselineCount: number;
  example: ComparePair | undefined;
}

/** The filters that define which builds a regression is about (template, owner, transition); time and outcome are the rule's own. */
export function regressionScope(
  builds: readonly OverviewBuild[],
  filter: Pick<OverviewFilter, "template" | "owner" | "transition">,
): OverviewBuild[] {
  return builds.filter(
    (b) =>
      (filter.template === undefined || b.workspace.template_name === filter.template) &&
      (filter.owner === undefined || b.workspace.owner_name === filter.owner) &&
      (filter.transition === undefined || b.transition === filter.transition),
  );
}

interface Sample {
  build: OverviewBuild;
  ms: number;
  recent: boolean;
}

export function findRegressions(builds: readonly OverviewBuild[], now: number): Regression[] {
  const byTemplate = new Map<string, Sample[]>();
  for (const build of builds) {
    const age = now - build.createdMs;
    if (age >= RECENT_MS + BASELINE_MS) continue;
    const ms = succeededDuration(build);
    if (ms === undefined) continue;
    const list = byTemplate.get(build.workspace.template_name) ?? [];
    list.push({ build, ms, recent: age < RECENT_MS });
    byTemplate.set(build.workspace.template_name, list);
  }
  const out: Regression[] = [];
  for (const [template, samples] of byTemplate) {
    const recent = samples.filter((s) => s.recent).map((s) => s.ms);
    const baseline = samples.filter((s) => !s.recent).map((s) => s.ms);
    if (recent.length < MIN_SAMPLES || baseline.length < MIN_SAMPLES) continue;
    const recentP50 = percentile(recent, 50)!;
    const baselineP50 = percentile(baseline, 50)!;
    if (baselineP50 <= 0 || recentP50 < REGRESSION_RATIO * baselineP50) continue;
    out.push({
      template,
      recentP50,
      baselineP50,
      ratio: recentP50 / baselineP50,
      recentCount: recent.length,
      baselineCount: baseline.length,
      example: comparePair(samples),
    });
  }
  return out.sort((a, b) => b.ratio - a.ratio || a.template.localeCompare(b.template));
}

function comparePair(samples: readonly Sample[]): ComparePair | undefined {
  const byWorkspace = new Map<string, Sample[]>();
  for (const s of samples) {
    const list = byWorkspace.get(s.build.workspace.id) ?? [];
    list.push(s);
    byWorkspace.set(s.build.workspace.id, list);
  }
  let best: ComparePair | undefined;
  for (const list of byWorkspace.values()) {
    const newestFirst = [...list].sort((a, b) => b.build.build_number - a.build.build_number);
    const after = newestFirst.find((s) => s.recent);
    const before = after && newestFirst.find((s) => !s.recent && s.build.transition === after.build.transition);
    if (!after || !before || before.ms <= 0) continue;
    const pair: ComparePair = {
      ownerName: after.build.workspace.owner_name,
      workspaceName: after.build.workspace.name,
      after: after.build.build_number,
      before: before.build.build_number,
      afterMs: after.ms,
      beforeMs: before.ms,
    };
    if (!best || isBetter(pair, best)) best = pair;
  }
  return best;
}

function isBetter(a: ComparePair, b: ComparePair): boolean {
  const ra = a.afterMs / a.beforeMs;
  const rb = b.afterMs / b.beforeMs;
  if (ra !== rb) return ra > rb;
  return `${a.ownerName}/${a.workspaceName}` < `${b.ownerName}/${b.workspaceName}`;
}
