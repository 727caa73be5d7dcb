import type { AgentScriptTiming, ProvisionerTiming, WorkspaceBuildTimings } from "../../api/types";
import { mulberry32 } from "../random";

/**
 * A deterministic build of `count` timing entries shaped like a large real template (most entries
 * in plan and apply, a few agents and scripts), for benchmarks and stress tests: every variant
 * measured gets the same data.
 */
export function syntheticTimings(
  count: number,
  seed = 1,
  origin = Date.UTC(2025, 0, 15, 23, 58, 0),
): WorkspaceBuildTimings {
  const rand = mulberry32(seed);
  const iso = (ms: number) => new Date(origin + ms).toISOString();
  const jobId = "00000000-0000-4000-8000-000000000001";
  const provisioner: ProvisionerTiming[] = [];
  const scripts: AgentScriptTiming[] = [];
  const agents = ["main", "sidecar", "gpu"];

  const nScripts = Math.min(Math.max(0, count - 4), Math.max(3, Math.round(count * 0.02)));
  const rest = Math.max(0, count - 2 - agents.length - nScripts);
  const nPlan = Math.round(rest * 0.45);
  const nApply = rest - nPlan;
  const sources = ["coder", "docker", "kubernetes", "aws", "http", "null"];
  const kinds = ["instance", "volume", "network", "record", "secret", "role", "bucket", "service"];
  const address = (i: number) => `module.m${i % 97}.${sources[i % sources.length]}_${kinds[i % kinds.length]}.r${i}`;

  provisioner.push({
    job_id: jobId,
    started_at: iso(0),
    ended_at: iso(6_000 + rand() * 4_000),
    stage: "init",
    source: "terraform",
    action: "initializing terraform",
    resource: "state file",
  });
  const planStart = 11_000;
  let planEnd = planStart;
  for (let i = 0; i < nPlan; i++) {
    const start = planStart + rand() * 20_000;
    const end = start + 10 + rand() ** 3 * 4_000;
    planEnd = Math.max(planEnd, end);
    provisioner.push({
      job_id: jobId,
      started_at: iso(start),
      ended_at: iso(end),
      stage: "plan",
      source: sources[i % sources.length],
      action: i % 3 ? "state refresh" : "read",
      resource: address(i),
    });
  }
  const graphEnd = planEnd + 400 + rand() * 800;
  provisioner.push({
    job_id: jobId,
    started_at: iso(planEnd + 50),
    ended_at: iso(graphEnd),
    stage: "graph",
    source: "terraform",
    action: "building terraform dependency graph",
    resource: "state file",
  });
  const applyStart = graphEnd + 300;
  let applyEnd = applyStart;
  for (let i = 0; i < nApply; i++) {
    const start = applyStart + rand() * 60_000;
    const end = start + 50 + rand() ** 4 * 25_000;
    applyEnd = Math.max(applyEnd, end);
    provisioner.push({
      job_id: jobId,
      started_at: iso(start),
      ended_at: iso(end),
      stage: "apply",
      source: sources[i % sources.length],
      action: i % 5 ? "create" : "update",
      resource: address(nPlan + i),
    });
  }
  const connections = agents.map((name, i) => {
    const start = applyEnd + 500 + i * 300;
    return {
      started_at: iso(start),
      ended_at: iso(start + 1_000 + rand() * 3_000),
      stage: "connect",
      workspace_agent_id: `agent-${i}`,
      workspace_agent_name: name,
    };
  });
  const scriptsStart = applyEnd + 6_000;
  for (let i = 0; i < nScripts; i++) {
    const agent = i % agents.length;
    const start = scriptsStart + rand() * 2_000;
    const failed = i % 41 === 40;
    scripts.push({
      started_at: iso(start),
      ended_at: iso(start + 100 + rand() ** 2 * 30_000),
      exit_code: failed ? 1 : 0,
      stage: "start",
      status: failed ? "exit_failure" : "ok",
      display_name: `Script ${i + 1}`,
      workspace_agent_id: `agent-${agent}`,
      workspace_agent_name: agents[agent],
    });
  }
  return { provisioner_timings: provisioner, agent_script_timings: scripts, agent_connection_timings: connections };
}
