import type { JobErrorCode, LogLevel, ScriptStatus, TimingStage, WorkspaceTransition } from "../../api/types";
import type { BuildOutcome, BuildSlowdown } from "../store/records";
import type { Rng } from "../util/prng";
import { SCRIPTS, type TemplateSpec } from "./catalog";

/**
 * A build's script: the provisioner phases with their log lines and timing rows, then what the
 * agent does. History lays it out at fixed timestamps; the simulation plays it in real time.
 * It is a pure function of (rng, template, transition, outcome), so lazily materialized history
 * regenerates exactly the same plan.
 */
export interface PlanLine {
  /** Position inside the phase, 0..1. */
  at: number;
  level: LogLevel;
  source: "provisioner" | "provisioner_daemon";
  output: string;
}

export interface PlanTiming {
  stage: TimingStage;
  resource: string;
  action: string;
  source: string;
  /** Window inside the phase, fractions 0..1. */
  from: number;
  to: number;
}

export interface PlanPhase {
  logStage: string;
  timingStage?: "init" | "plan" | "graph" | "apply";
  ms: number;
  lines: PlanLine[];
  timings: PlanTiming[];
}

export interface ScriptPlan {
  index: number;
  ms: number;
  status: ScriptStatus;
  exitCode: number;
  lines: Array<{ level: LogLevel; output: string }>;
}

export interface AgentPlan {
  connectMs: number;
  scripts: ScriptPlan[];
  lifecycle: "ready" | "start_error" | "start_timeout";
}

export interface BuildPlan {
  queueMs: number;
  phases: PlanPhase[];
  failure?: { error: string; error_code?: JobErrorCode };
  /** Only start builds whose job succeeds bring up an agent. */
  agent?: AgentPlan;
}

const B = "\x1b[1m";
const R = "\x1b[0m";
const GREEN = "\x1b[32m";
const RED = "\x1b[31m";
const YELLOW = "\x1b[33m";

const line = (at: number, output: string, level: LogLevel = "info"): PlanLine => ({
  at,
  level,
  source: "provisioner",
  output,
});
const daemon = (output = ""): PlanLine => ({ at: 0, level: "info", source: "provisioner_daemon", output });

function spread(lines: string[], from = 0.05, to = 0.95, level: LogLevel = "info"): PlanLine[] {
  return lines.map((l, i) => line(from + ((to - from) * i) / Math.max(1, lines.length - 1), l, level));
}

function jitter(rng: Rng, seconds: number): number {
  return Math.round(seconds * 1000 * rng.range(0.7, 1.4));
}

/** Terraform addresses the build touches, in apply order. */
function addresses(spec: TemplateSpec, transition: WorkspaceTransition): string[] {
  const persistent = spec.persistent.map((p) => `${p.type}.${p.name}`);
  const compute = `${spec.compute.type}.${spec.compute.name}[0]`;
  const coder = ["coder_agent.main", "coder_app.code-server", "coder_script.startup"];
  if (transition === "start") return [...persistent, ...spec.hidden, ...coder, compute];
  if (transition === "stop") return [compute, ...coder];
  return [compute, ...coder, ...spec.hidden, ...persistent];
}

function sourceOf(spec: TemplateSpec, address: string): string {
  return address.startsWith("coder_") ? "coder" : spec.provider.name;
}

function setupPhase(rng: Rng, spec: TemplateSpec): PlanPhase {
  const coderVersion = `2.${rng.int(1, 4)}.${rng.int(0, 9)}`;
  return {
    logStage: "Setting up",
    timingStage: "init",
    ms: jitter(rng, spec.seconds.init),
    lines: [
      daemon(),
      ...spread([
        `${R}${B}Initializing the backend...${R}`,
        `${R}${B}Initializing provider plugins...${R}`,
        `- Finding coder/coder versions matching "~> 2.0"...`,
        `- Finding ${spec.provider.source} versions matching "~> ${spec.provider.version.split(".").slice(0, 2).join(".")}"...`,
        `- Using coder/coder v${coderVersion} from the shared cache directory`,
        `- Using ${spec.provider.source} v${spec.provider.version} from the shared cache directory`,
        "",
        `Terraform has created a lock file ${B}.terraform.lock.hcl${R} to record the provider`,
        "selections it made above.",
        "",
        `${R}${B}${GREEN}Terraform has been successfully initialized!${R}${GREEN}${R}`,
      ]),
    ],
    timings: [
      {
        stage: "init",
        resource: "state file",
        action: "initializing terraform",
        source: "terraform",
        from: 0.02,
        to: 0.98,
      },
    ],
  };
}

function parametersPhase(rng: Rng, spec: TemplateSpec): PlanPhase {
  return {
    logStage: "Parsing template parameters",
    ms: rng.int(250, 600),
    lines: [
      daemon(),
      ...spread(
        spec.parameters.map((p) => `data.coder_parameter.${p.name}: Reading...`),
        0.1,
        0.9,
      ),
    ],
    timings: [],
  };
}

function planPhases(rng: Rng, spec: TemplateSpec, transition: WorkspaceTransition): PlanPhase[] {
  const addrs = addresses(spec, transition);
  const verb = transition === "start" ? "create" : "destroy";
  const reads = ["data.coder_workspace.me", "data.coder_workspace_owner.me", "data.coder_provisioner.me"];
  const refresh = reads.flatMap((r) => [`${r}: Reading...`, `${r}: Read complete after 0s [id=${rng.uuid()}]`]);
  const planLines = [
    ...refresh,
    "",
    "Terraform used the selected providers to generate the following execution plan.",
    `Resource actions are indicated with the following symbols:`,
    transition === "start" ? `  ${GREEN}+${R} create` : `  ${RED}-${R} destroy`,
    "",
    "Terraform will perform the following actions:",
    ...addrs.map((a) => `${B}  # ${a}${R} will be ${transition === "start" ? "created" : "destroyed"}`),
    "",
    transition === "start"
      ? `${B}Plan:${R} ${addrs.length} to add, 0 to change, 0 to destroy.`
      : `${B}Plan:${R} 0 to add, 0 to change, ${addrs.length} to destroy.`,
  ];
  const n = addrs.length + reads.length;
  const planTimings: PlanTiming[] = [...reads, ...addrs].map((a, i) => ({
    stage: "plan",
    resource: a,
    action: a.startsWith("data.") ? "read" : verb === "create" ? "create" : "state refresh",
    source: sourceOf(spec, a.replace(/^data\./, "")),
    from: (0.9 * i) / n,
    to: Math.min(1, (0.9 * i) / n + rng.range(0.08, 0.3)),
  }));
  return [
    {
      logStage: "Planning infrastructure",
      timingStage: "plan",
      ms: jitter(rng, spec.seconds.plan),
      lines: [daemon(), ...spread(planLines)],
      timings: planTimings,
    },
    {
      logStage: "Planning infrastructure",
      timingStage: "graph",
      ms: jitter(rng, spec.seconds.graph),
      lines: [line(0.5, "Building dependency graph...", "debug")],
      timings: [
        {
          stage: "graph",
          resource: "state file",
          action: "building terraform dependency graph",
          source: "terraform",
          from: 0.05,
          to: 0.95,
        },
      ],
    },
  ];
}

function applyPhase(
  rng: Rng,
  spec: TemplateSpec,
  transition: WorkspaceTransition,
  slowCompute: number,
  slowdown?: BuildSlowdown,
): PlanPhase {
  const addrs = addresses(spec, transition);
  const creating = transition === "start";
  const stage = creating ? "Starting workspace" : transition === "stop" ? "Stopping workspace" : "Destroying workspace";
  const compute = `${spec.compute.type}.${spec.compute.name}[0]`;
  // Weight: the compute resource dominates the apply, as a real container/pod/VM does.
  const usual = addrs.map((a) => (a === compute ? 6 * slowCompute : a.startsWith("coder_") ? 0.3 : 1.5));
  const weights = usual.map((w, i) => (addrs[i] === slowdown?.resource ? w * slowdown.resourceFactor : w));
  const total = weights.reduce((s, w) => s + w, 0);
  // The slowed resource lengthens the apply by its own extra time; everything else keeps its usual length.
  const stretch = total / usual.reduce((s, w) => s + w, 0);
  const lines: PlanLine[] = [daemon()];
  const timings: PlanTiming[] = [];
  let cursor = 0.02;
  for (let i = 0; i < addrs.length; i++) {
    const a = addrs[i];
    const span = (0.9 * weights[i]) / total;
    const from = cursor;
    const to = cursor + span;
    cursor = to;
    const secs = Math.max(0, Math.round(span * spec.seconds.apply * slowCompute * stretch));
    lines.push(line(from, `${B}${a}: ${creating ? "Creating..." : "Destroying..."}${R}`));
    if (a === compute && secs >= 10) {
      for (let s = 10; s < secs; s += 10)
        lines.push(
          line(
            from + (span * s) / secs,
            `${B}${a}: Still ${creating ? "creating" : "destroying"}... [${s}s elapsed]${R}`,
          ),
        );
    }
    lines.push(
      line(
        to,
        creating
          ? `${B}${a}: Creation complete after ${secs}s [id=${a.startsWith("coder_") ? rng.uuid() : rng.hex(12)}]${R}`
          : `${B}${a}: Destruction complete after ${secs}s${R}`,
      ),
    );
    timings.push({
      stage: "apply",
      resource: a,
      action: creating ? "create" : "delete",
      source: sourceOf(spec, a),
      from,
      to,
    });
  }
  lines.push(
    line(
      0.97,
      creating
        ? `${R}${B}${GREEN}Apply complete! Resources: ${addrs.length} added, 0 changed, 0 destroyed.${R}`
        : `${R}${B}${GREEN}Apply complete! Resources: 0 added, 0 changed, ${addrs.length} destroyed.${R}`,
    ),
    line(0.99, `${R}${B}${GREEN}Outputs: 0${R}`),
  );
  return {
    logStage: stage,
    timingStage: "apply",
    ms: Math.round(jitter(rng, (creating ? spec.seconds.apply : spec.seconds.stopApply) * slowCompute) * stretch),
    lines,
    timings,
  };
}

function cleanupPhase(rng: Rng): PlanPhase {
  return { logStage: "Cleaning Up", ms: rng.int(200, 500), lines: [daemon()], timings: [] };
}

function errorBlock(title: string, detail: string[]): PlanLine[] {
  return [
    line(0.9, `${RED}╷${R}${R}`, "error"),
    line(0.91, `${RED}│${R} ${R}${B}${RED}Error: ${R}${R}${B}${title}${R}`, "error"),
    line(0.92, `${RED}│${R} ${R}`, "error"),
    ...detail.map((d, i) => line(0.93 + i * 0.001, `${RED}│${R} ${R}${d}`, "error")),
    line(0.97, `${RED}╵${R}${R}`, "error"),
  ];
}

const FAILURES: Record<TemplateSpec["name"], { title: string; detail: string[] }> = {
  docker: {
    title: "Unable to start container: Error response from daemon: driver failed programming external connectivity",
    detail: [
      "  with docker_container.workspace[0],",
      '  on main.tf line 212, in resource "docker_container" "workspace":',
    ],
  },
  kubernetes: {
    title: "Waiting for rollout to finish: 0 of 1 updated replicas are available...",
    detail: [
      "  with kubernetes_deployment.main[0],",
      '  on main.tf line 148, in resource "kubernetes_deployment" "main":',
    ],
  },
  "aws-linux": {
    title:
      "creating EC2 Instance: InsufficientInstanceCapacity: We currently do not have sufficient t3.large capacity in the Availability Zone you requested (us-east-1a).",
    detail: ["  with aws_instance.dev[0],", '  on main.tf line 97, in resource "aws_instance" "dev":'],
  },
  devbox: {
    title: "Unable to clone repository: authentication required",
    detail: ["  with docker_container.devbox[0],", '  on main.tf line 64, in resource "docker_container" "devbox":'],
  },
};

function scriptLines(rng: Rng, key: string, status: ScriptStatus): Array<{ level: LogLevel; output: string }> {
  const out: Array<{ level: LogLevel; output: string }> = [];
  const add = (output: string, level: LogLevel = "info") => out.push({ level, output });
  if (key === "startup") {
    add("+ sudo apt-get update -qq");
    add(`Reading package lists... Done`);
    add(`+ mkdir -p ~/projects && cd ~/projects`);
    add(`Cloning into 'coder'...`);
    for (let i = 0; i < rng.int(3, 8); i++)
      add(`remote: Counting objects: ${rng.int(10, 99)}% (${rng.int(100, 9999)}/${rng.int(10000, 20000)})`);
    add(`${GREEN}✔${R} workspace is ready`);
  } else if (key === "code-server") {
    add("Installing code-server 4.96.2...");
    add(`${YELLOW}WARN${R} code-server already installed, skipping download`, "warn");
    add("[2025-01-01T00:00:00.000Z] info  HTTP server listening on http://127.0.0.1:13337/");
    add("[2025-01-01T00:00:00.000Z] info    - Authentication is disabled");
    // Real output is hostile sometimes; the dashboard must print it, never render it.
    add(
      `${YELLOW}WARN${R} ignoring extension id "<script>alert('code-server')</script>" & "<img src=x onerror=alert(1)>"`,
      "warn",
    );
  } else {
    add("Installing dotfiles from https://github.com/example/dotfiles");
    add("Cloning into '/home/coder/.config/coderv2/dotfiles'...");
    add("Running install.sh");
  }
  if (status === "exit_failure") add(`${RED}error:${R} script exited with code 1`, "error");
  if (status === "timed_out") add(`${RED}script timed out after 300s${R}`, "error");
  return out;
}

export interface PlanInput {
  spec: TemplateSpec;
  transition: WorkspaceTransition;
  outcome: BuildOutcome;
  /** Multiplies the compute resource's apply time (regressions). */
  slow?: number;
  slowdown?: BuildSlowdown;
}

export function planBuild(rng: Rng, input: PlanInput): BuildPlan {
  const { spec, transition, outcome } = input;
  const slow = input.slow ?? 1;
  const phases: PlanPhase[] = [setupPhase(rng, spec), parametersPhase(rng, spec), ...planPhases(rng, spec, transition)];
  const plan: BuildPlan = { queueMs: rng.int(300, 4000), phases };
  if (outcome === "insufficient_quota") {
    // Quota is committed after the plan, before anything is applied.
    const planning = phases[phases.length - 2];
    planning.lines.push(
      ...errorBlock("insufficient quota", [
        `  this workspace costs ${spec.compute.dailyCost || 4} credits per day, more than the owner's quota has left`,
      ]),
    );
    plan.failure = { error: "insufficient quota", error_code: "INSUFFICIENT_QUOTA" };
    return plan;
  }
  const apply = applyPhase(rng, spec, transition, slow, input.slowdown);
  phases.push(apply);
  if (outcome === "failed") {
    const f = FAILURES[spec.name];
    apply.lines = apply.lines.filter((l) => l.at < 0.6);
    apply.lines.push(...errorBlock(f.title, f.detail));
    apply.timings = [];
    plan.failure = { error: `terraform apply: exit status 1: ${f.title}` };
    return plan;
  }
  if (outcome === "canceled") {
    apply.lines = apply.lines.filter((l) => l.at < 0.5);
    apply.lines.push(
      line(0.55, `${YELLOW}Interrupt received.${R}`, "warn"),
      line(0.6, "Please wait for Terraform to exit or data loss may occur.", "warn"),
    );
    return plan;
  }
  phases.push(cleanupPhase(rng));
  if (transition === "start") {
    const scripts: ScriptPlan[] = SCRIPTS.map((s, index) => {
      let status: ScriptStatus = "ok";
      if (outcome === "script_timeout" && s.blocks) status = "timed_out";
      if (outcome === "script_error" && s.blocks) status = "exit_failure";
      return {
        index,
        ms: Math.round(jitter(rng, s.seconds) * (s.key === input.slowdown?.script ? input.slowdown.scriptFactor : 1)),
        status,
        exitCode: status === "exit_failure" ? 1 : status === "timed_out" ? 255 : 0,
        lines: scriptLines(rng, s.key, status),
      };
    });
    plan.agent = {
      connectMs: jitter(rng, 2),
      scripts,
      lifecycle: outcome === "script_timeout" ? "start_timeout" : outcome === "script_error" ? "start_error" : "ready",
    };
  }
  return plan;
}

/** Sum of the provisioner phases (running time of the job). */
export function planRunningMs(plan: BuildPlan): number {
  return plan.phases.reduce((s, p) => s + p.ms, 0);
}
