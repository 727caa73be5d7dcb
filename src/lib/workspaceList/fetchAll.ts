// SPEC §7: when a filter matches ≤ 1,000 workspaces, fetch them all (pages of 100, ≤ 4 in flight)
// and sort + page client-side; above that, sort only the current page and say so.
import type { Workspace, WorkspacesResponse } from "../../api/types";

export const FETCH_ALL_LIMIT = 1000;
export const FETCH_ALL_PAGE = 100;
export const FETCH_ALL_CONCURRENCY = 4;

export type FetchPage = (offset: number, limit: number, signal?: AbortSignal) => Promise<WorkspacesResponse>;

export type FetchAllResult =
  | { complete: true; workspaces: Workspace[]; count: number }
  /** Too many matches: nothing beyond the first page was fetched. */
  | { complete: false; count: number };

export interface FetchAllOptions {
  limit?: number;
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
}

/** Offsets still to fetch after the first page, given the count that page reported. */
export function remainingOffsets(count: number, pageSize: number): number[] {
  const offsets: number[] = [];
  for (let offset = pageSize; offset < count; offset += pageSize) offsets.push(offset);
  return offsets;
}

/** Runs `tasks` with at most `concurrency` in flight, results in task order. */
export async function mapLimited<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

export async function fetchAllMatches(fetchPage: FetchPage, options: FetchAllOptions = {}): Promise<FetchAllResult> {
  const limit = options.limit ?? FETCH_ALL_LIMIT;
  const pageSize = options.pageSize ?? FETCH_ALL_PAGE;
  const concurrency = options.concurrency ?? FETCH_ALL_CONCURRENCY;
  const first = await fetchPage(0, pageSize, options.signal);
  if (first.count > limit) return { complete: false, count: first.count };
  const rest = await mapLimited(remainingOffsets(first.count, pageSize), concurrency, (offset) =>
    fetchPage(offset, pageSize, options.signal),
  );
  // Pages are separate requests, so a workspace created or deleted meanwhile can shift rows
  // across a page boundary: keep each id once.
  const seen = new Set<string>();
  const workspaces: Workspace[] = [];
  for (const page of [first, ...rest]) {
    for (const ws of page.workspaces) {
      if (seen.has(ws.id)) continue;
      seen.add(ws.id);
      workspaces.push(ws);
    }
  }
  return { complete: true, workspaces, count: workspaces.length };
}
