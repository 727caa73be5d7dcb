// `?page=N` is 1-based (docs/conventions.md), 25 rows a page.
import { formatCount } from "../../../lib/format";
export const PAGE_SIZE = 25;

/** A page number from the URL: anything not a positive integer is page 1. */
export function parsePage(param: string | null | undefined): number {
  if (!param || !/^\d+$/.test(param)) return 1;
  const n = Number(param);
  return n >= 1 ? n : 1;
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** Offset of a page's first row for the API's `offset`. */
export function pageOffset(page: number, pageSize = PAGE_SIZE): number {
  return (Math.max(1, page) - 1) * pageSize;
}

export function slicePage<T>(items: readonly T[], page: number, pageSize = PAGE_SIZE): T[] {
  const from = pageOffset(page, pageSize);
  return items.slice(from, from + pageSize);
}

/** "Showing 26–50 of 213"; a page past the end (rows deleted meanwhile) says so rather than lie. */
export function showingLabel(page: number, total: number, rowsOnPage: number, pageSize = PAGE_SIZE): string {
  if (total === 0 || rowsOnPage === 0) return `Showing 0 of ${formatCount(total)}`;
  const from = pageOffset(page, pageSize) + 1;
  const to = from + rowsOnPage - 1;
  return `Showing ${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`;
}
