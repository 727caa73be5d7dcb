import type {
  AgentConnectionTiming,
  ScriptStatus,
  AgentScriptTiming,
  WorkspaceAgent,
  WorkspaceAgentLog,
  WorkspaceAppStatus,
} from "../../api/types";
import type { BuildRecord } from "./records";
import type { StoreContext } from "./tables";

/** Agent log ids are unique across agents: a per-agent base derived from its id. */
export function agentLogBase(agent: WorkspaceAgent): number {
  return (parseInt(agent.id.slice(0, 7), 16) % 9_000_000) * 1_000_000;
}

/**
 * Marks the agent's start script `run.index` ended with `run`'s status and exit code, and returns
 * its timing row (live runs and generated history end scripts the same way).
 */
export function endScript(
  agent: WorkspaceAgent,
  run: { index: number; status: ScriptStatus; exitCode: number },
  started_at: string,
  ended_at: string,
): AgentScriptTiming {
  const script = agent.scripts[run.index];
  script.status = run.status;
  script.exit_code = run.exitCode;
  return {
    started_at,
    ended_at,
    exit_code: run.exitCode,
    stage: "start",
    status: run.status,
    display_name: script.display_name,
    workspace_agent_id: agent.id,
    workspace_agent_name: agent.name,
  };
}

/** Workspace agents as the simulation drives them: lifecycle, logs, script timings, app health. */
export class Agents {
  constructor(private readonly ctx: StoreContext) {}

  /** The agent and the build whose resources hold it. */
  find(agentId: string): { agent: WorkspaceAgent; build: BuildRecord } | undefined {
    const { tables } = this.ctx;
    const buildId = tables.agentBuild.get(agentId);
    const build = buildId ? tables.builds.get(buildId) : undefined;
    if (!build) return undefined;
    for (const r of this.ctx.content(build).resources)
      for (const a of r.agents ?? []) if (a.id === agentId) return { agent: a, build };
    return undefined;
  }

  isInLatestBuild(agentId: string): boolean {
    const found = this.find(agentId);
    if (!found) return false;
    return this.ctx.tables.latestBuild(found.build.workspace_id).id === found.build.id;
  }

  update(agentId: string, patch: Partial<WorkspaceAgent>): void {
    const found = this.find(agentId);
    if (!found) return;
    Object.assign(found.agent, patch, { updated_at: this.ctx.iso() });
    this.ctx.touchWorkspace(found.build.workspace_id);
  }

  appendLogs(agentId: string, lines: Array<Omit<WorkspaceAgentLog, "id" | "created_at">>): void {
    const found = this.find(agentId);
    if (!found) return;
    const content = this.ctx.content(found.build);
    let logs = content.agentLogs.get(agentId);
    if (!logs) {
      logs = [];
      content.agentLogs.set(agentId, logs);
    }
    const created_at = this.ctx.iso();
    const base = agentLogBase(found.agent);
    const added = lines.map((l, i) => ({ id: base + logs.length + i + 1, created_at, ...l }));
    logs.push(...added);
    found.agent.logs_length = logs.length;
    this.ctx.emit({ kind: "agent-logs", agentId, logs: added });
    // Log batches change logs_length, which watchers see as a data event like upstream.
    this.ctx.touchWorkspace(found.build.workspace_id);
  }

  addTimings(buildId: string, t: { script?: AgentScriptTiming; connection?: AgentConnectionTiming }): void {
    const build = this.ctx.tables.builds.get(buildId);
    if (!build) return;
    const timings = this.ctx.content(build).timings;
    if (t.script) timings.agent_script_timings.push(t.script);
    if (t.connection) timings.agent_connection_timings.push(t.connection);
    this.ctx.touchWorkspace(build.workspace_id);
  }

  addAppStatus(agentId: string, status: WorkspaceAppStatus): void {
    const found = this.find(agentId);
    const app = found?.agent.apps.find((a) => a.id === status.app_id);
    if (!found || !app) return;
    app.statuses.unshift(status);
    this.ctx.touchWorkspace(found.build.workspace_id);
  }

  setAppHealth(agentId: string, appId: string, health: string): void {
    const found = this.find(agentId);
    const app = found?.agent.apps.find((a) => a.id === appId);
    if (!found || !app || app.health === health) return;
    app.health = health;
    this.ctx.touchWorkspace(found.build.workspace_id);
  }
}
