import type {
  AgentScriptTiming,
  ProvisionerJobLog,
  ProvisionerTiming,
  WorkspaceAgent,
  WorkspaceAgentLog,
} from "../../api/types";
import type { BuildContent, BuildRecord } from "../store/records";
import { agentLogBase, endScript } from "../store/agents";
import type { ContentGenerator, Store } from "../store/store";
import { createRng } from "../util/prng";
import { templateSpec } from "./catalog";
import { planBuild, type AgentPlan, type BuildPlan, type PlanPhase } from "./plan";
import { aiStatusSamples, buildResources, terraformState } from "./resources";

const iso = (ms: number) => new Date(ms).toISOString();

export function planFor(store: Store, build: BuildRecord): BuildPlan {
  const ws = store.workspaces.get(build.workspace_id)!;
  const template = store.templates.get(ws.template_id)!;
  return planBuild(createRng(build.seed).fork("plan"), {
    spec: templateSpec(template.name),
    transition: build.transition,
    outcome: build.outcome,
    slow: slowFactor(store, build),
    slowdown: build.slowdown,
  });
}

/** Regression injected into history: kubernetes builds of the last day are markedly slower. */
export function slowFactor(store: Store, build: BuildRecord): number {
  const ws = store.workspaces.get(build.workspace_id)!;
  const template = store.templates.get(ws.template_id)!;
  if (template.name !== "kubernetes") return 1;
  return store.now() - Date.parse(build.created_at) < 24 * 3600_000 ? 1.9 : 1;
}

interface Window {
  phase: PlanPhase;
  start: number;
  end: number;
}

function layout(phases: PlanPhase[], startMs: number, endMs: number | undefined): Window[] {
  const total = phases.reduce((s, p) => s + p.ms, 0);
  const scale = endMs !== undefined && total > 0 ? (endMs - startMs) / total : 1;
  let t = startMs;
  return phases.map((phase) => {
    const w = { phase, start: t, end: t + phase.ms * scale };
    t = w.end;
    return w;
  });
}

/** The phases up to the apply, which is cut at its middle (a provider that never answers). */
function stuckWindows(windows: Window[]): Window[] {
  const i = windows.findIndex((w) => w.phase.timingStage === "apply");
  if (i < 0) return windows;
  const apply = windows[i];
  const lines = apply.phase.lines.filter((l) => l.at < 0.5);
  return [...windows.slice(0, i), { ...apply, phase: { ...apply.phase, lines } }];
}

/** Provisioner log entries of laid-out phases. */
function phaseLogs(windows: Window[], base: number): ProvisionerJobLog[] {
  const logs: ProvisionerJobLog[] = [];
  for (const w of windows) {
    for (const l of w.phase.lines) {
      const at = w.start + l.at * (w.end - w.start);
      logs.push({
        id: base + logs.length + 1,
        created_at: iso(at),
        log_source: l.source,
        log_level: l.level,
        stage: w.phase.logStage,
        output: l.output,
      });
    }
  }
  return logs;
}

export function provisionerTimings(jobId: string, windows: Window[]): ProvisionerTiming[] {
  const out: ProvisionerTiming[] = [];
  for (const w of windows) {
    if (!w.phase.timingStage) continue;
    const d = w.end - w.start;
    for (const t of w.phase.timings) {
      out.push({
        job_id: jobId,
        started_at: iso(w.start + t.from * d),
        ended_at: iso(w.start + t.to * d),
        stage: t.stage,
        source: t.source,
        action: t.action,
        resource: t.resource,
      });
    }
  }
  return out;
}

export { layout as layoutPhases };

/** Agent activity of a finished start build, laid out after the job completed. */
function agentHistory(
  agent: WorkspaceAgent,
  plan: AgentPlan,
  completedMs: number,
  latest: boolean,
): { logs: WorkspaceAgentLog[]; scripts: AgentScriptTiming[]; connectEnd: number } {
  const connectEnd = completedMs + plan.connectMs;
  const base = agentLogBase(agent);
  const logs: WorkspaceAgentLog[] = [];
  const push = (at: number, level: string, output: string, source_id: string) =>
    logs.push({ id: base + logs.length + 1, created_at: iso(at), level, output, source_id });
  const agentSource = agent.log_sources[0].id;
  push(connectEnd, "info", `agent ${agent.version} started, connected to coderd`, agentSource);
  push(connectEnd + 5, "info", "running start scripts", agentSource);
  const scripts: AgentScriptTiming[] = [];
  let readyAt = connectEnd;
  const entries: Array<{ at: number; level: string; output: string; source: string }> = [];
  for (const s of plan.scripts) {
    const script = agent.scripts[s.index];
    const start = connectEnd + 10;
    const end = start + s.ms;
    readyAt = Math.max(readyAt, end);
    s.lines.forEach((l, i) =>
      entries.push({
        at: start + ((end - start) * (i + 1)) / (s.lines.length + 1),
        level: l.level,
        output: l.output,
        source: script.log_source_id,
      }),
    );
    scripts.push(endScript(agent, s, iso(start), iso(end)));
  }
  entries.sort((a, b) => a.at - b.at);
  for (const e of entries) push(e.at, e.level, e.output, e.source);
  Object.assign(agent, {
    status: latest ? "connected" : "disconnected",
    lifecycle_state: latest ? plan.lifecycle : "off",
    first_connected_at: iso(connectEnd),
    last_connected_at: iso(readyAt + 3600_000),
    disconnected_at: latest ? undefined : iso(readyAt + 3600_000),
    started_at: iso(connectEnd),
    ready_at: iso(readyAt),
    logs_length: logs.length,
    latency: latest
      ? { Frankfurt: { latency_ms: 24.6, preferred: true }, "New York City": { latency_ms: 88.1, preferred: false } }
      : undefined,
  });
  return { logs, scripts, connectEnd };
}

/** Many extra lines for the bench world's big logs, spread over the apply phase. */
function padLogs(logs: ProvisionerJobLog[], target: number, base: number, windows: Window[]): void {
  const apply = windows.find((w) => w.phase.timingStage === "apply") ?? windows[windows.length - 1];
  const missing = target - logs.length;
  if (missing <= 0) return;
  const extra: ProvisionerJobLog[] = [];
  for (let i = 0; i < missing; i++) {
    const at = apply.start + ((apply.end - apply.start) * i) / missing;
    extra.push({
      id: 0,
      created_at: iso(at),
      log_source: "provisioner",
      log_level: i % 97 === 0 ? "warn" : "info",
      stage: apply.phase.logStage,
      output: `docker_container.workspace[0] (local-exec): [${String(i + 1).padStart(6, "0")}] npm http fetch GET 200 https://registry.npmjs.org/pkg-${i % 1000} ${(i * 7) % 300}ms (cache hit)`,
    });
  }
  // Keep the apply phase's own lines last so "Apply complete!" closes the log.
  const idx = logs.findIndex((l) => l.stage === apply.phase.logStage);
  logs.splice(idx < 0 ? logs.length : idx + 1, 0, ...extra);
  logs.forEach((l, i) => (l.id = base + i + 1));
}

function padTimings(timings: ProvisionerTiming[], target: number, jobId: string, windows: Window[]): void {
  const apply = windows.find((w) => w.phase.timingStage === "apply");
  const plan = windows.find((w) => w.phase.timingStage === "plan");
  if (!apply || !plan) return;
  const missing = target - timings.length;
  for (let i = 0; i < missing; i++) {
    const w = i % 2 === 0 ? plan : apply;
    const d = w.end - w.start;
    const from = ((i * 37) % 1000) / 1100;
    timings.push({
      job_id: jobId,
      started_at: iso(w.start + from * d),
      ended_at: iso(w.start + Math.min(1, from + 0.02 + ((i * 13) % 100) / 1000) * d),
      stage: w.phase.timingStage!,
      source: "kubernetes",
      action: w === plan ? "state refresh" : "create",
      resource: `kubernetes_config_map.shard[${i}]`,
    });
  }
}

/** History is materialized on first read: same seed, same plan, same text. */
export const historyGenerator: ContentGenerator = {
  materialize(store: Store, build: BuildRecord): BuildContent {
    const ws = store.workspaces.get(build.workspace_id)!;
    const template = store.templates.get(ws.template_id)!;
    const spec = templateSpec(template.name);
    const job = store.jobOf(build);
    const plan = planFor(store, build);
    const rng = createRng(build.seed).fork("content");
    const base = job.ordinal * 1_000_000;
    const latest = store.latestBuild(ws.id).id === build.id;
    const content: BuildContent = {
      resources: [],
      logs: [],
      timings: { provisioner_timings: [], agent_script_timings: [], agent_connection_timings: [] },
      agentLogs: new Map(),
      state: terraformState(rng.fork("state"), spec, build.transition, build.build_number),
    };
    if (!job.started_at) return content;
    const started = Date.parse(job.started_at);
    const completed = job.completed_at ? Date.parse(job.completed_at) : undefined;
    const windows = layout(plan.phases, started, completed);
    // A job held in flight by the world is stuck half-way through its apply, whenever it is read.
    content.logs = completed === undefined ? phaseLogs(stuckWindows(windows), base) : phaseLogs(windows, base);
    if (build.bench?.logLines) padLogs(content.logs, build.bench.logLines, base, windows);
    if (job.status !== "succeeded" || completed === undefined) return content;
    content.timings.provisioner_timings = provisionerTimings(job.id, windows);
    if (build.bench?.timingItems)
      padTimings(content.timings.provisioner_timings, build.bench.timingItems, job.id, windows);
    const isAi = rng.chance(0.5);
    content.resources = buildResources(rng.fork("resources"), {
      spec,
      transition: build.transition,
      jobId: job.id,
      workspaceId: ws.id,
      createdAt: job.completed_at!,
      appHealth: build.outcome === "script_error" ? "unhealthy" : "healthy",
      appStatuses: isAi
        ? aiStatusSamples(rng.fork("ai"), rng.int(1, 4), Math.min(store.now(), completed + 6 * 3600_000))
        : [],
    });
    build.daily_cost = content.resources.reduce((s, r) => s + r.daily_cost, 0);
    const agent = content.resources[0]?.agents?.[0];
    if (agent && plan.agent) {
      const h = agentHistory(agent, plan.agent, completed, latest);
      content.agentLogs.set(agent.id, h.logs);
      content.timings.agent_script_timings = h.scripts;
      content.timings.agent_connection_timings = [
        {
          started_at: iso(completed),
          ended_at: iso(h.connectEnd),
          stage: "connect",
          workspace_agent_id: agent.id,
          workspace_agent_name: agent.name,
        },
      ];
    }
    return content;
  },
};
