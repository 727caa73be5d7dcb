import type { WorkspaceAgent } from "../../api/types";
import { endScript } from "../store/agents";
import type { BuildRecord } from "../store/records";
import type { Store } from "../store/store";
import type { Rng } from "../util/prng";
import type { AgentPlan } from "../world/plan";
import { MIN_STATE_MS, type SimClock } from "./clock";

const BATCH_MS = 60;

/**
 * What happens after a start job succeeds: the agent connects (connect timing), its lifecycle
 * goes starting → ready | start_error | start_timeout while start scripts run concurrently,
 * each streaming logs under its own log source and ending with a script timing.
 */
export async function runAgent(
  store: Store,
  clock: SimClock,
  rng: Rng,
  build: BuildRecord,
  agent: WorkspaceAgent,
  plan: AgentPlan,
): Promise<void> {
  const connectStart = store.now();
  if (!(await clock.wait(clock.scale(plan.connectMs, MIN_STATE_MS)))) return;
  if (!stillLatest(store, build)) return;
  const connected = store.iso();
  store.updateAgent(agent.id, {
    status: "connected",
    first_connected_at: connected,
    last_connected_at: connected,
    lifecycle_state: "starting",
    started_at: connected,
  });
  store.addAgentTimings(build.id, {
    connection: {
      started_at: store.iso(connectStart),
      ended_at: connected,
      stage: "connect",
      workspace_agent_id: agent.id,
      workspace_agent_name: agent.name,
    },
  });
  const agentSource = agent.log_sources[0].id;
  store.appendAgentLogs(agent.id, [
    { level: "info", output: `agent ${agent.version} started, connected to coderd`, source_id: agentSource },
    { level: "info", output: "running start scripts", source_id: agentSource },
  ]);
  const startedAt = store.now();
  await Promise.all(plan.scripts.map((s) => runScript(store, clock, build, agent, s)));
  if (clock.isStopped || !stillLatest(store, build)) return;
  const elapsed = store.now() - startedAt;
  if (elapsed < MIN_STATE_MS && !(await clock.wait(MIN_STATE_MS - elapsed))) return;
  store.updateAgent(agent.id, { lifecycle_state: plan.lifecycle, ready_at: store.iso() });
  store.appendAgentLogs(agent.id, [
    plan.lifecycle === "ready"
      ? { level: "info", output: "start scripts completed, agent is ready", source_id: agentSource }
      : { level: "error", output: `start scripts failed (${plan.lifecycle})`, source_id: agentSource },
  ]);
  const codeServer = agent.apps.find((a) => a.slug === "code-server");
  if (codeServer) store.setAppHealth(agent.id, codeServer.id, plan.lifecycle === "ready" ? "healthy" : "unhealthy");
  const ai = agent.apps.find((a) => a.slug === "claude-code");
  if (ai && plan.lifecycle === "ready" && rng.chance(0.5)) {
    store.addAppStatus(agent.id, {
      id: store.mintId(),
      created_at: store.iso(),
      workspace_id: build.workspace_id,
      agent_id: agent.id,
      app_id: ai.id,
      state: "working",
      message: "Reading the repository and planning the change",
      uri: "",
      icon: "",
      needs_user_attention: false,
    });
  }
}

async function runScript(
  store: Store,
  clock: SimClock,
  build: BuildRecord,
  agent: WorkspaceAgent,
  s: AgentPlan["scripts"][number],
): Promise<void> {
  const script = agent.scripts[s.index];
  const start = store.now();
  const total = clock.scale(s.ms, MIN_STATE_MS);
  const step = Math.max(BATCH_MS, total / Math.max(1, s.lines.length));
  let i = 0;
  while (i < s.lines.length) {
    if (!(await clock.wait(step))) return;
    if (!stillLatest(store, build)) return;
    const batch = s.lines.slice(i, i + Math.max(1, Math.ceil(BATCH_MS / step)));
    i += batch.length;
    store.appendAgentLogs(
      agent.id,
      batch.map((l) => ({ level: l.level, output: l.output, source_id: script.log_source_id })),
    );
  }
  const rest = total - (store.now() - start);
  if (rest > 0 && !(await clock.wait(rest))) return;
  store.addAgentTimings(build.id, { script: endScript(agent, s, store.iso(start), store.iso()) });
}

function stillLatest(store: Store, build: BuildRecord): boolean {
  return store.latestBuild(build.workspace_id).id === build.id;
}
