// Batch actions over selected rows. Every row runs on its own: a 409/403/500 on one is recorded
// against that row and the others carry on (issue 6). Which rows an action applies to is decided
// from the status the table shows; the server still has the last word (a 409 for a build that
// became active meanwhile is reported, not hidden).
import type { Workspace } from "../../../api/types";
import { mapLimited } from "../../../api/mapLimited";
import { isTransitioning } from "./polling";

export const BATCH_ACTIONS = ["start", "stop", "update", "delete"] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

export const BATCH_LABELS: Record<BatchAction, string> = {
  start: "Start",
  stop: "Stop",
  update: "Update",
  delete: "Delete",
};

export type RowProgress =
  | { state: "queued" }
  | { state: "running" }
  | { state: "succeeded" }
  | { state: "failed"; message: string; status?: number }
  | { state: "skipped"; reason: string };

/** Why a row is left out of an action, or null when the action applies to it. */
export function skipReason(action: BatchAction, ws: Workspace): string | null {
  const status = ws.latest_build.status;
  if (status === "deleted") return "Deleted";
  if (isTransitioning(status)) return "A build is in progress";
  switch (action) {
    case "start":
      return status === "stopped" || status === "failed" || status === "canceled" ? null : "Already running";
    case "stop":
      return status === "running" || status === "failed" ? null : "Already stopped";
    case "update":
      return ws.outdated ? null : "Already up to date";
    case "delete":
      return null;
  }
}

export function eligibleRows(action: BatchAction, rows: readonly Workspace[]): Workspace[] {
  return rows.filter((ws) => skipReason(action, ws) === null);
}

/** An error's text and HTTP status, whatever threw it (ApiError carries `status`). */
export function describeFailure(error: unknown): { message: string; status?: number } {
  const status =
    typeof error === "object" && error !== null && "status" in error && typeof error.status === "number"
      ? error.status
      : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return status === undefined ? { message } : { message, status };
}

export interface BatchOptions {
  /** Requests in flight at once; the browser has few connections and the server queues anyway. */
  concurrency?: number;
}

/**
 * Runs `perform` for every row, reporting each row's progress through `onProgress` as it
 * changes. Never rejects: the result maps every row id to its final state.
 */
export async function runBatch(
  action: BatchAction,
  rows: readonly Workspace[],
  perform: (ws: Workspace) => Promise<unknown>,
  onProgress: (id: string, progress: RowProgress) => void,
  options: BatchOptions = {},
): Promise<Map<string, RowProgress>> {
  const results = new Map<string, RowProgress>();
  const report = (id: string, progress: RowProgress) => {
    results.set(id, progress);
    onProgress(id, progress);
  };
  const todo: Workspace[] = [];
  for (const ws of rows) {
    const reason = skipReason(action, ws);
    if (reason === null) {
      todo.push(ws);
      report(ws.id, { state: "queued" });
    } else {
      report(ws.id, { state: "skipped", reason });
    }
  }
  await mapLimited(todo, options.concurrency ?? 4, async (ws) => {
    report(ws.id, { state: "running" });
    try {
      await perform(ws);
      report(ws.id, { state: "succeeded" });
    } catch (error) {
      report(ws.id, { state: "failed", ...describeFailure(error) });
    }
  });
  return results;
}

/** One-line outcome: "2 stopped, 1 failed", with the rows still under way while it runs. */
export function summarizeBatch(action: BatchAction, results: ReadonlyMap<string, RowProgress>): string {
  let ok = 0;
  let failed = 0;
  let skipped = 0;
  let pending = 0;
  for (const r of results.values()) {
    if (r.state === "succeeded") ok++;
    else if (r.state === "failed") failed++;
    else if (r.state === "skipped") skipped++;
    else pending++;
  }
  const done: Record<BatchAction, string> = { start: "started", stop: "stopped", update: "updated", delete: "deleted" };
  const parts = [`${ok} ${done[action]}`];
  if (failed) parts.push(`${failed} failed`);
  if (skipped) parts.push(`${skipped} skipped`);
  if (pending) parts.push(`${pending} in progress`);
  return parts.join(", ");
}
