// What the last batch did, for every row it acted on. The progress column only covers rows on
// screen, and a batch's own refetch can move rows away (a stopped workspace leaves the running
// ones at the top of the server's order), so the report names every failure and every row that is
// no longer shown, wherever it went.
import type { Workspace } from "../../../api/types";
import { summarizeBatch, type BatchAction, type RowProgress } from "./batch";

/** The last batch: its action and the rows it was given, as they were when it started. */
export interface BatchRun {
  action: BatchAction;
  targets: readonly Workspace[];
}

export interface BatchReportItem {
  id: string;
  name: string;
  owner: string;
  progress: RowProgress;
  /** False when the row is not on this page, so its progress column cannot show it. */
  shown: boolean;
}

export interface BatchReport {
  action: BatchAction;
  /** "2 stopped, 1 failed, 1 skipped", counting every row the batch acted on. */
  summary: string;
  failed: number;
  /** Failures first, then rows not on this page, each group in the order the batch took them. */
  items: BatchReportItem[];
}

export function batchReport(
  run: BatchRun | undefined,
  progress: ReadonlyMap<string, RowProgress>,
  shown: readonly Workspace[],
): BatchReport | undefined {
  if (run === undefined || progress.size === 0) return undefined;
  const shownIds = new Set(shown.map((ws) => ws.id));
  const failures: BatchReportItem[] = [];
  const elsewhere: BatchReportItem[] = [];
  for (const ws of run.targets) {
    const p = progress.get(ws.id);
    if (p === undefined) continue;
    const item = { id: ws.id, name: ws.name, owner: ws.owner_name, progress: p, shown: shownIds.has(ws.id) };
    if (p.state === "failed") failures.push(item);
    else if (!item.shown) elsewhere.push(item);
  }
  return {
    action: run.action,
    summary: summarizeBatch(run.action, progress),
    failed: failures.length,
    items: [...failures, ...elsewhere],
  };
}
