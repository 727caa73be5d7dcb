import type { WorkspaceAgent } from "../../api/types";
import { parseTimingTime } from "./time";
import type { TimingItem } from "./types";

/**
 * Index of the first log line created at or after `t`, or -1. Log `stage` names are human
 * phases, not timing stages (docs/coder-api.md), so time is the only join between a bar and its lines.
 */
export function firstLogIndexAtOrAfter(logs: ReadonlyArray<{ created_at: string }>, t: number): number {
  for (let i = 0; i < logs.length; i++) {
    const at = parseTimingTime(logs[i].created_at);
    if (at !== undefined && at >= t) return i;
  }
  return -1;
}

export interface AgentLogTarget {
  agentId: string;
  sourceId: string;
  sourceName: string;
}

/**
 * The agent log source a script bar came from: its display name matched against the agent's
 * `scripts[].display_name` → `log_source_id` (docs/conventions.md), falling back to a log source of the same
 * name. The agent is found by id, else by name, else the only agent with such a script.
 */
export function agentLogTargetOf(item: TimingItem, agents: readonly WorkspaceAgent[]): AgentLogTarget | undefined {
  if (item.kind !== "script") return undefined;
  const candidates = agents.filter((a) =>
    item.agentId ? a.id === item.agentId : item.agentName ? a.name === item.agentName : true,
  );
  const pool = candidates.length ? candidates : agents;
  for (const agent of pool) {
    const script = (agent.scripts ?? []).find((s) => s.display_name === item.name);
    if (script) {
      const source = (agent.log_sources ?? []).find((l) => l.id === script.log_source_id);
      return {
        agentId: agent.id,
        sourceId: script.log_source_id,
        sourceName: source?.display_name ?? script.display_name,
      };
    }
    const source = (agent.log_sources ?? []).find((l) => l.display_name === item.name);
    if (source) return { agentId: agent.id, sourceId: source.id, sourceName: source.display_name };
  }
  return undefined;
}

/** The agent a connection bar belongs to, for opening that agent's whole log. */
export function agentOfItem(item: TimingItem, agents: readonly WorkspaceAgent[]): WorkspaceAgent | undefined {
  return agents.find(
    (a) => (item.agentId && a.id === item.agentId) || (!item.agentId && item.agentName && a.name === item.agentName),
  );
}
