// Build-history filters. They live in the URL (`?transition=&status=&initiator=&failures=1`) and
// work on the builds fetched so far: Coder's builds endpoint cannot filter, so the page keeps
// fetching older pages until enough rows match or the history ends (docs/conventions.md).
import type { ProvisionerJob, WorkspaceBuild } from "../../api/types";
import { isActiveJob } from "../../api/jobStatus";

export const STATUS_FILTERS = ["succeeded", "failed", "canceled", "active"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface HistoryFilter {
  /** `start`, `stop`, `delete` (or any newer transition, matched as text). */
  transition: string | undefined;
  status: StatusFilter | undefined;
  /** Initiator username. */
  initiator: string | undefined;
  /** Only builds whose job failed. */
  onlyFailures: boolean;
}

export const NO_FILTER: HistoryFilter = {
  transition: undefined,
  status: undefined,
  initiator: undefined,
  onlyFailures: false,
};

const PARAM = { transition: "transition", status: "status", initiator: "initiator", onlyFailures: "failures" } as const;

const nonEmpty = (value: string | null) => (value ? value : undefined);

export function readHistoryFilter(params: URLSearchParams): HistoryFilter {
  const status = params.get(PARAM.status);
  return {
    transition: nonEmpty(params.get(PARAM.transition)),
    // An unknown status in a hand-edited URL filters nothing rather than hiding everything.
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : undefined,
    initiator: nonEmpty(params.get(PARAM.initiator)),
    onlyFailures: params.get(PARAM.onlyFailures) === "1",
  };
}

/** A copy of `params` carrying `filter`; other parameters are kept, defaults are left out. */
export function writeHistoryFilter(params: URLSearchParams, filter: HistoryFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
  set(PARAM.transition, filter.transition);
  set(PARAM.status, filter.status);
  set(PARAM.initiator, filter.initiator);
  set(PARAM.onlyFailures, filter.onlyFailures ? "1" : undefined);
  return next;
}

export function isFiltering(filter: HistoryFilter): boolean {
  return (
    filter.transition !== undefined ||
    filter.status !== undefined ||
    filter.initiator !== undefined ||
    filter.onlyFailures
  );
}

function matchesStatus(status: string, filter: StatusFilter): boolean {
  return filter === "active" ? isActiveJob(status) : status === filter;
}

/** The fields a filter looks at. */
export type FilterableBuild = Pick<WorkspaceBuild, "transition" | "initiator_name"> & {
  job: Pick<ProvisionerJob, "status">;
};

export function matchesFilter(build: FilterableBuild, filter: HistoryFilter): boolean {
  if (filter.transition !== undefined && build.transition !== filter.transition) return false;
  if (filter.status !== undefined && !matchesStatus(build.job.status, filter.status)) return false;
  if (filter.initiator !== undefined && build.initiator_name !== filter.initiator) return false;
  if (filter.onlyFailures && build.job.status !== "failed") return false;
  return true;
}

export function filterBuilds<T extends FilterableBuild>(builds: readonly T[], filter: HistoryFilter): T[] {
  return isFiltering(filter) ? builds.filter((b) => matchesFilter(b, filter)) : builds.slice();
}

/** Initiators seen in the fetched builds (for the filter menu), by name; the selected one is always offered. */
export function initiatorsOf(builds: readonly Pick<WorkspaceBuild, "initiator_name">[], selected?: string): string[] {
  const names = new Set(builds.map((b) => b.initiator_name).filter(Boolean));
  if (selected) names.add(selected);
  return [...names].sort((a, b) => a.localeCompare(b));
}

export interface FetchMoreInput {
  /** Rows matching the filter among the fetched builds. */
  matched: number;
  /** Rows the view wants to show (grows as the user scrolls to the end). */
  wanted: number;
  hasMore: boolean;
  fetching: boolean;
}

/** Whether to ask for the next page now: only when the shown rows run short and more exist. */
export function shouldFetchMore({ matched, wanted, hasMore, fetching }: FetchMoreInput): boolean {
  return hasMore && !fetching && matched < wanted;
}
