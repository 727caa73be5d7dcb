// Column sorting the API cannot do (docs/conventions.md, "Lists the API cannot sort"). The sort lives in the
// URL as `?sort=<key>:<asc|desc>`; favourites always come first, as in Coder's own list.
import type { Workspace } from "../../../api/types";
import { LOCALE } from "../../../lib/format";

export const SORT_KEYS = ["name", "status", "last_used", "last_build"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface WorkspaceSort {
  key: SortKey;
  direction: SortDirection;
}

/** The direction a column starts in when first clicked: times newest first, text A→Z. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  name: "asc",
  status: "asc",
  last_used: "desc",
  last_build: "desc",
};

/** `last_used:desc` → sort; anything unrecognised → undefined (server order). */
export function parseSort(param: string | null | undefined): WorkspaceSort | undefined {
  if (!param) return undefined;
  const [key, direction] = param.toLowerCase().split(":");
  if (!(SORT_KEYS as readonly string[]).includes(key)) return undefined;
  const k = key as SortKey;
  if (direction === undefined) return { key: k, direction: DEFAULT_DIRECTION[k] };
  if (direction !== "asc" && direction !== "desc") return undefined;
  return { key: k, direction };
}

export function formatSort(sort: WorkspaceSort): string {
  return `${sort.key}:${sort.direction}`;
}

/**
 * Ascending status order: what needs a look first (failed), then what is moving, then what is
 * up, then what is down. Unknown statuses (enums grow) sort last, never crash.
 */
const STATUS_RANK: Record<string, number> = {
  failed: 0,
  pending: 1,
  starting: 2,
  stopping: 3,
  canceling: 4,
  deleting: 5,
  running: 6,
  canceled: 7,
  stopped: 8,
  deleted: 9,
};

const rankOf = (status: string) => STATUS_RANK[status] ?? Object.keys(STATUS_RANK).length;
const time = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
};
const collator = new Intl.Collator(LOCALE, { sensitivity: "base", numeric: true });

type Compare = (a: Workspace, b: Workspace) => number;

const COMPARATORS: Record<SortKey, Compare> = {
  name: (a, b) => collator.compare(a.name, b.name),
  status: (a, b) => rankOf(a.latest_build.status) - rankOf(b.latest_build.status),
  last_used: (a, b) => time(a.last_used_at) - time(b.last_used_at),
  last_build: (a, b) => time(a.latest_build.created_at) - time(b.latest_build.created_at),
};

/** Ties break by owner/name ascending whatever the direction, so order is stable across polls. */
const byIdentity: Compare = (a, b) =>
  collator.compare(a.owner_name, b.owner_name) ||
  collator.compare(a.name, b.name) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function compareWorkspaces(sort: WorkspaceSort): Compare {
  const primary = COMPARATORS[sort.key];
  const sign = sort.direction === "asc" ? 1 : -1;
  return (a, b) => Number(b.favorite) - Number(a.favorite) || sign * primary(a, b) || byIdentity(a, b);
}

/** Sorted copy; with no sort, server order with favourites moved first (stable). */
export function sortWorkspaces(workspaces: readonly Workspace[], sort: WorkspaceSort | undefined): Workspace[] {
  if (!sort) return [...workspaces].sort((a, b) => Number(b.favorite) - Number(a.favorite));
  return [...workspaces].sort(compareWorkspaces(sort));
}
