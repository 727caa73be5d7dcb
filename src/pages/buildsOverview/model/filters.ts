// The overview's filters, kept in the URL (docs/conventions.md: `?status=&template=&owner=&transition=
// &error_code=&range=1h|24h|7d`) so a filtered view can be shared. They narrow the table and the
// charts alike, over the builds fetched for the window.
import { isActiveJob } from "../../../api/jobStatus";
import type { OverviewBuild } from "./rows";

export const RANGES = ["1h", "24h", "7d"] as const;
export type RangeId = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangeId = "24h";

export const RANGE_MS: Record<RangeId, number> = { "1h": 3600_000, "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000 };
export const RANGE_LABELS: Record<RangeId, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days" };

export interface OverviewFilter {
  range: RangeId;
  /** Job status (`failed`, `succeeded`, …; newer values match as text), or `active` for any job in flight. */
  status: string | undefined;
  /** Template name. */
  template: string | undefined;
  /** Owner username. */
  owner: string | undefined;
  transition: string | undefined;
  errorCode: string | undefined;
}

export type FilterKey = Exclude<keyof OverviewFilter, "range">;

export const FILTER_PARAMS: Record<keyof OverviewFilter, string> = {
  range: "range",
  status: "status",
  template: "template",
  owner: "owner",
  transition: "transition",
  errorCode: "error_code",
};

export const FILTER_KEYS: readonly FilterKey[] = ["status", "template", "owner", "transition", "errorCode"];

const nonEmpty = (value: string | null) => (value ? value : undefined);

export function readOverviewFilter(params: URLSearchParams): OverviewFilter {
  const range = params.get(FILTER_PARAMS.range);
  return {
    // A hand-edited range falls back to the default rather than showing nothing.
    range: (RANGES as readonly string[]).includes(range ?? "") ? (range as RangeId) : DEFAULT_RANGE,
    status: nonEmpty(params.get(FILTER_PARAMS.status)),
    template: nonEmpty(params.get(FILTER_PARAMS.template)),
    owner: nonEmpty(params.get(FILTER_PARAMS.owner)),
    transition: nonEmpty(params.get(FILTER_PARAMS.transition)),
    errorCode: nonEmpty(params.get(FILTER_PARAMS.errorCode)),
  };
}

/** A copy of `params` with `patch` applied; other parameters are kept, the default range is left out. */
export function writeOverviewFilter(params: URLSearchParams, patch: Partial<OverviewFilter>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch) as Array<[keyof OverviewFilter, string | undefined]>) {
    const name = FILTER_PARAMS[key];
    if (!value || (key === "range" && value === DEFAULT_RANGE)) next.delete(name);
    else next.set(name, value);
  }
  return next;
}

export function activeFilterCount(filter: OverviewFilter): number {
  return FILTER_KEYS.filter((k) => filter[k] !== undefined).length;
}

/** Status filter value for every job in flight (pending, running, canceling). */
export const ACTIVE_STATUS = "active";

function matchesStatus(status: string, wanted: string): boolean {
  return wanted === ACTIVE_STATUS ? isActiveJob(status) : status === wanted;
}

export function matchesOverviewFilter(build: OverviewBuild, filter: OverviewFilter, now: number): boolean {
  if (build.createdMs < now - RANGE_MS[filter.range]) return false;
  if (filter.status !== undefined && !matchesStatus(build.job.status, filter.status)) return false;
  if (filter.template !== undefined && build.workspace.template_name !== filter.template) return false;
  if (filter.owner !== undefined && build.workspace.owner_name !== filter.owner) return false;
  if (filter.transition !== undefined && build.transition !== filter.transition) return false;
  if (filter.errorCode !== undefined && build.errorCode !== filter.errorCode) return false;
  return true;
}

export function filterOverview(builds: readonly OverviewBuild[], filter: OverviewFilter, now: number): OverviewBuild[] {
  return builds.filter((b) => matchesOverviewFilter(b, filter, now));
}

export interface FilterOptions {
  status: string[];
  template: string[];
  owner: string[];
  transition: string[];
  errorCode: string[];
}

/** Values seen in the fetched builds for each filter menu; a selected value is always offered. */
export function filterOptions(builds: readonly OverviewBuild[], selected: OverviewFilter): FilterOptions {
  const sets: Record<FilterKey, Set<string>> = {
    status: new Set(),
    template: new Set(),
    owner: new Set(),
    transition: new Set(),
    errorCode: new Set(),
  };
  for (const b of builds) {
    sets.status.add(b.job.status);
    sets.template.add(b.workspace.template_name);
    sets.owner.add(b.workspace.owner_name);
    sets.transition.add(b.transition);
    if (b.errorCode) sets.errorCode.add(b.errorCode);
  }
  const out = {} as FilterOptions;
  for (const key of FILTER_KEYS) {
    const value = selected[key];
    if (value) sets[key].add(value);
    out[key] = [...sets[key]].sort((a, b) => a.localeCompare(b));
  }
  return out;
}
