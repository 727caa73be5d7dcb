import type { ProvisionerJobLog, WorkspaceAgent, WorkspaceBuild, WorkspaceBuildTimings } from "../../api/types";
import { timingStageOfLogStage, type ProvisionerStageId } from "./stages";
import { parseTimingTime } from "./time";
import { connectionDraft, provisionerDraft, scriptDraft, treeFromDrafts } from "./tree";
import type { ItemDraft, TimingTree } from "./types";
import { agentsOf } from "../workspace/agents";
import { isActiveJob } from "../../api/jobStatus";

/** Agent lifecycle states after which nothing more will arrive for a start build. */
const AGENT_SETTLED = new Set([
  "ready",
  "start_error",
  "start_timeout",
  "shutting_down",
  "shutdown_timeout",
  "shutdown_error",
  "off",
]);

export interface LiveTimingsInput {
  build: WorkspaceBuild;
  /** Whatever the timings endpoint returned so far (none while the job runs, on real Coder). */
  timings?: Partial<WorkspaceBuildTimings> | null;
  /** The build's provisioner log so far, in id order. */
  logs?: readonly ProvisionerJobLog[];
  now: number;
}

export type LivePhase = "queued" | "provisioning" | "agents" | "done";

export interface LiveTimings {
  tree: TimingTree;
  phase: LivePhase;
  /** Something is still expected to change: keep the now-line moving and refetch on watch events. */
  live: boolean;
}

export { agentsOf };

/** Where a build is in its life, as far as its timings go (docs/coder-api.md, Timings: job first, then agents). */
export function livePhase(build: WorkspaceBuild): LivePhase {
  const job = build.job;
  if (job.status === "pending") return "queued";
  if (isActiveJob(job.status)) return "provisioning";
  if (job.status === "succeeded" && build.transition === "start" && agentsOf(build).some((a) => !agentSettled(a)))
    return "agents";
  return "done";
}

export function agentSettled(agent: WorkspaceAgent): boolean {
  return AGENT_SETTLED.has(agent.lifecycle_state) || agent.status === "timeout";
}

/**
 * The tree to draw for a build that may still be running. Real timings are used wherever they
 * exist; where they do not yet (provisioner timings are written only when the job completes, and
 * never for a failed one, docs/conventions.md), provisional bars are drawn from the log's stage changes and the
 * job state, up to `now`. Agent bars keep growing after the job has succeeded until every agent is
 * ready or has failed.
 */
export function buildLiveTimings({ build, timings, logs = [], now }: LiveTimingsInput): LiveTimings {
  const phase = livePhase(build);
  const real = timings ?? {};
  const drafts: ItemDraft[] = [];

  const provisioner = real.provisioner_timings ?? [];
  if (provisioner.length > 0) drafts.push(...provisioner.map(provisionerDraft));
  else drafts.push(...provisionalPhases(build, logs));

  const reported = [
    ...(real.agent_connection_timings ?? []).map(connectionDraft),
    ...(real.agent_script_timings ?? []).map(scriptDraft),
  ];
  drafts.push(...reported);
  if (build.transition === "start" && build.job.status === "succeeded") {
    for (const agent of agentsOf(build)) drafts.push(...provisionalAgent(agent, build, reported, now));
  }

  return { tree: treeFromDrafts(drafts, { now }), phase, live: phase !== "done" };
}

/** Stage bars from the log: a bar starts at the first line of a stage and ends where the next begins. */
export function provisionalPhases(build: WorkspaceBuild, logs: readonly ProvisionerJobLog[]): ItemDraft[] {
  const job = build.job;
  const jobStart = parseTimingTime(job.started_at);
  if (jobStart === undefined && logs.length === 0) return [];
  const jobEnd = parseTimingTime(job.completed_at) ?? parseTimingTime(job.canceled_at);
  const active = isActiveJob(job.status);

  const phases: Array<{ stage: ProvisionerStageId; name: string; start: number }> = [];
  for (const line of logs) {
    const at = parseTimingTime(line.created_at);
    if (at === undefined) continue;
    const stage = timingStageOfLogStage(line.stage) ?? phases[phases.length - 1]?.stage ?? "init";
    if (phases.length === 0 || phases[phases.length - 1].stage !== stage)
      phases.push({ stage, name: line.stage || stage, start: at });
  }
  if (phases.length === 0 && jobStart !== undefined)
    phases.push({ stage: "init", name: "Setting up", start: jobStart });
  if (jobStart !== undefined && phases[0].start > jobStart) phases[0].start = jobStart;

  return phases.map((p, i) => {
    const last = i === phases.length - 1;
    const end = last ? (active ? undefined : (jobEnd ?? p.start)) : phases[i + 1].start;
    return {
      stage: p.stage,
      kind: "phase",
      name: p.name,
      action: "from log",
      start: p.start,
      end,
      failed: last && job.status === "failed",
      provisional: true,
    };
  });
}

/**
 * Bars for an agent the timings endpoint has not reported on yet: connecting until it first
 * connects, then each start script still running until the agent settles.
 */
function provisionalAgent(
  agent: WorkspaceAgent,
  build: WorkspaceBuild,
  reported: readonly ItemDraft[],
  now: number,
): ItemDraft[] {
  const drafts: ItemDraft[] = [];
  const mine = reported.filter((d) => d.agentId === agent.id || (!d.agentId && d.agentName === agent.name));
  const settled = agentSettled(agent);
  const connectStart = parseTimingTime(agent.created_at) ?? parseTimingTime(build.job.completed_at);
  const connectedAt = parseTimingTime(agent.first_connected_at);

  if (
    !mine.some((d) => d.kind === "connection") &&
    connectStart !== undefined &&
    (connectedAt !== undefined || !settled)
  ) {
    drafts.push({
      stage: "connect",
      kind: "connection",
      name: agent.name,
      agentId: agent.id,
      agentName: agent.name,
      start: Math.min(connectStart, connectedAt ?? now),
      end: connectedAt,
      failed: agent.status === "timeout",
      provisional: true,
    });
  }

  if (settled || connectedAt === undefined) return drafts;
  const scriptsStart = parseTimingTime(agent.started_at) ?? connectedAt;
  const done = new Set(mine.filter((d) => d.kind === "script").map((d) => d.name));
  for (const script of agent.scripts ?? []) {
    if (!script.run_on_start || done.has(script.display_name)) continue;
    drafts.push({
      stage: "start",
      kind: "script",
      name: script.display_name,
      agentId: agent.id,
      agentName: agent.name,
      start: Math.min(scriptsStart, now),
      end: undefined,
      provisional: true,
    });
  }
  return drafts;
}
