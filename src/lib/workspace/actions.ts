// Which actions the workspace page offers for the workspace's current state. The server decides
// in the end (409/403 still happen); this keeps buttons from being offered when they cannot work.
import type { Workspace } from "../../api/types";

export type WorkspaceAction =
  "start" | "stop" | "restart" | "update" | "cancel" | "delete" | "buildWithParameters" | "activate";

export interface ActionOptions {
  /** Those who may update templates (lib/permissions) may cancel jobs even when the template does not let users. */
  mayUpdateTemplates: boolean;
}

/** Job states a cancel can still stop (a canceling job is already on its way). */
const CANCELABLE_JOB = new Set(["pending", "running"]);

export function canCancel(
  workspace: Pick<Workspace, "latest_build" | "template_allow_user_cancel_workspace_jobs">,
  { mayUpdateTemplates }: ActionOptions,
): boolean {
  return (
    CANCELABLE_JOB.has(workspace.latest_build.job.status) &&
    (workspace.template_allow_user_cancel_workspace_jobs || mayUpdateTemplates)
  );
}

/**
 * Actions valid for the workspace, in display order. Build-creating actions only appear when no job
 * is active, because the server answers 409 while one is.
 */
export function workspaceActions(workspace: Workspace, options: ActionOptions): WorkspaceAction[] {
  const status = workspace.latest_build.status;
  const cancel: WorkspaceAction[] = canCancel(workspace, options) ? ["cancel"] : [];
  if (status === "deleted") return [];
  if (workspace.dormant_at) return ["activate", "delete"];
  // An outdated workspace whose template requires the active version can only start on it.
  const mustUpdate = workspace.outdated && workspace.template_require_active_version;
  const update: WorkspaceAction[] = workspace.outdated ? ["update"] : [];
  switch (status) {
    case "pending":
    case "starting":
    case "stopping":
    case "deleting":
      return cancel;
    case "canceling":
      return [];
    case "running":
      return ["stop", ...(mustUpdate ? [] : (["restart"] as const)), ...update, "buildWithParameters", "delete"];
    case "stopped":
      return [...(mustUpdate ? [] : (["start"] as const)), ...update, "buildWithParameters", "delete"];
    case "failed":
    case "canceled":
      return [...(mustUpdate ? [] : (["start"] as const)), "stop", ...update, "buildWithParameters", "delete"];
    default:
      // A state added upstream: only what cannot make things worse, and only once no job is active.
      return CANCELABLE_JOB.has(workspace.latest_build.job.status) ? cancel : ["delete"];
  }
}

export const ACTION_LABELS: Record<WorkspaceAction, string> = {
  start: "Start",
  stop: "Stop",
  restart: "Restart",
  update: "Update",
  cancel: "Cancel build",
  delete: "Delete…",
  buildWithParameters: "Build with parameters…",
  activate: "Activate",
};
