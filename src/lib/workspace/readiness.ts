// "Running · agent starting (scripts 2/5)": the job of a start build succeeds, and the workspace
// reads `running`, before its agents connect and run their start scripts (docs/coder-api.md, Timings). The
// page must not call the workspace ready until they have.
import type { AgentScriptTiming, Workspace, WorkspaceAgent } from "../../api/types";
import { statusInfo, type StatusKind, type StatusMeaning } from "../status";
import { agentsOf } from "./agents";

export interface ScriptProgress {
  done: number;
  total: number;
}

/**
 * Start scripts finished so far. Coder reports a script's end through its timing (written when
 * the script exits); some servers also put a `status` on the script itself. Either counts.
 */
export function startScriptProgress(
  agent: WorkspaceAgent,
  scriptTimings: readonly AgentScriptTiming[] = [],
): ScriptProgress {
  const startScripts = agent.scripts.filter((s) => s.run_on_start);
  const total = startScripts.length;
  if (agent.lifecycle_state === "ready") return { done: total, total };
  const finished = new Set(
    scriptTimings.filter((t) => t.stage === "start" && t.workspace_agent_id === agent.id).map((t) => t.display_name),
  );
  const done = startScripts.filter((s) => s.status !== undefined || finished.has(s.display_name)).length;
  return { done, total };
}

/** Which entry of the status map stands for a state, so badges keep one colour and icon per meaning. */
export interface StatusRef {
  kind: StatusKind;
  value: string;
}

export interface AgentReadiness {
  /** Short words for the agent's state, e.g. "agent starting (scripts 2/5)". */
  text: string;
  meaning: StatusMeaning;
  /** Nothing more will change without a new build or a reconnect. */
  settled: boolean;
  status: StatusRef;
}

/** Order of concern: the agent furthest from ready speaks for the workspace. */
const RANK: Record<string, number> = { failure: 0, attention: 1, progress: 2, neutral: 3, ok: 4 };

export function agentReadiness(
  agent: WorkspaceAgent,
  scriptTimings?: readonly AgentScriptTiming[],
  named = false,
): AgentReadiness {
  const who = named ? `agent ${agent.name}` : "agent";
  const connection: StatusRef = { kind: "agentStatus", value: agent.status };
  const lifecycle = agent.lifecycle_state;
  const life: StatusRef = { kind: "agentLifecycle", value: lifecycle };
  if (agent.status === "timeout")
    return { text: `${who} timed out connecting`, meaning: "failure", settled: true, status: connection };
  if (agent.status === "disconnected")
    return { text: `${who} disconnected`, meaning: "attention", settled: true, status: connection };
  if (agent.status === "connecting" || lifecycle === "created")
    return {
      text: `${who} connecting`,
      meaning: "progress",
      settled: false,
      status: { kind: "agentStatus", value: "connecting" },
    };
  if (lifecycle === "starting") {
    const { done, total } = startScriptProgress(agent, scriptTimings);
    return {
      text: total > 0 ? `${who} starting (scripts ${done}/${total})` : `${who} starting`,
      meaning: "progress",
      settled: false,
      status: life,
    };
  }
  if (lifecycle === "ready") return { text: `${who} ready`, meaning: "ok", settled: true, status: life };
  const info = statusInfo("agentLifecycle", lifecycle);
  return {
    text: `${who} ${info.label.toLowerCase()}`,
    meaning: info.meaning,
    settled: info.meaning !== "progress",
    status: life,
  };
}

export interface WorkspaceReadiness {
  /** The header's status text, e.g. "Running · agent starting (scripts 2/5)" or "Stopped". */
  label: string;
  meaning: StatusMeaning;
  /** Running and every agent ready (or no agents at all). */
  ready: boolean;
  /** The state the badge's colour and icon come from: the workspace's, or the least ready agent's. */
  status: StatusRef;
}

export function workspaceReadiness(
  workspace: Workspace,
  scriptTimings?: readonly AgentScriptTiming[],
): WorkspaceReadiness {
  const build = workspace.latest_build;
  const status = statusInfo("workspace", build.status);
  const own: StatusRef = { kind: "workspace", value: build.status };
  if (build.status !== "running") return { label: status.label, meaning: status.meaning, ready: false, status: own };
  const agents = agentsOf(build);
  const states = agents.map((a) => agentReadiness(a, scriptTimings, agents.length > 1));
  const worst = states.filter((s) => s.meaning !== "ok").sort((a, b) => RANK[a.meaning] - RANK[b.meaning])[0];
  if (!worst) return { label: status.label, meaning: "ok", ready: true, status: own };
  return { label: `${status.label} · ${worst.text}`, meaning: worst.meaning, ready: false, status: worst.status };
}
