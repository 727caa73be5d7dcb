// Which provisioner job states are still going and which are final, as Coder defines them
// (codersdk.ProvisionerJobStatus: pending, running and canceling are active). The one list, used by
// the client and the built-in server alike.
import type { ProvisionerJobStatus } from "./types";

export const ACTIVE_JOB_STATUSES = [
  "pending",
  "running",
  "canceling",
] as const satisfies readonly ProvisionerJobStatus[];
export const TERMINAL_JOB_STATUSES = [
  "succeeded",
  "failed",
  "canceled",
] as const satisfies readonly ProvisionerJobStatus[];

const ACTIVE: ReadonlySet<string> = new Set(ACTIVE_JOB_STATUSES);
const TERMINAL: ReadonlySet<string> = new Set(TERMINAL_JOB_STATUSES);

/** The job has not reached a final state: it blocks a new build (409) and can still be canceled. */
export function isActiveJob(status: ProvisionerJobStatus): boolean {
  return ACTIVE.has(status);
}

/** The job ended (succeeded, failed or canceled); an unknown newer state is neither active nor terminal. */
export function isTerminalJob(status: ProvisionerJobStatus): boolean {
  return TERMINAL.has(status);
}

/**
 * How far along its life a job is: queued, running, canceling, then ended. A build only moves
 * forward, so of two snapshots of one build the further one is the newer.
 */
export function jobProgress(status: ProvisionerJobStatus): number {
  if (isTerminalJob(status)) return ACTIVE_JOB_STATUSES.length;
  const index = ACTIVE_JOB_STATUSES.indexOf(status as (typeof ACTIVE_JOB_STATUSES)[number]);
  // An unknown state is somewhere in the middle of the job's life.
  return index < 0 ? 1 : index;
}
