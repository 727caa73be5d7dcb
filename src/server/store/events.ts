import type { ProvisionerJobLog, WorkspaceAgentLog } from "../../api/types";

/** What the store tells its subscribers (streams, simulation, persistence). */
export type StoreEvent =
  /** Anything a workspace's JSON could reflect changed (build, job, agent, app, template, settings). */
  | { kind: "workspace"; workspaceId: string }
  | { kind: "job-logs"; jobId: string; logs: ProvisionerJobLog[] }
  /** The job reached a terminal status; build-log followers close. */
  | { kind: "job-done"; jobId: string }
  | { kind: "agent-logs"; agentId: string; logs: WorkspaceAgentLog[] }
  /** A new job waits for a provisioner. */
  | { kind: "job-queued"; jobId: string }
  /** Someone asked to cancel a running job; the provisioner must acknowledge. */
  | { kind: "job-cancel-requested"; jobId: string }
  /** Sessions changed (login, logout): persistence only. */
  | { kind: "sessions" };

export type StoreListener = (event: StoreEvent) => void;
