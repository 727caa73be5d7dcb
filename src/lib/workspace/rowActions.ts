// Which buttons a row offers, from its last known state. The server still decides (409 etc.).
import type { Workspace, WorkspaceStatus } from "../../api/types";

const TRANSITIONING: ReadonlySet<string> = new Set(["pending", "starting", "stopping", "deleting", "canceling"]);

/** A build is under way: the row's buttons wait for it. */
export function isTransitioning(status: WorkspaceStatus): boolean {
  return TRANSITIONING.has(status);
}

export type RowActionKind = "start" | "stop" | "update" | "retry" | "restart" | "delete" | "cancel";

export const ROW_ACTION_LABELS: Record<RowActionKind, string> = {
  start: "Start",
  stop: "Stop",
  update: "Update",
  retry: "Retry",
  restart: "Restart",
  delete: "Delete…",
  cancel: "Cancel build",
};

/** The one-click action: fix a failure, adopt a new version, else toggle running/stopped. */
export function primaryAction(ws: Workspace): RowActionKind | undefined {
  const status = ws.latest_build.status;
  if (status === "deleted" || isTransitioning(status)) return undefined;
  if (status === "failed") return "retry";
  if (ws.outdated) return "update";
  if (status === "running") return "stop";
  return "start";
}

/** The menu's actions (without the primary one); "Open build logs" is a link, added by the view. */
export function menuActions(ws: Workspace): RowActionKind[] {
  const status = ws.latest_build.status;
  if (status === "deleted") return [];
  const primary = primaryAction(ws);
  const actions: RowActionKind[] = [];
  if (isTransitioning(status)) {
    if (
      (status === "pending" || status === "starting" || status === "stopping") &&
      ws.template_allow_user_cancel_workspace_jobs
    ) {
      actions.push("cancel");
    }
    return actions;
  }
  if (status === "running") actions.push("stop", "restart");
  else actions.push("start");
  if (ws.outdated) actions.push("update");
  actions.push("delete");
  return actions.filter((a) => a !== primary);
}

/** What "Retry" re-runs: the transition that failed (a failed delete is retried as a delete). */
export function retryTransition(ws: Workspace): "start" | "stop" | "delete" {
  const t = ws.latest_build.transition;
  if (t === "stop") return "stop";
  if (t === "delete") return "delete";
  return "start";
}
