// Hostile and malformed input: every case gets a clean 4xx JSON error body ({message, detail?,
// validations?}) — never a 5xx, never a hang — the rejected writes change nothing, and the server
// keeps answering /healthz afterwards.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Caller,
  expectJson,
  listWorkspaces,
  login,
  pickRunning,
  startTestServer,
  type Reply,
  type TestServer,
  type WorkspaceT,
} from "../contract/harness";
import * as S from "../contract/shapes";

let server: TestServer;
let alice: Caller;
let ws: WorkspaceT;
let templateId: string;
let buildCountBefore: number;

type Ctx = { ws: WorkspaceT; templateId: string };

interface Case {
  what: string;
  method: string;
  path: (c: Ctx) => string;
  body?: (c: Ctx) => unknown;
  raw?: (c: Ctx) => string;
  /** A specific status, or any 4xx. */
  status: number | "4xx";
  /** Field names that must appear in `validations`. */
  fields?: string[];
  /** `validations` must be present and non-empty. */
  validations?: boolean;
}

const MB = 1024 * 1024;
const w = (c: Ctx) => `/api/v2/workspaces/${c.ws.id}`;
const b = (c: Ctx) => `/api/v2/workspacebuilds/${c.ws.latest_build.id}`;
const agent = (c: Ctx) =>
  `/api/v2/workspaceagents/${c.ws.latest_build.resources.flatMap((r) => r.agents ?? [])[0]?.id}`;
const create = (name: string) => (c: Ctx) => ({ template_id: c.templateId, name });

// prettier-ignore
const CASES: Case[] = [
  // Malformed JSON
  { what: "build: truncated JSON",              method: "POST",  path: (c) => `${w(c)}/builds`, raw: () => '{"transition": "start"', status: 400 },
  { what: "build: not JSON at all",             method: "POST",  path: (c) => `${w(c)}/builds`, raw: () => "transition=start", status: 400 },
  { what: "rename: trailing garbage",           method: "PATCH", path: w, raw: () => '{"name":"x"}}}', status: 400 },
  { what: "ttl: lone bracket",                  method: "PUT",   path: (c) => `${w(c)}/ttl`, raw: () => "[", status: 400 },
  { what: "login: malformed JSON",              method: "POST",  path: () => "/api/v2/users/login", raw: () => "{email:", status: 400 },
  { what: "build: deeply nested array",        method: "POST",  path: (c) => `${w(c)}/builds`, raw: () => "[".repeat(20_000) + "]".repeat(20_000), status: 400 },
  // Wrong types
  { what: "build: transition is a number",      method: "POST",  path: (c) => `${w(c)}/builds`, body: () => ({ transition: 42 }), status: 400 },
  { what: "build: body is an array",            method: "POST",  path: (c) => `${w(c)}/builds`, body: () => ["start"], status: 400 },
  { what: "build: body is null",                method: "POST",  path: (c) => `${w(c)}/builds`, raw: () => "null", status: 400 },
  { what: "build: rich_parameter_values object", method: "POST", path: (c) => `${w(c)}/builds`, body: () => ({ transition: "start", rich_parameter_values: { a: 1 } }), status: 400 },
  { what: "ttl: ttl_ms is a string",            method: "PUT",   path: (c) => `${w(c)}/ttl`, body: () => ({ ttl_ms: "an hour" }), status: 400 },
  { what: "ttl: ttl_ms negative",               method: "PUT",   path: (c) => `${w(c)}/ttl`, body: () => ({ ttl_ms: -5 }), status: 400 },
  { what: "ttl: ttl_ms astronomically large",   method: "PUT",   path: (c) => `${w(c)}/ttl`, body: () => ({ ttl_ms: 1e30 }), status: 400 },
  { what: "dormant: dormant is a string",       method: "PUT",   path: (c) => `${w(c)}/dormant`, body: () => ({ dormant: "yes" }), status: 400 },
  { what: "rename: name is a number",           method: "PATCH", path: w, body: () => ({ name: 123 }), status: 400 },
  { what: "extend: deadline not a date",        method: "PUT",   path: (c) => `${w(c)}/extend`, body: () => ({ deadline: "tomorrow" }), status: 400 },
  { what: "login: fields of the wrong type",    method: "POST",  path: () => "/api/v2/users/login", body: () => ({ email: 1, password: [] }), status: 400 },
  { what: "login: empty object",                method: "POST",  path: () => "/api/v2/users/login", body: () => ({}), status: 400 },
  { what: "create: template_id not a UUID",     method: "POST",  path: () => "/api/v2/users/me/workspaces", body: () => ({ template_id: "docker", name: "ok-name" }), status: 400 },
  // Unknown enum values
  { what: "build: transition \"fly\"",          method: "POST",  path: (c) => `${w(c)}/builds`, body: () => ({ transition: "fly" }), status: 400 },
  { what: "build: log_level \"verbose\"",       method: "POST",  path: (c) => `${w(c)}/builds`, body: () => ({ transition: "start", log_level: "verbose" }), status: 400 },
  { what: "autoupdates: \"sometimes\"",         method: "PUT",   path: (c) => `${w(c)}/autoupdates`, body: () => ({ automatic_updates: "sometimes" }), status: 400, fields: ["automatic_updates"] },
  { what: "cancel: expect_status=flying",       method: "PATCH", path: (c) => `${b(c)}/cancel?expect_status=flying`, status: 400 },
  { what: "logs: format=xml",                   method: "GET",   path: (c) => `${b(c)}/logs?format=xml`, status: 400 },
  { what: "autostart: schedule is not cron",    method: "PUT",   path: (c) => `${w(c)}/autostart`, body: () => ({ schedule: "whenever I feel like it" }), status: 400, fields: ["schedule"] },
  // Invalid UUIDs
  { what: "workspace id not a UUID",            method: "GET",   path: () => "/api/v2/workspaces/not-a-uuid", status: 400 },
  { what: "build id not a UUID",                method: "GET",   path: () => "/api/v2/workspacebuilds/1234", status: 400 },
  { what: "agent id not a UUID",                method: "GET",   path: () => "/api/v2/workspaceagents/%00%01/logs", status: 400 },
  { what: "build on a non-UUID workspace",      method: "POST",  path: () => "/api/v2/workspaces/zzz/builds", body: () => ({ transition: "start" }), status: 400 },
  { what: "builds: after_id not a UUID",        method: "GET",   path: (c) => `${w(c)}/builds?after_id=yesterday`, status: 400 },
  { what: "template version not a UUID",        method: "GET",   path: () => "/api/v2/templateversions/v1", status: 400 },
  // Pagination and cursors
  { what: "workspaces: limit=-1",               method: "GET",   path: () => "/api/v2/workspaces?limit=-1", status: 400 },
  { what: "workspaces: offset=-5",              method: "GET",   path: () => "/api/v2/workspaces?offset=-5", status: 400 },
  { what: "workspaces: limit beyond int32",     method: "GET",   path: () => "/api/v2/workspaces?limit=99999999999999", status: 400 },
  { what: "workspaces: limit=abc",              method: "GET",   path: () => "/api/v2/workspaces?limit=abc", status: 400 },
  { what: "builds: offset=1e9999",              method: "GET",   path: (c) => `${w(c)}/builds?offset=1e9999`, status: 400 },
  { what: "builds: since not a date",           method: "GET",   path: (c) => `${w(c)}/builds?since=last-week`, status: 400 },
  { what: "build logs: after=abc",              method: "GET",   path: (c) => `${b(c)}/logs?after=abc`, status: 400 },
  { what: "build logs: after=1.5",              method: "GET",   path: (c) => `${b(c)}/logs?after=1.5`, status: 400 },
  { what: "agent logs: after=NaN",              method: "GET",   path: (c) => `${agent(c)}/logs?after=NaN`, status: 400 },
  // Long input
  { what: "workspaces: 10 kB of unknown keys",  method: "GET",   path: () => `/api/v2/workspaces?q=${"foo:bar+".repeat(1250)}`, status: 400, validations: true },
  // Names: Coder's rule ^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$, at most 32 characters
  { what: "create: Cyrillic name",              method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("тест"), status: 400, fields: ["name"] },
  { what: "create: RTL override in name",       method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("dev\u202Eexe.txt"), status: 400, fields: ["name"] },
  { what: "create: Arabic name",                method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("مساحة"), status: 400, fields: ["name"] },
  { what: "create: emoji name",                 method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("dev-😀"), status: 400, fields: ["name"] },
  { what: "create: zero-width joiner in name",  method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("de\u200Dv"), status: 400, fields: ["name"] },
  { what: "create: markup in name",             method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("<script>"), status: 400, fields: ["name"] },
  { what: "create: 33 characters",              method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("a".repeat(33)), status: 400, fields: ["name"] },
  { what: "create: leading hyphen",             method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("-dev"), status: 400, fields: ["name"] },
  { what: "create: double hyphen",              method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("dev--box"), status: 400, fields: ["name"] },
  { what: "create: space in name",              method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create("my box"), status: 400, fields: ["name"] },
  { what: "create: empty name",                 method: "POST",  path: () => "/api/v2/users/me/workspaces", body: create(""), status: 400, fields: ["name"] },
  { what: "rename: RTL override",               method: "PATCH", path: w, body: () => ({ name: "a\u202Eb" }), status: 400, fields: ["name"] },
  { what: "rename: 40 characters",              method: "PATCH", path: w, body: () => ({ name: "b".repeat(40) }), status: 400, fields: ["name"] },
];

async function send(c: Case): Promise<Reply> {
  const ctx = { ws, templateId };
  const path = c.path(ctx);
  if (c.raw) return alice.send(c.method, path, { rawBody: c.raw(ctx) });
  return alice.send(c.method, path, c.body ? { body: c.body(ctx) } : {});
}

async function buildsOf(id: string) {
  return expectJson(await alice.get(`/api/v2/workspaces/${id}/builds`), 200, S.WorkspaceBuildList, "GET builds");
}

beforeAll(async () => {
  server = await startTestServer();
  alice = new Caller(server.url, await login(server.url, "alice"));
  ws = pickRunning(await listWorkspaces(alice), "alice");
  templateId = ws.template_id;
  buildCountBefore = (await buildsOf(ws.id)).length;
});

afterAll(async () => {
  await server?.close();
});

describe("bad input → clean 4xx JSON", () => {
  it.each(CASES.map((c) => [c.what, c] as const))("%s", async (_what, c) => {
    const reply = await send(c);
    expect(reply.status, `${c.what}: ${reply.text.slice(0, 200)}`).toBeLessThan(500);
    if (c.status === "4xx") expect(reply.status).toBeGreaterThanOrEqual(400);
    const err = expectJson(reply, c.status === "4xx" ? reply.status : c.status, S.ErrorResponse, c.what);
    if (c.validations) expect(err.validations?.length ?? 0, `${c.what}: validations`).toBeGreaterThan(0);
    for (const field of c.fields ?? []) {
      expect(
        err.validations?.map((v) => v.field),
        `${c.what}: validation on ${field}`,
      ).toContain(field);
    }
  });
});

/**
 * Raw HTTP on a connection of its own (`agent: false`), so a socket the server drops after refusing
 * a huge body cannot break a later, unrelated request of this file.
 */
function rawRequest(
  method: string,
  path: string,
  body: string,
  agent: http.Agent | false,
  token = alice.token,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      server.url + path,
      {
        method,
        agent,
        headers: { "Content-Type": "application/json", ...(token ? { "Coder-Session-Token": token } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        answered = true;
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers.set(k, v);
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers, text, json });
        });
      },
    );
    req.setTimeout(3_000, () => req.destroy(new Error(`no answer within 3 s to ${method} ${path}`)));
    // Once the answer is in, a reset of the rest of an oversized upload is expected; before, it is a failure.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    req.end(body);
  });
}

const hugeBuild = () => JSON.stringify({ transition: "start", reason: "x".repeat(MB + 1024) });

describe("bodies over 1 MB", () => {
  it("a build request over 1 MB → 413 JSON", async () => {
    const reply = await rawRequest("POST", `/api/v2/workspaces/${ws.id}/builds`, hugeBuild(), false);
    expectJson(reply, 413, S.ErrorResponse, "POST builds (1 MB)");
  });

  it("a login over 1 MB → 413 JSON", async () => {
    const body = JSON.stringify({ email: "a@example.com", password: "p".repeat(2 * MB) });
    const reply = await rawRequest("POST", "/api/v2/users/login", body, false, undefined);
    expectJson(reply, 413, S.ErrorResponse, "POST /users/login (2 MB)");
  });

  it("after a 413 the kept-alive connection still serves requests (or the 413 said Connection: close)", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await rawRequest("POST", `/api/v2/workspaces/${ws.id}/builds`, hugeBuild(), agent);
      expect(refused.status).toBe(413);
      if (refused.headers.get("connection")?.toLowerCase() === "close") return;
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 20));
        const next = await rawRequest("GET", "/api/v2/users/me", "", agent).catch((e: Error) => e);
        expect(next instanceof Error ? `request ${i + 1}: ${next.message}` : next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});

describe("long but well-formed input", () => {
  it("a 10 kB bare-word query is a name search: 200 with no match, or a 400 — never a 5xx", async () => {
    const reply = await alice.get(`/api/v2/workspaces?q=${"a".repeat(10 * 1024)}`);
    if (reply.status === 200) {
      expect(expectJson(reply, 200, S.WorkspacesResponse, "10 kB q").workspaces).toEqual([]);
    } else {
      expectJson(reply, 400, S.ErrorResponse, "10 kB q");
    }
  });

  it("a 32-character name that follows the rule is accepted (the rule is not stricter than Coder's)", async () => {
    const name = `z${Date.now().toString(36)}`.padEnd(32, "9");
    const reply = await alice.send("POST", "/api/v2/users/me/workspaces", { body: { template_id: templateId, name } });
    if (reply.status !== 201) throw new Error(`create ${name}: ${reply.status} ${reply.text}`);
    expect(expectJson(reply, 201, S.Workspace, "create 32 chars").name).toBe(name);
  });
});

describe("after the barrage", () => {
  it("no rejected write created a build or renamed the workspace", async () => {
    expect((await buildsOf(ws.id)).length).toBe(buildCountBefore);
    const now = expectJson(await alice.get(`/api/v2/workspaces/${ws.id}`), 200, S.Workspace, "workspace after");
    expect(now.name).toBe(ws.name);
  });

  it("the server still answers /healthz and authenticated reads", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expectJson(await alice.get("/api/v2/users/me"), 200, S.User, "GET /users/me after");
  });
});
