// Fixture builders for the overview's unit tests: fixed times, so every expected number is known.
import type { ProvisionerJob } from "../../../api/types";
import { makeJob } from "../../../lib/workspace/testing";
import type { ActiveBuild } from "./now";
import { settledTimes, type OverviewBuild, type OverviewWorkspace } from "./rows";

export const NOW = Date.parse("2025-03-10T12:00:00.000Z");
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export const iso = (ms: number) => new Date(ms).toISOString();

export function workspace(name: string, template = "docker", owner = "alice"): OverviewWorkspace {
  return {
    id: `ws-${owner}-${name}`,
    name,
    owner_name: owner,
    organization_id: "org",
    template_name: template,
    template_display_name: template,
  };
}

export interface BuildSpec {
  number?: number;
  ws?: OverviewWorkspace;
  /** Age at NOW (created = NOW - age). */
  age?: number;
  status?: string;
  /** Time queued before a provisioner took it. */
  queued?: number;
  /** Provisioner run time (for finished builds). */
  ran?: number;
  transition?: string;
  errorCode?: string;
  id?: string;
}

let counter = 0;

export function build(spec: BuildSpec = {}): OverviewBuild {
  const ws = spec.ws ?? workspace("dev");
  const number = spec.number ?? ++counter;
  const created = NOW - (spec.age ?? HOUR);
  const status = spec.status ?? "succeeded";
  const queued = spec.queued ?? 1_000;
  const ran = spec.ran ?? 10_000;
  const started = status === "pending" ? undefined : created + queued;
  const finished = status === "succeeded" || status === "failed" || status === "canceled";
  const row = {
    id: spec.id ?? `b-${ws.id}-${number}`,
    build_number: number,
    transition: spec.transition ?? "start",
    reason: "initiator",
    initiator_name: ws.owner_name,
    created_at: iso(created),
    template_version_name: "v1",
    job: {
      id: `j-${spec.id ?? `${ws.id}-${number}`}`,
      status,
      created_at: iso(created),
      started_at: started === undefined ? undefined : iso(started),
      completed_at: finished && started !== undefined ? iso(started + ran) : undefined,
      error_code: spec.errorCode,
      error: status === "failed" ? "terraform apply failed" : undefined,
      queue_position: 0,
      queue_size: 0,
    },
    workspace: ws,
    createdMs: created,
    errorCode: status === "failed" ? spec.errorCode : undefined,
  };
  return { ...row, ...settledTimes(row) };
}

export function job(spec: Partial<ProvisionerJob> & Pick<ProvisionerJob, "id" | "status">): ProvisionerJob {
  return makeJob({ created_at: iso(NOW - MIN), file_id: "file", organization_id: "org", ...spec });
}

/** A pending build of alice's `dev`, first in a queue of one, queued a minute before NOW. */
export function activeBuild(over: Partial<ActiveBuild> = {}): ActiveBuild {
  return {
    jobId: "j",
    kind: "build",
    buildId: "b",
    templateVersionId: undefined,
    templateVersionName: "v1",
    tags: {},
    buildNumber: 1,
    workspaceId: "w",
    workspaceName: "dev",
    ownerName: "alice",
    templateName: "docker",
    transition: "start",
    status: "pending",
    createdAt: iso(NOW - MIN),
    startedAt: undefined,
    queuePosition: 1,
    queueSize: 1,
    noProvisioner: false,
    ...over,
  };
}
