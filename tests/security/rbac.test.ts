// RBAC matrix: every endpoint the server serves × {anonymous, alice, bob, admin} × {own, other's
// resource}, with the status real Coder returns. Members get 404 (not 403) for workspaces they cannot
// read; the Terraform state is 404 to anyone who cannot update the template; 403 only where Coder
// can see the resource but refuses the action (favorite someone else's, cancel when the template
// forbids it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Template } from "../../src/api/types";
import {
  agentsOf,
  Caller,
  expectJson,
  listWorkspaces,
  login,
  openWs,
  pickRunning,
  request,
  startTestServer,
  waitIdle,
  withTimeout,
  type TestServer,
  type WorkspaceT,
} from "../contract/harness";
import * as S from "../contract/shapes";

/** Everything a path or body may refer to, for one target workspace. */
interface Target {
  ws: WorkspaceT;
  template: Template;
}

/** A status, any of several (where Coder versions differ), or a status derived from the target's current state. */
type Expected = number | readonly number[] | ((t: Target) => number);
type Kind = "http" | "sse" | "ws";

interface Row {
  method: string;
  path: string;
  kind?: Kind;
  body?: (t: Target) => unknown;
  /** Run before the cases of the row that are expected to succeed (e.g. wait until no build is active). */
  prepare?: (t: Target) => Promise<void>;
  anon: number;
  member: { own: Expected; other: Expected };
  admin: { own: Expected; other: Expected };
}

interface GlobalRow {
  method: string;
  path: string;
  /** Outside /api/v2 (the dashboard server's own routes). */
  raw?: boolean;
  anon: number;
  member: number;
  admin: number;
}

let server: TestServer;
const callers: Record<"anonymous" | "alice" | "bob" | "admin", Caller> = {} as never;
const targets: Record<"alice" | "bob" | "admin", Target> = {} as never;
let orgId: string;
let anyTemplate: Template;

const settle = (t: Target) => waitIdle(callers.admin, t.ws.id).then(() => undefined);
const PAST = "2000-01-01T00:00:00Z";
let nameCounter = 0;

/** Coder's extend: 409 unless a settled start build with a deadline, then 400 for a past deadline. */
const extendStatus = (t: Target) =>
  t.ws.latest_build.transition === "start" && t.ws.latest_build.job.completed_at && t.ws.latest_build.deadline
    ? 400
    : 409;
const cancelDoneStatus = (t: Target) => (t.ws.template_allow_user_cancel_workspace_jobs ? 400 : 403);

// prettier-ignore
const WORKSPACE_ROWS: Row[] = [
  { method: "GET",    path: "/workspaces/{ws}",                                anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/users/{owner}/workspace/{name}",                 anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaces/{ws}/builds",                         anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaces/{ws}/timings",                        anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaces/{ws}/watch",          kind: "sse",    anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaces/{ws}/watch-ws",       kind: "ws",     anon: 401, member: { own: 101, other: 404 }, admin: { own: 101, other: 101 } },
  { method: "GET",    path: "/users/{owner}/workspace/{name}/builds/{number}", anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspacebuilds/{build}",                        anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspacebuilds/{build}/resources",              anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspacebuilds/{build}/parameters",             anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspacebuilds/{build}/timings",                anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspacebuilds/{build}/logs",                   anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspacebuilds/{build}/logs?follow", kind: "ws", anon: 401, member: { own: 101, other: 404 }, admin: { own: 101, other: 101 } },
  { method: "GET",    path: "/workspacebuilds/{build}/state",                  anon: 401, member: { own: 404, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaceagents/{agent}",                        anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaceagents/{agent}/logs",                   anon: 401, member: { own: 200, other: 404 }, admin: { own: 200, other: 200 } },
  { method: "GET",    path: "/workspaceagents/{agent}/logs?follow=true", kind: "ws", anon: 401, member: { own: 101, other: 404 }, admin: { own: 101, other: 101 } },
  { method: "PATCH",  path: "/workspaces/{ws}", body: (t) => ({ name: t.ws.name }), anon: 401, member: { own: 204, other: 404 }, admin: { own: 204, other: 204 } },
  { method: "PUT",    path: "/workspaces/{ws}/extend", body: () => ({ deadline: PAST }), anon: 401, member: { own: extendStatus, other: 404 }, admin: { own: extendStatus, other: extendStatus } },
  { method: "PUT",    path: "/workspaces/{ws}/autostart", body: () => ({}),
    anon: 401, member: { own: (t) => (t.template.allow_user_autostart ? 204 : 400), other: 404 }, admin: { own: (t) => (t.template.allow_user_autostart ? 204 : 400), other: (t) => (t.template.allow_user_autostart ? 204 : 400) } },
  { method: "PUT",    path: "/workspaces/{ws}/ttl", body: () => ({ ttl_ms: null }),
    anon: 401, member: { own: (t) => (t.template.allow_user_autostop ? 204 : 400), other: 404 }, admin: { own: (t) => (t.template.allow_user_autostop ? 204 : 400), other: (t) => (t.template.allow_user_autostop ? 204 : 400) } },
  { method: "PUT",    path: "/workspaces/{ws}/autoupdates", body: () => ({ automatic_updates: "never" }), anon: 401, member: { own: 204, other: 404 }, admin: { own: 204, other: 204 } },
  { method: "PUT",    path: "/workspaces/{ws}/dormant", body: (t) => ({ dormant: Boolean(t.ws.dormant_at) }), anon: 401, member: { own: 304, other: 404 }, admin: { own: 304, other: 304 } },
  { method: "PUT",    path: "/workspaces/{ws}/favorite",                       anon: 401, member: { own: 204, other: 404 }, admin: { own: 204, other: 403 } },
  { method: "DELETE", path: "/workspaces/{ws}/favorite",                       anon: 401, member: { own: 204, other: 404 }, admin: { own: 204, other: 403 } },
  { method: "PATCH",  path: "/workspacebuilds/{build}/cancel",                 anon: 401, member: { own: cancelDoneStatus, other: 404 }, admin: { own: 400, other: 400 } },
  // Creating for someone else is refused either way, but Coder versions differ on how: where org members
  // can read each other's membership the create check answers 403; where they can read only their own
  // (current roles), resolving the owner already fails with 404. "Creates nothing" is checked below.
  { method: "POST",   path: "/users/{owner}/workspaces", body: (t) => createBody(t), anon: 401, member: { own: 201, other: [403, 404] }, admin: { own: 201, other: 201 } },
  { method: "POST",   path: "/organizations/{org}/members/{owner}/workspaces", body: (t) => createBody(t), anon: 401, member: { own: 201, other: [403, 404] }, admin: { own: 201, other: 201 } },
  { method: "POST",   path: "/workspaces/{ws}/builds", body: () => ({ transition: "start" }), prepare: settle, anon: 401, member: { own: 201, other: 404 }, admin: { own: 201, other: 201 } },
];

// prettier-ignore
const GLOBAL_ROWS: GlobalRow[] = [
  { method: "GET", path: "/healthz",                     raw: true,  anon: 200, member: 200, admin: 200 },
  { method: "GET", path: "/buildinfo",                               anon: 200, member: 200, admin: 200 },
  { method: "GET", path: "/users/me/organizations",                  anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/organizations",                           anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/organizations/{org}",                     anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/organizations/{org}/templates",           anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/organizations/{org}/templates/{templateName}", anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/templates/{template}/versions",           anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/users/me",                                anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/workspaces",                              anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/templates",                               anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/templates/{template}",                    anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/templateversions/{version}",              anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/templateversions/{version}/rich-parameters", anon: 401, member: 200, admin: 200 },
  { method: "GET", path: "/organizations/{org}/provisionerjobs",     anon: 401, member: 404, admin: 200 },
];

function createBody(t: Target): unknown {
  nameCounter += 1;
  return { template_id: t.template.id, name: `rbac-${Date.now().toString(36)}-${nameCounter}` };
}

function fill(path: string, t: Target | undefined, raw = false): string {
  const ws = t?.ws;
  const values: Record<string, string | undefined> = {
    ws: ws?.id,
    owner: ws?.owner_name,
    name: ws?.name,
    number: ws ? String(ws.latest_build.build_number) : undefined,
    build: ws?.latest_build.id,
    agent: ws ? agentsOf(ws.latest_build)[0]?.id : undefined,
    org: orgId,
    template: anyTemplate?.id,
    templateName: anyTemplate?.name,
    version: anyTemplate?.active_version_id,
  };
  return (
    (raw ? "" : "/api/v2") +
    path.replace(/\{(\w+)\}/g, (_, key: string) => {
      const v = values[key];
      if (!v) throw new Error(`no value for {${key}} in ${path}`);
      return v;
    })
  );
}

/** Sends one request and returns its status; refused upgrades report their HTTP status, accepted ones 101. */
async function probe(caller: Caller, method: string, path: string, kind: Kind, body: unknown): Promise<number> {
  const headers: Record<string, string> = caller.token ? { "Coder-Session-Token": caller.token } : {};
  if (kind === "ws") {
    const s = openWs(caller.base, path, headers);
    const refused = await withTimeout(s.refused, 5_000, `upgrade ${path}`);
    s.ws.terminate();
    return refused ?? 101;
  }
  if (kind === "sse") {
    const abort = new AbortController();
    const res = await fetch(caller.base + path, {
      headers: { ...headers, Accept: "text/event-stream" },
      signal: abort.signal,
    });
    const status = res.status;
    if (status !== 200) {
      const text = await res.text();
      expectJson({ status, headers: res.headers, text, json: parseOrUndefined(text) }, status, S.ErrorResponse, path);
    }
    abort.abort();
    return status;
  }
  const reply = await caller.send(method, path, body === undefined ? {} : { body });
  if (reply.status >= 400) expectJson(reply, reply.status, S.ErrorResponse, `${method} ${path}`);
  return reply.status;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function resolve(expected: Expected, t: Target): readonly number[] {
  if (typeof expected === "function") return [expected(t)];
  return typeof expected === "number" ? [expected] : expected;
}

interface Case {
  title: string;
  row: Row;
  actor: keyof typeof callers;
  target: keyof typeof targets;
  expected: (t: Target) => readonly number[];
}

const CASES: Case[] = WORKSPACE_ROWS.flatMap((row): Case[] => {
  const label = `${row.method} ${row.path}`;
  const c = (actor: Case["actor"], target: Case["target"], whose: string, e: Expected): Case => ({
    title: `${actor.padEnd(9)} → ${whose.padEnd(14)} ${label}`,
    row,
    actor,
    target,
    expected: (t) => resolve(e, t),
  });
  return [
    c("anonymous", "alice", "alice's", row.anon),
    c("alice", "alice", "own", row.member.own),
    c("alice", "bob", "bob's", row.member.other),
    c("bob", "bob", "own", row.member.own),
    c("bob", "alice", "alice's", row.member.other),
    c("admin", "admin", "own", row.admin.own),
    c("admin", "alice", "alice's", row.admin.other),
  ];
});

beforeAll(async () => {
  server = await startTestServer();
  callers.anonymous = new Caller(server.url);
  for (const name of ["alice", "bob", "admin"] as const)
    callers[name] = new Caller(server.url, await login(server.url, name));
  const templates = expectJson(await callers.admin.get("/api/v2/templates"), 200, S.TemplateList, "GET /templates");
  anyTemplate = templates[0];
  orgId = anyTemplate.organization_id;
  const all = await listWorkspaces(callers.admin);
  const adminWs = all.some((w) => w.owner_name === "admin") ? pickRunning(all, "admin") : await createAdminWorkspace();
  const byId = new Map(templates.map((t) => [t.id, t]));
  const target = (ws: WorkspaceT): Target => {
    const template = byId.get(ws.template_id);
    if (!template) throw new Error(`template ${ws.template_id} not listed`);
    return { ws, template };
  };
  targets.alice = target(pickRunning(all, "alice"));
  targets.bob = target(pickRunning(all, "bob"));
  targets.admin = target(adminWs);
});

afterAll(async () => {
  await server?.close();
});

async function refresh(which: keyof typeof targets): Promise<Target> {
  const current = targets[which];
  const reply = await callers.admin.get(`/api/v2/workspaces/${current.ws.id}`);
  targets[which] = { ...current, ws: expectJson(reply, 200, S.Workspace, "refresh target") };
  return targets[which];
}

async function createAdminWorkspace(): Promise<WorkspaceT> {
  const reply = await callers.admin.send("POST", "/api/v2/users/me/workspaces", {
    body: { template_id: anyTemplate.id, name: `rbac-admin-${Date.now().toString(36)}` },
  });
  const ws = expectJson(reply, 201, S.Workspace, "create admin workspace");
  return waitIdle(callers.admin, ws.id);
}

describe("RBAC: workspace-scoped endpoints", () => {
  it.each(CASES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    // Earlier rows change state (a null TTL clears the deadline, builds move on): writes are judged by
    // the target's current state; reads only need its ids.
    let t = c.row.method === "GET" ? targets[c.target] : await refresh(c.target);
    if (c.row.prepare && c.expected(t).some((s) => s < 300)) {
      await c.row.prepare(t);
      t = await refresh(c.target);
    }
    const path = fill(c.row.path, t);
    const status = await probe(callers[c.actor], c.row.method, path, c.row.kind ?? "http", c.row.body?.(t));
    expect(c.expected(t), `${c.actor} ${c.row.method} ${path}`).toContain(status);
  });
});

describe("RBAC: deployment-wide endpoints", () => {
  const cases = GLOBAL_ROWS.flatMap((row) =>
    (["anonymous", "alice", "bob", "admin"] as const).map((actor) => {
      const expected = actor === "anonymous" ? row.anon : actor === "admin" ? row.admin : row.member;
      return [`${actor.padEnd(9)} ${row.method} ${row.path} → ${expected}`, row, actor, expected] as const;
    }),
  );
  it.each(cases)("%s", async (_title, row, actor, expected) => {
    const path = fill(row.path, undefined, row.raw);
    const status = await probe(callers[actor], row.method, path, "http", undefined);
    expect(status).toBe(expected);
  });
});

describe("RBAC: refused writes change nothing", () => {
  it("bob's rename, build and favorite on alice's workspace leave it untouched", async () => {
    const before = expectJson(
      await callers.admin.get(`/api/v2/workspaces/${targets.alice.ws.id}`),
      200,
      S.Workspace,
      "before",
    );
    const path = `/api/v2/workspaces/${before.id}`;
    expect((await callers.bob.send("PATCH", path, { body: { name: "stolen" } })).status).toBe(404);
    expect((await callers.bob.send("POST", `${path}/builds`, { body: { transition: "stop" } })).status).toBe(404);
    expect((await callers.bob.send("PUT", `${path}/favorite`)).status).toBe(404);
    const after = expectJson(await callers.admin.get(path), 200, S.Workspace, "after");
    expect(after.name).toBe(before.name);
    expect(after.latest_build.id).toBe(before.latest_build.id);
    expect(after.favorite).toBe(before.favorite);
  });

  it("alice's attempt to create a workspace for bob creates nothing", async () => {
    const count = async () => (await listWorkspaces(callers.admin, "owner:bob")).length;
    const before = await count();
    const name = `sneaky-${Date.now().toString(36)}`;
    const reply = await callers.alice.send("POST", "/api/v2/users/bob/workspaces", {
      body: { template_id: targets.bob.template.id, name },
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(await count()).toBe(before);
  });

  it("a member cannot read another member's workspace through any search term", async () => {
    for (const q of ["owner:bob", `name:${targets.bob.ws.name}`, "", "owner:admin"]) {
      const reply = await request(server.url, "GET", `/api/v2/workspaces?q=${encodeURIComponent(q)}`, {
        token: callers.alice.token,
      });
      const body = expectJson(reply, 200, S.WorkspacesResponse, `alice q=${q}`);
      expect(
        body.workspaces.every((w) => w.owner_name === "alice"),
        `alice q=${q}`,
      ).toBe(true);
    }
  });
});
