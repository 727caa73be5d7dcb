import type {
  WorkspaceAgent,
  WorkspaceApp,
  WorkspaceAppStatus,
  WorkspaceResource,
  WorkspaceTransition,
} from "../../api/types";
import type { Rng } from "../util/prng";
import { AGENT_LOG_SOURCE, SCRIPTS, type TemplateSpec } from "./catalog";

export interface ResourceContext {
  spec: TemplateSpec;
  transition: WorkspaceTransition;
  jobId: string;
  workspaceId: string;
  createdAt: string;
  /** Health of the code-server app and the AI task statuses to show. */
  appHealth: "healthy" | "initializing" | "unhealthy";
  appStatuses: Array<{ state: string; message: string; at: string }>;
}

const AI_MESSAGES = [
  { state: "working", message: "Refactoring the build cache invalidation" },
  { state: "idle", message: "Waiting for review of the proposed migration" },
  { state: "complete", message: "Opened PR #4821: fix flaky provisioner test" },
  { state: "failure", message: "Tests failed: 3 of 212 in ./coderd/workspacebuilds" },
];

export function aiStatusSamples(rng: Rng, count: number, endMs: number): ResourceContext["appStatuses"] {
  const out: ResourceContext["appStatuses"] = [];
  for (let i = 0; i < count; i++) {
    const m = AI_MESSAGES[(i + rng.int(0, 3)) % AI_MESSAGES.length];
    out.push({ ...m, at: new Date(endMs - (count - i) * rng.int(60_000, 900_000)).toISOString() });
  }
  return out;
}

/** What Go sends for an app without a health check: the zero struct. */
const NO_HEALTHCHECK = { url: "", interval: 0, threshold: 0 };

function apps(rng: Rng, ctx: ResourceContext, agentId: string): WorkspaceApp[] {
  const aiId = rng.uuid();
  const statuses: WorkspaceAppStatus[] = ctx.appStatuses
    .map((s) => ({
      id: rng.uuid(),
      created_at: s.at,
      workspace_id: ctx.workspaceId,
      agent_id: agentId,
      app_id: aiId,
      state: s.state,
      message: s.message,
      uri: s.state === "complete" ? "https://github.com/coder/coder/pull/4821" : "",
      icon: "",
      needs_user_attention: s.state === "idle",
    }))
    .reverse();
  return [
    {
      id: rng.uuid(),
      url: "http://localhost:13337/?folder=/home/coder",
      external: false,
      slug: "code-server",
      display_name: "code-server",
      icon: "/icon/code.svg",
      subdomain: false,
      sharing_level: "owner",
      healthcheck: { url: "http://localhost:13337/healthz", interval: 5, threshold: 6 },
      health: ctx.appHealth,
      hidden: false,
      open_in: "slim-window",
      statuses: [],
    },
    {
      id: aiId,
      external: false,
      slug: "claude-code",
      display_name: "Claude Code",
      command: "claude",
      icon: "/icon/claude.svg",
      subdomain: false,
      sharing_level: "owner",
      healthcheck: NO_HEALTHCHECK,
      health: "disabled",
      hidden: false,
      open_in: "slim-window",
      statuses,
    },
    {
      id: rng.uuid(),
      url: "https://coder.com/docs",
      external: true,
      slug: "docs",
      display_name: "Documentation",
      icon: "/icon/book.svg",
      subdomain: false,
      sharing_level: "owner",
      healthcheck: NO_HEALTHCHECK,
      health: "disabled",
      hidden: false,
      open_in: "tab",
      statuses: [],
    },
  ];
}

function agent(rng: Rng, ctx: ResourceContext, resourceId: string): WorkspaceAgent {
  const id = rng.uuid();
  const sourceIds = [rng.uuid(), ...SCRIPTS.map(() => rng.uuid())];
  return {
    id,
    parent_id: null,
    created_at: ctx.createdAt,
    updated_at: ctx.createdAt,
    status: "connecting",
    lifecycle_state: "created",
    name: ctx.spec.agentName,
    resource_id: resourceId,
    instance_id: ctx.spec.name === "aws-linux" ? `i-${rng.hex(17)}` : undefined,
    architecture: "amd64",
    environment_variables: { GIT_AUTHOR_NAME: "Coder", CODER_WORKSPACE_ENV: "simulated" },
    operating_system: "linux",
    logs_length: 0,
    logs_overflowed: false,
    directory: "/home/coder",
    expanded_directory: "/home/coder",
    version: "v2.24.1",
    api_version: "2.6",
    apps: apps(rng, ctx, id),
    connection_timeout_seconds: 120,
    troubleshooting_url: "https://coder.com/docs/admin/templates/troubleshooting",
    subsystems: [],
    health: { healthy: false, reason: "agent is not connected" },
    display_apps: ["vscode", "vscode_insiders", "web_terminal", "ssh_helper", "port_forwarding_helper"],
    log_sources: [
      { id: sourceIds[0], workspace_agent_id: id, created_at: ctx.createdAt, ...AGENT_LOG_SOURCE },
      ...SCRIPTS.map((s, i) => ({
        id: sourceIds[i + 1],
        workspace_agent_id: id,
        created_at: ctx.createdAt,
        display_name: s.display_name,
        icon: s.icon,
      })),
    ],
    scripts: SCRIPTS.map((s, i) => ({
      id: rng.uuid(),
      log_source_id: sourceIds[i + 1],
      log_path: `/tmp/coder-script-${s.key}.log`,
      script: `#!/bin/sh\n# ${s.display_name}\n`,
      cron: "",
      run_on_start: true,
      run_on_stop: false,
      start_blocks_login: s.blocks,
      timeout: 300,
      display_name: s.display_name,
    })),
    startup_script_behavior: "non-blocking",
  };
}

/** The resources a finished build leaves behind: the compute (with its agent) only when started. */
export function buildResources(rng: Rng, ctx: ResourceContext): WorkspaceResource[] {
  if (ctx.transition === "delete") return [];
  const meta = (m: Array<[string, string, boolean]>) => m.map(([key, value, sensitive]) => ({ key, value, sensitive }));
  const out: WorkspaceResource[] = ctx.spec.persistent.map((p) => ({
    id: rng.uuid(),
    created_at: ctx.createdAt,
    job_id: ctx.jobId,
    workspace_transition: ctx.transition,
    type: p.type,
    name: p.name,
    hide: false,
    icon: p.icon,
    metadata: meta(p.metadata),
    daily_cost: 0,
  }));
  if (ctx.transition === "start") {
    const id = rng.uuid();
    out.unshift({
      id,
      created_at: ctx.createdAt,
      job_id: ctx.jobId,
      workspace_transition: "start",
      type: ctx.spec.compute.type,
      name: ctx.spec.compute.name,
      hide: false,
      icon: ctx.spec.compute.icon,
      agents: [agent(rng, ctx, id)],
      metadata: meta(ctx.spec.compute.metadata),
      daily_cost: ctx.spec.compute.dailyCost,
    });
  }
  return out;
}

/** Raw Terraform state as `/workspacebuilds/{id}/state` serves it. */
export function terraformState(rng: Rng, spec: TemplateSpec, transition: WorkspaceTransition, serial: number): string {
  const resources =
    transition === "delete"
      ? []
      : [
          ...spec.persistent.map((p) => ({
            mode: "managed",
            type: p.type,
            name: p.name,
            provider: `provider["registry.terraform.io/${spec.provider.source}"]`,
            instances: [{ schema_version: 1, attributes: { id: rng.hex(16) } }],
          })),
          ...(transition === "start"
            ? [
                {
                  mode: "managed",
                  type: spec.compute.type,
                  name: spec.compute.name,
                  provider: `provider["registry.terraform.io/${spec.provider.source}"]`,
                  instances: [{ index_key: 0, schema_version: 1, attributes: { id: rng.hex(16) } }],
                },
              ]
            : []),
        ];
  return JSON.stringify(
    {
      version: 4,
      terraform_version: "1.9.8",
      serial,
      lineage: rng.uuid(),
      outputs: {},
      resources,
      check_results: null,
    },
    null,
    2,
  );
}
