// The "agent health" cell: one word for all agents of the latest build.
import type { Workspace, WorkspaceAgent } from "../../../api/types";

export type AgentHealth = "healthy" | "unhealthy" | "connecting";

const FAILED_LIFECYCLE: ReadonlySet<string> = new Set([
  "start_error",
  "start_timeout",
  "shutdown_error",
  "shutdown_timeout",
]);
const PENDING_LIFECYCLE: ReadonlySet<string> = new Set(["created", "starting"]);

export function workspaceAgents(ws: Workspace): WorkspaceAgent[] {
  return (ws.latest_build.resources ?? []).flatMap((r) => r.agents ?? []);
}

/**
 * Undefined when there is nothing to judge (workspace not running, or no agents). Unhealthy wins
 * over connecting: one broken agent is the thing to see.
 */
export function agentHealth(ws: Workspace): AgentHealth | undefined {
  if (ws.latest_build.status !== "running") return undefined;
  const agents = workspaceAgents(ws);
  if (agents.length === 0) return undefined;
  const unhealthy = agents.some(
    (a) =>
      a.status === "timeout" ||
      a.status === "disconnected" ||
      FAILED_LIFECYCLE.has(a.lifecycle_state) ||
      a.health?.healthy === false,
  );
  if (unhealthy || ws.health?.healthy === false) return "unhealthy";
  if (agents.some((a) => a.status === "connecting" || PENDING_LIFECYCLE.has(a.lifecycle_state))) return "connecting";
  return "healthy";
}
