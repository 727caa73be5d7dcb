import type { ProvisionerJobStatus, WorkspaceStatus, WorkspaceTransition } from "../../api/types";

/**
 * Workspace status is never stored: Coder derives it from the latest build's job status and
 * transition (codersdk.ConvertWorkspaceStatus).
 */
export function deriveWorkspaceStatus(job: ProvisionerJobStatus, transition: WorkspaceTransition): WorkspaceStatus {
  switch (job) {
    case "pending":
      return "pending";
    case "running":
      return transition === "stop" ? "stopping" : transition === "delete" ? "deleting" : "starting";
    case "succeeded":
      return transition === "stop" ? "stopped" : transition === "delete" ? "deleted" : "running";
    case "canceling":
    case "canceled":
    case "failed":
      return job;
    default:
      return "failed";
  }
}
