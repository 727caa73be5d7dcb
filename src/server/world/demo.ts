import type { WorkspaceTransition } from "../../api/types";
import type { BuildOutcome, JobHold, TemplateRecord, TemplateVersionRecord, UserRecord } from "../store/records";
import { WorldBuilder } from "./builder";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface Seeded {
  owner: "alice" | "bob" | "admin" | "carol" | "dave";
  name: string;
  template: "docker" | "kubernetes" | "aws-linux";
  builds: number;
  last: WorkspaceTransition;
  outcome: BuildOutcome;
  hold?: JobHold;
  /** Build on the first template version (so the workspace is outdated). */
  oldVersion?: boolean;
  agoMs?: number;
  dormant?: boolean;
  favorite?: boolean;
  autostart?: string;
  ambient?: boolean;
}

/**
 * The demo world. Alice's workspaces are the documented, stable fixtures (README "Built-in
 * server"); ambient builds only touch the others.
 */
export const DEMO_WORKSPACES: Seeded[] = [
  {
    owner: "alice",
    name: "dev",
    template: "docker",
    builds: 12,
    last: "start",
    outcome: "succeeded",
    favorite: true,
    autostart: "CRON_TZ=UTC 30 8 * * 1-5",
  },
  { owner: "alice", name: "stopped-ws", template: "docker", builds: 8, last: "stop", outcome: "succeeded" },
  {
    owner: "alice",
    name: "long-history",
    template: "kubernetes",
    builds: 50,
    last: "start",
    outcome: "succeeded",
    agoMs: 3 * HOUR,
  },
  {
    owner: "alice",
    name: "outdated",
    template: "docker",
    builds: 6,
    last: "start",
    outcome: "succeeded",
    oldVersion: true,
  },
  {
    owner: "alice",
    name: "dormant",
    template: "aws-linux",
    builds: 5,
    last: "stop",
    outcome: "succeeded",
    dormant: true,
    agoMs: 20 * DAY,
  },
  {
    owner: "alice",
    name: "deleted-ws",
    template: "docker",
    builds: 6,
    last: "delete",
    outcome: "succeeded",
    agoMs: 2 * DAY,
  },
  {
    owner: "alice",
    name: "quota-fail",
    template: "aws-linux",
    builds: 7,
    last: "start",
    outcome: "insufficient_quota",
    agoMs: 40 * 60_000,
  },
  {
    owner: "alice",
    name: "failed-ws",
    template: "kubernetes",
    builds: 6,
    last: "start",
    outcome: "failed",
    agoMs: 5 * HOUR,
  },
  {
    owner: "alice",
    name: "canceled-ws",
    template: "docker",
    builds: 5,
    last: "start",
    outcome: "canceled",
    agoMs: 6 * HOUR,
  },
  {
    owner: "alice",
    name: "script-error",
    template: "docker",
    builds: 5,
    last: "start",
    outcome: "script_error",
    agoMs: HOUR,
  },
  {
    owner: "alice",
    name: "pending-ws",
    template: "docker",
    builds: 5,
    last: "start",
    outcome: "succeeded",
    hold: "pending",
    agoMs: 4 * 60_000,
  },
  {
    owner: "alice",
    name: "starting-ws",
    template: "aws-linux",
    builds: 5,
    last: "start",
    outcome: "succeeded",
    hold: "running",
    agoMs: 3 * 60_000,
  },
  {
    owner: "alice",
    name: "stopping-ws",
    template: "kubernetes",
    builds: 5,
    last: "stop",
    outcome: "succeeded",
    hold: "running",
    agoMs: 2 * 60_000,
  },
  {
    owner: "alice",
    name: "deleting-ws",
    template: "docker",
    builds: 5,
    last: "delete",
    outcome: "succeeded",
    hold: "running",
    agoMs: 2 * 60_000,
  },
  {
    owner: "alice",
    name: "canceling-ws",
    template: "aws-linux",
    builds: 5,
    last: "start",
    outcome: "succeeded",
    hold: "canceling",
    agoMs: 3 * 60_000,
  },
  {
    owner: "bob",
    name: "api-server",
    template: "kubernetes",
    builds: 20,
    last: "start",
    outcome: "succeeded",
    ambient: true,
  },
  {
    owner: "bob",
    name: "ml-box",
    template: "aws-linux",
    builds: 10,
    last: "stop",
    outcome: "succeeded",
    ambient: true,
  },
  { owner: "bob", name: "sandbox", template: "docker", builds: 15, last: "start", outcome: "succeeded", ambient: true },
  { owner: "admin", name: "ops", template: "docker", builds: 10, last: "start", outcome: "succeeded", ambient: true },
  {
    owner: "admin",
    name: "release",
    template: "kubernetes",
    builds: 25,
    last: "stop",
    outcome: "succeeded",
    ambient: true,
  },
  {
    owner: "carol",
    name: "frontend",
    template: "docker",
    builds: 18,
    last: "start",
    outcome: "succeeded",
    ambient: true,
  },
  {
    owner: "carol",
    name: "docs-site",
    template: "kubernetes",
    builds: 12,
    last: "stop",
    outcome: "succeeded",
    ambient: true,
  },
  {
    owner: "carol",
    name: "gpu-train",
    template: "aws-linux",
    builds: 9,
    last: "start",
    outcome: "failed",
    ambient: true,
  },
  {
    owner: "dave",
    name: "data-pipeline",
    template: "kubernetes",
    builds: 30,
    last: "start",
    outcome: "succeeded",
    ambient: true,
  },
  { owner: "dave", name: "scratch", template: "docker", builds: 7, last: "stop", outcome: "succeeded", ambient: true },
  {
    owner: "dave",
    name: "legacy-vm",
    template: "aws-linux",
    builds: 14,
    last: "start",
    outcome: "succeeded",
    oldVersion: true,
    ambient: true,
  },
];

export function buildDemoWorld(w: WorldBuilder): Record<string, UserRecord> {
  w.organization();
  const users: Record<string, UserRecord> = {
    admin: w.user("admin", "Ada Admin", true),
    alice: w.user("alice", "Alice Liddell", false),
    bob: w.user("bob", "Bob Builder", false),
    carol: w.user("carol", "Carol Danvers", false),
    dave: w.user("dave", "Dave Lister", false),
  };
  const templates = w.templates(users.admin, { docker: 3, kubernetes: 2, "aws-linux": 2 });
  for (const s of DEMO_WORKSPACES) {
    const { template, versions } = templates.get(s.template)!;
    const owner = users[s.owner];
    const ws = w.workspace(owner, template, s.name, {
      ambient: s.ambient ?? false,
      autostart_schedule: s.autostart,
      favorite_of: s.favorite ? [owner.id] : [],
    });
    if (s.dormant) {
      ws.dormant_at = new Date(w.t0 - 3 * DAY).toISOString();
      ws.deleting_at = new Date(w.t0 + 27 * DAY).toISOString();
      ws.last_used_at = new Date(w.t0 - 33 * DAY).toISOString();
    }
    w.history(
      ws,
      s.oldVersion ? versions.slice(0, 1) : versions,
      s.builds,
      { transition: s.last, outcome: s.outcome, hold: s.hold, agoMs: s.agoMs },
      s.owner === "admin" ? [owner] : [owner, owner, owner, users.admin],
    );
  }
  w.stuckTemplateImport(templates.get("aws-linux")!.template, users.admin);
  seedSlowBuild(w, users.alice, templates.get("docker")!);
  // Added after the seeded workspaces, on its own random stream, so it shifts none of their ids.
  w.templates(users.admin, { devbox: 2 }, w.rng.fork("devbox"));
  return users;
}

/**
 * `alice/slow-build`: a steady history of docker builds whose latest start pulled its image for
 * far longer than usual and ran a slow dotfiles script, for the timings page's "Slower than usual".
 * Its own random stream, so the workspaces seeded before it keep their ids.
 */
function seedSlowBuild(
  w: WorldBuilder,
  alice: UserRecord,
  docker: { template: TemplateRecord; versions: TemplateVersionRecord[] },
): void {
  const own = new WorldBuilder(w.store, w.rng.fork("slow-build"));
  const ws = own.workspace(alice, docker.template, "slow-build");
  const builds = own.history(ws, docker.versions, 30, { transition: "start", outcome: "succeeded" }, [alice]);
  own.slowDown(builds[builds.length - 1], {
    resource: "docker_image.main",
    resourceFactor: 20,
    script: "dotfiles",
    scriptFactor: 3,
  });
}
