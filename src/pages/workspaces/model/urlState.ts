// The list's URL (docs/conventions.md): `?filter=` (absent = `owner:me`, present-but-empty = all),
// `?page=N` (1-based), `?sort=key:dir`. Reading and writing live here so the page and its tests
// agree on defaults and on what resets what.
import { PAGE_SIZE, pageOffset, parsePage } from "./paging";
import { formatSort, parseSort, type WorkspaceSort } from "./sort";

export const DEFAULT_FILTER = "owner:me";

export interface ListUrlState {
  filter: string;
  page: number;
  sort: WorkspaceSort | undefined;
}

export function readListUrl(params: URLSearchParams): ListUrlState {
  const filter = params.get("filter");
  return {
    filter: filter === null ? DEFAULT_FILTER : filter,
    page: parsePage(params.get("page")),
    sort: parseSort(params.get("sort")),
  };
}

export type ListUrlChange = Partial<{ filter: string; page: number; sort: WorkspaceSort | null }>;

/**
 * New search params for a change. A new filter or sort starts again at page 1 (the old page number
 * means nothing in a different list); page 1 and "no sort" are left out of the URL. Other params
 * are kept.
 */
export function writeListUrl(current: URLSearchParams, change: ListUrlChange): URLSearchParams {
  const next = new URLSearchParams(current);
  if (change.filter !== undefined) {
    next.set("filter", change.filter.trim());
    next.delete("page");
  }
  if (change.sort !== undefined) {
    if (change.sort === null) next.delete("sort");
    else next.set("sort", formatSort(change.sort));
    next.delete("page");
  }
  if (change.page !== undefined) {
    if (change.page <= 1) next.delete("page");
    else next.set("page", String(change.page));
  }
  return next;
}

/** The API page for a URL page. */
export function apiPage(page: number): { limit: number; offset: number } {
  return { limit: PAGE_SIZE, offset: pageOffset(page) };
}
