import type { BuildRecord, JobRecord } from "../store/records";
import type { Store } from "../store/store";
import { createRng } from "../util/prng";
import { templateSpec } from "../world/catalog";
import { planFor, provisionerTimings } from "../world/materialize";
import type { PlanPhase } from "../world/plan";
import { buildResources, terraformState } from "../world/resources";
import { runAgent } from "./agent";
import { MIN_STATE_MS, type SimClock } from "./clock";

const BATCH_MS = 50;
const MIN_PHASE_MS = 60;

type Ended = "done" | "canceled" | "stopped";

/**
 * Plays one workspace-build job on a provisioner: the plan's phases with their logs in real
 * time, then the terminal state (timings and resources only on success), then the agent.
 */
export async function runJob(store: Store, clock: SimClock, job: JobRecord, build: BuildRecord): Promise<void> {
  const ws = store.workspaces.get(build.workspace_id)!;
  const spec = templateSpec(store.templates.get(ws.template_id)!.name);
  const plan = planFor(store, build);
  const windows: Array<{ phase: PlanPhase; start: number; end: number }> = [];
  const previous = store.buildsOf(ws.id).find((b) => b.build_number === build.build_number - 1);
  if (build.transition !== "start" && previous) shutDownAgents(store, previous, "shutting_down");

  const runningMs = plan.phases.reduce((s, p) => s + clock.scale(p.ms, MIN_PHASE_MS), 0);
  const pad = Math.max(0, MIN_STATE_MS - runningMs);
  let ended: Ended = "done";
  for (let i = 0; i < plan.phases.length && ended === "done"; i++) {
    const phase = plan.phases[i];
    const wall = clock.scale(phase.ms, MIN_PHASE_MS) + (i === plan.phases.length - 1 ? pad : 0);
    const start = store.now();
    ended = await playPhase(store, clock, job, phase, wall);
    windows.push({ phase, start, end: store.now() });
  }
  if (ended === "stopped") return;
  if (ended === "canceled") {
    store.appendJobLogs(job.id, [
      {
        log_source: "provisioner_daemon",
        log_level: "warn",
        stage: windows[windows.length - 1].phase.logStage,
        output: "Job canceled by user.",
      },
    ]);
    // Canceling is a state of its own that a user must be able to see.
    if (!(await clock.wait(MIN_STATE_MS))) return;
    store.acknowledgeCancel(job.id);
    if (previous && build.transition !== "start") shutDownAgents(store, previous, "ready");
    return;
  }
  if (plan.failure) {
    store.finishJob(job.id, { status: "failed", error: plan.failure.error, error_code: plan.failure.error_code });
    return;
  }
  const rng = createRng(build.seed).fork("content");
  const resources = buildResources(rng.fork("resources"), {
    spec,
    transition: build.transition,
    jobId: job.id,
    workspaceId: ws.id,
    createdAt: store.iso(),
    appHealth: "initializing",
    appStatuses: [],
  });
  store.finishJob(job.id, {
    status: "succeeded",
    resources,
    timings: provisionerTimings(job.id, windows),
    state: terraformState(rng.fork("state"), spec, build.transition, build.build_number),
  });
  if (previous && build.transition !== "start") shutDownAgents(store, previous, "off");
  // The provisioner is free now; the agent comes up on its own.
  const agent = resources[0]?.agents?.[0];
  if (agent && plan.agent)
    void runAgent(store, clock, rng.fork("agent"), build, agent, plan.agent).catch((err) =>
      console.error("[sim] agent failed unexpectedly:", err),
    );
}

/** Emits a phase's lines at their positions, in small batches; notices cancellation. */
async function playPhase(
  store: Store,
  clock: SimClock,
  job: JobRecord,
  phase: PlanPhase,
  wallMs: number,
): Promise<Ended> {
  const lines = [...phase.lines].sort((a, b) => a.at - b.at);
  const start = store.now();
  let i = 0;
  for (;;) {
    const elapsed = store.now() - start;
    const due: typeof lines = [];
    while (i < lines.length && lines[i].at * wallMs <= elapsed) due.push(lines[i++]);
    if (due.length > 0) {
      store.appendJobLogs(
        job.id,
        due.map((l) => ({ log_source: l.source, log_level: l.level, stage: phase.logStage, output: l.output })),
      );
    }
    if (job.status === "canceling") return "canceled";
    if (elapsed >= wallMs && i >= lines.length) return "done";
    if (!(await clock.wait(Math.min(BATCH_MS, Math.max(1, wallMs - elapsed))))) return "stopped";
  }
}

/** The previous build's agents wind down while a stop/delete runs, and are off after it. */
function shutDownAgents(store: Store, build: BuildRecord, lifecycle: "shutting_down" | "off" | "ready"): void {
  for (const r of store.content(build).resources) {
    for (const a of r.agents ?? []) {
      if (a.status !== "connected" && lifecycle !== "off") continue;
      if (lifecycle === "off")
        store.updateAgent(a.id, { lifecycle_state: "off", status: "disconnected", disconnected_at: store.iso() });
      else store.updateAgent(a.id, { lifecycle_state: lifecycle });
    }
  }
}
