// CODER_URL proxy mode, end to end: a built-in server U stands in for a real Coder deployment
// (it enforces Coder's CSRF rule), and a dashboard server D proxies it. Everything goes through
// D the way a browser page on D's origin would talk to it: only the HttpOnly cookie, `Origin` on
// writes and WebSocket handshakes. U is read directly only to compare what D relayed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import type {
  ProvisionerJobLog,
  Workspace,
  WorkspaceAgent,
  WorkspaceAgentLog,
  WorkspacesResponse,
} from "../../src/api/types";
import { parseFlags } from "../../src/server/cli/flags";
import { startServer, type RunningServer } from "../../src/server/main";
import { BrowserPage, send, WsClient, type SseEvent } from "./browser";

let upstream: RunningServer;
let dash: RunningServer;
let distDir: string;
let page: BrowserPage;

/** docs/conventions.md, verbatim. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:";
const INDEX_HTML = "<!doctype html><title>dashboard</title><div id=root></div>";

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), "proxy-dist-"));
  writeFileSync(path.join(distDir, "index.html"), INDEX_HTML);
  upstream = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, distDir: null });
  dash = await startServer({ port: 0, coderUrl: upstream.url, distDir });
  page = await signIn(dash.url);
});

afterAll(async () => {
  await dash?.close();
  await upstream?.close();
  rmSync(distDir, { recursive: true, force: true });
});

/** A page on `origin` signed in as alice through the dashboard's login call. */
async function signIn(origin: string): Promise<BrowserPage> {
  const b = new BrowserPage(origin);
  const reply = await b.write("POST", "/api/v2/users/login", { email: "alice@example.com", password: "coder-demo-1" });
  if (reply.status !== 201 || !b.cookie) throw new Error(`sign-in through ${origin}: ${reply.status} ${reply.text}`);
  return b;
}

/** Reads U directly with the token (what a real Coder would answer), to compare with D's relay. */
async function direct<T>(p: string, token: string): Promise<T> {
  const reply = await send(`${upstream.url}/api/v2${p}`, { headers: { "Coder-Session-Token": token } });
  expect(reply.status, `${p} at U`).toBe(200);
  return reply.json as T;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

const attrs = (setCookie: string) => setCookie.split(";").map((p) => p.trim().toLowerCase());

describe("CODER_URL proxy mode through the session bridge", () => {
  it("signs in with a cookie for the dashboard's own origin and no token in the body", async () => {
    const fresh = new BrowserPage(dash.url);
    const reply = await fresh.write("POST", "/api/v2/users/login", {
      email: "alice@example.com",
      password: "coder-demo-1",
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toEqual({});
    expect(reply.text).not.toMatch(/session_token/);
    const cookies = reply.headers.getSetCookie().filter((c) => c.startsWith("coder_session_token="));
    expect(cookies).toHaveLength(1);
    const a = attrs(cookies[0]);
    expect(a).toContain("httponly");
    expect(a).toContain("samesite=lax");
    expect(a).toContain("path=/");
    expect(a.some((x) => x.startsWith("domain="))).toBe(false);
    expect(a).not.toContain("secure");
    expect(fresh.cookie).toMatch(/\S{10,}/);
    // The token is U's: D only carries it.
    expect((await direct<{ username: string }>("/users/me", fresh.cookie!)).username).toBe("alice");
  });

  it("serves /users/me and the workspace list with only the cookie", async () => {
    const me = await page.get("/api/v2/users/me");
    expect(me.status).toBe(200);
    expect((me.json as { username: string }).username).toBe("alice");
    const list = await page.get(`/api/v2/workspaces?q=${encodeURIComponent("owner:me")}&limit=100`);
    expect(list.status).toBe(200);
    const { workspaces, count } = list.json as WorkspacesResponse;
    expect(count).toBeGreaterThan(5);
    expect(workspaces.map((w) => w.owner_name).every((o) => o === "alice")).toBe(true);
    expect(workspaces.map((w) => w.name)).toContain("stopped-ws");
  });

  it("passes a 401 from upstream through as 401 JSON", async () => {
    const anon = new BrowserPage(dash.url);
    const reply = await anon.get("/api/v2/users/me");
    expect(reply.status).toBe(401);
    expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
    expect(typeof (reply.json as { message?: unknown }).message).toBe("string");
    const stale = new BrowserPage(dash.url);
    stale.cookie = "not-a-session";
    expect((await stale.get("/api/v2/workspaces")).status).toBe(401);
  });

  it("refuses writes from another origin at the dashboard, before upstream sees them", async () => {
    const ws = (await page.get("/api/v2/users/alice/workspace/stopped-ws")).json as Workspace;
    const headers = { cookie: `coder_session_token=${page.cookie}`, "content-type": "application/json" };
    const body = JSON.stringify({ transition: "start" });
    const url = `${dash.url}/api/v2/workspaces/${ws.id}/builds`;
    const foreign: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const extra of foreign) {
      const res = await fetch(url, { method: "POST", headers: { ...headers, ...extra }, body });
      expect(res.status, JSON.stringify(extra)).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(((await res.json()) as { message: string }).message).toMatch(/origin/i);
    }
    const after = await direct<Workspace>(`/workspaces/${ws.id}`, page.cookie!);
    expect(after.latest_build.build_number).toBe(ws.latest_build.build_number);
  });

  it("starts a workspace while SSE and watch-ws stream live through the proxy; build and agent logs follow live", async () => {
    const ws = (await page.get("/api/v2/users/alice/workspace/stopped-ws")).json as Workspace;
    expect(ws.latest_build.status).toBe("stopped");

    const sse = await page.sse(`/api/v2/workspaces/${ws.id}/watch`);
    expect(sse.status).toBe(200);
    expect(sse.contentType).toMatch(/^text\/event-stream/);
    const wsWatch = page.ws(`/api/v2/workspaces/${ws.id}/watch-ws`);
    try {
      // Both arrive while the streams stay open: nothing is buffered until the end.
      expect((await sse.next()).event).toBe("ping");
      const first = await sse.next();
      expect(first.event).toBe("data");
      expect((first.data as Workspace).latest_build.status).toBe("stopped");
      const opening = (await wsWatch.waitFor((m) => m.length >= 2)).map(
        (m) => JSON.parse(m) as { type: string; data?: Workspace },
      );
      expect(opening.map((m) => m.type)).toEqual(["ping", "data"]);
      expect(opening[1].data?.id).toBe(ws.id);

      // U refuses cookie-only writes (Coder's CSRF rule): a 201 proves D copied the cookie into the header.
      const started = await page.write("POST", `/api/v2/workspaces/${ws.id}/builds`, { transition: "start" });
      expect(started.status).toBe(201);
      const build = started.json as Workspace["latest_build"];
      expect(build.transition).toBe("start");
      expect(build.build_number).toBe(ws.latest_build.build_number + 1);

      const logs = page.ws(`/api/v2/workspacebuilds/${build.id}/logs?follow&after=0`);

      const statuses: string[] = [];
      let latest = ws;
      while (latest.latest_build.status !== "running") {
        const ev: SseEvent = await sse.next(8000);
        if (ev.event !== "data") continue;
        latest = ev.data as Workspace;
        statuses.push(latest.latest_build.status);
      }
      expect(statuses).toContain("starting");

      // The job has succeeded; the agent now connects and its scripts stream logs in batches.
      const agent = latest.latest_build.resources.flatMap((r) => r.agents ?? [])[0];
      expect(agent).toBeDefined();
      const agentLogs = page.ws(`/api/v2/workspaceagents/${agent.id}/logs?follow=true&after=0`);

      const wsStatuses = () =>
        wsWatch.messages
          .map((m) => JSON.parse(m) as { type: string; data?: Workspace })
          .filter((m) => m.type === "data")
          .map((m) => m.data!.latest_build.status);
      await wsWatch.waitFor(() => wsStatuses().includes("running"), 8000);
      expect(wsStatuses()).toContain("starting");

      expect(await logs.closed()).toBe(1000);
      const relayed = logs.messages.map((m) => (JSON.parse(m) as ProvisionerJobLog).id);
      const atUpstream = (await direct<ProvisionerJobLog[]>(`/workspacebuilds/${build.id}/logs`, page.cookie!)).map(
        (l) => l.id,
      );
      expect(atUpstream.length).toBeGreaterThan(5);
      expect(relayed).toEqual(atUpstream);

      let lifecycle = agent.lifecycle_state;
      for (let i = 0; i < 80 && (lifecycle === "created" || lifecycle === "starting"); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        lifecycle = (await direct<WorkspaceAgent>(`/workspaceagents/${agent.id}`, page.cookie!)).lifecycle_state;
      }
      expect(lifecycle).toBe("ready");
      const agentAtUpstream = (
        await direct<WorkspaceAgentLog[]>(`/workspaceagents/${agent.id}/logs`, page.cookie!)
      ).map((l) => l.id);
      expect(agentAtUpstream.length).toBeGreaterThan(0);
      const agentIds = () => agentLogs.messages.flatMap((m) => (JSON.parse(m) as WorkspaceAgentLog[]).map((l) => l.id));
      await agentLogs.waitFor(() => agentIds().length >= agentAtUpstream.length);
      expect(agentIds()).toEqual(agentAtUpstream);
      // Opened while the agent was starting: a backlog array, then live batches.
      expect(agentLogs.messages.length).toBeGreaterThan(1);
      agentLogs.close();
    } finally {
      sse.close();
      wsWatch.close();
    }
  });

  it("follows a finished build's log (backlog, then 1000) and relays format=text", async () => {
    const ws = (await page.get("/api/v2/users/alice/workspace/dev")).json as Workspace;
    const buildId = ws.latest_build.id;
    const follow = page.ws(`/api/v2/workspacebuilds/${buildId}/logs?follow&after=0`);
    expect(await follow.closed()).toBe(1000);
    const atUpstream = await direct<ProvisionerJobLog[]>(`/workspacebuilds/${buildId}/logs`, page.cookie!);
    expect(follow.messages.map((m) => (JSON.parse(m) as ProvisionerJobLog).id)).toEqual(atUpstream.map((l) => l.id));

    const after = atUpstream[9].id;
    const resumed = page.ws(`/api/v2/workspacebuilds/${buildId}/logs?follow&after=${after}`);
    expect(await resumed.closed()).toBe(1000);
    expect(resumed.messages.map((m) => (JSON.parse(m) as ProvisionerJobLog).id)).toEqual(
      atUpstream.slice(10).map((l) => l.id),
    );

    const text = await page.get(`/api/v2/workspacebuilds/${buildId}/logs?format=text`);
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    const textAtUpstream = await send(`${upstream.url}/api/v2/workspacebuilds/${buildId}/logs?format=text`, {
      headers: { "Coder-Session-Token": page.cookie! },
    });
    expect(text.text).toBe(textAtUpstream.text);
    expect(text.text.split("\n").filter(Boolean).length).toBe(atUpstream.length);
  });

  it("follows agent logs through the proxy (backlog array first)", async () => {
    const ws = (await page.get("/api/v2/users/alice/workspace/dev")).json as Workspace;
    const agent = ws.latest_build.resources.flatMap((r) => r.agents ?? [])[0];
    expect(agent).toBeDefined();
    const atUpstream = await direct<WorkspaceAgentLog[]>(`/workspaceagents/${agent.id}/logs`, page.cookie!);
    expect(atUpstream.length).toBeGreaterThan(0);
    const follow = page.ws(`/api/v2/workspaceagents/${agent.id}/logs?follow=true&after=0`);
    try {
      const [backlog] = await follow.waitFor((m) => m.length >= 1);
      const parsed = JSON.parse(backlog) as WorkspaceAgentLog[];
      expect(Array.isArray(parsed)).toBe(true);
      expect(parsed.map((l) => l.id)).toEqual(atUpstream.map((l) => l.id));
    } finally {
      follow.close();
    }
    expect(await follow.closed()).toBe(1000);
  });

  it("refuses a WebSocket from another origin and relays upstream's refusal of a bad session", async () => {
    const ws = (await page.get("/api/v2/users/alice/workspace/dev")).json as Workspace;
    const refused = await new WsClient(`${dash.url.replace(/^http/, "ws")}/api/v2/workspaces/${ws.id}/watch-ws`, {
      origin: "https://evil.example",
      cookie: `coder_session_token=${page.cookie}`,
    }).refusal();
    expect(refused.status).toBe(403);
    const anon = new BrowserPage(dash.url);
    anon.cookie = "not-a-session";
    const unauth = await anon.ws(`/api/v2/workspaces/${ws.id}/watch-ws`).refusal();
    expect(unauth.status).toBe(401);
    expect(unauth.contentType).toMatch(/json/);
  });

  it("proxies /icon/* and /emojis/* to the deployment and says so in /config.json", async () => {
    for (const p of ["/icon/docker.svg", "/emojis/1f4bb.png"]) {
      const viaDash = await send(dash.url + p);
      const atUpstream = await send(upstream.url + p);
      expect(viaDash.status, p).toBe(200);
      expect(viaDash.headers.get("content-type")).toBe(atUpstream.headers.get("content-type"));
      expect(viaDash.text).toBe(atUpstream.text);
      // SVG documents on the dashboard's origin: the same CSP as every page.
      expect(viaDash.headers.get("content-security-policy")).toBe(CSP);
      expect(viaDash.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const config = await send(`${dash.url}/config.json`);
    expect(config.json).toEqual({ mode: "proxy", appOrigin: new URL(upstream.url).origin });
  });

  it("serves the SPA with the CSP and keeps unknown API paths JSON", async () => {
    const spa = await send(`${dash.url}/workspaces`);
    expect(spa.status).toBe(200);
    expect(spa.text).toBe(INDEX_HTML);
    expect(spa.headers.get("content-security-policy")).toBe(CSP);
    const missing = await page.get("/api/v2/nonexistent");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("turns a pasted token into the cookie via /auth/token", async () => {
    const pasted = new BrowserPage(dash.url);
    const bad = await pasted.write("POST", "/auth/token", { token: "nope" });
    expect(bad.status).toBe(401);
    expect(pasted.cookie).toBeUndefined();
    const ok = await pasted.write("POST", "/auth/token", { token: page.cookie });
    expect(ok.status).toBe(200);
    expect(pasted.cookie).toBe(page.cookie);
    expect(attrs(ok.headers.getSetCookie()[0])).toContain("httponly");
    expect(((await pasted.get("/api/v2/users/me")).json as { username: string }).username).toBe("alice");
  });

  it("signs out: the dashboard's cookie is cleared and the session ends upstream", async () => {
    const leaving = await signIn(dash.url);
    const old = leaving.cookie!;
    const reply = await leaving.write("POST", "/api/v2/users/logout");
    expect(reply.status).toBe(200);
    const cleared = reply.headers.getSetCookie().filter((c) => c.startsWith("coder_session_token="));
    expect(cleared).toHaveLength(1);
    const a = attrs(cleared[0]);
    expect(a[0]).toBe("coder_session_token=");
    expect(a).toContain("max-age=0");
    expect(a).toContain("path=/");
    expect(a.some((x) => x.startsWith("domain="))).toBe(false);
    expect(leaving.cookie).toBeUndefined();
    expect((await leaving.get("/api/v2/users/me")).status).toBe(401);
    const replay = new BrowserPage(dash.url);
    replay.cookie = old;
    expect((await replay.get("/api/v2/users/me")).status).toBe(401);
  });

  it("answers a clean 502 JSON when the deployment is down, and keeps serving", async () => {
    const down = await startServer({ port: 0, coderUrl: `http://127.0.0.1:${await closedPort()}`, distDir: null });
    try {
      const b = new BrowserPage(down.url);
      for (const reply of [
        await b.get("/api/v2/users/me"),
        await b.write("POST", "/api/v2/users/login", { email: "alice@example.com", password: "coder-demo-1" }),
      ]) {
        expect(reply.status).toBe(502);
        expect(reply.headers.get("content-type")).toMatch(/^application\/json/);
        expect((reply.json as { message: string }).message).toMatch(/could not be reached/);
      }
      expect((await send(`${down.url}/icon/docker.svg`)).status).toBe(502);
      // Not "token rejected": nothing is known about the token.
      const token = await b.write("POST", "/auth/token", { token: "whatever" });
      expect(token.status).toBe(502);
      expect((token.json as { message: string }).message).toMatch(/could not be checked/);
      expect(b.cookie).toBeUndefined();
      const refused = await b.ws("/api/v2/workspaces/00000000-0000-0000-0000-000000000000/watch-ws").refusal();
      expect(refused.status).toBe(502);
      expect(refused.contentType).toMatch(/^application\/json/);
      expect((JSON.parse(refused.body) as { message: string }).message).toMatch(/could not be reached/);
      expect((await send(`${down.url}/healthz`)).status).toBe(200);
    } finally {
      await down.close();
    }
  });
});

describe("what reaches the deployment", () => {
  it("carries the session as the Coder-Session-Token header, not as a cookie the deployment would refuse on writes", async () => {
    // A relay in front of U records each request and drops its Cookie header, so U's own bridge
    // cannot help: only the header the dashboard sets can authenticate the write.
    const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
    const relay = createHttpServer((req, res) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      const headers = { ...req.headers };
      delete headers.cookie;
      const out = httpRequest(new URL(req.url ?? "/", upstream.url), { method: req.method, headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(out);
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const relayed = await startServer({
      port: 0,
      coderUrl: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
      distDir: null,
    });
    try {
      const b = new BrowserPage(relayed.url);
      expect(
        (await b.write("POST", "/api/v2/users/login", { email: "alice@example.com", password: "coder-demo-1" })).status,
      ).toBe(201);
      expect(b.cookie).toBeDefined();
      const ws = (await b.get("/api/v2/users/alice/workspace/outdated")).json as Workspace;
      expect((await b.write("PUT", `/api/v2/workspaces/${ws.id}/favorite`)).status).toBe(204);
      const put = seen.find((r) => r.method === "PUT")!;
      expect(put.headers["coder-session-token"]).toBe(b.cookie);
      // The browser's own Origin and fetch metadata stay at the dashboard.
      expect(put.headers.origin).not.toBe(relayed.url);
      expect(put.headers["sec-fetch-site"]).toBeUndefined();
      expect(seen.find((r) => r.method === "GET")!.headers["coder-session-token"]).toBe(b.cookie);
      expect((await b.write("DELETE", `/api/v2/workspaces/${ws.id}/favorite`)).status).toBe(204);
    } finally {
      await relayed.close();
      relay.closeAllConnections();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    }
  });
});

describe("icons from a deployment that compresses anyway", () => {
  it("relays a gzip-encoded icon as a plain, correctly framed body", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>`;
    const zipped = gzipSync(svg);
    const cdn = createHttpServer((_req, res) => {
      res.writeHead(200, {
        "content-type": "image/svg+xml",
        "content-encoding": "gzip",
        "content-length": String(zipped.length),
      });
      res.end(zipped);
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    const viaCdn = await startServer({
      port: 0,
      coderUrl: `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`,
      distDir: null,
    });
    try {
      const reply = await send(`${viaCdn.url}/icon/box.svg`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-encoding")).toBeNull();
      expect(reply.text).toBe(svg);
    } finally {
      await viaCdn.close();
      cdn.closeAllConnections();
      await new Promise<void>((resolve) => cdn.close(() => resolve()));
    }
  });
});

describe("streams that die upstream", () => {
  it("end the browser's stream abnormally too, so the client reconnects (SSE reset, WS 1006)", async () => {
    const dropping = await startServer({
      port: 0,
      speed: 50,
      ambient: false,
      failureRate: 0,
      distDir: null,
      dropStreamsAfterMs: 300,
    });
    const front = await startServer({ port: 0, coderUrl: dropping.url, distDir: null });
    try {
      const b = await signIn(front.url);
      const ws = (await b.get("/api/v2/users/alice/workspace/dev")).json as Workspace;
      const sse = await b.sse(`/api/v2/workspaces/${ws.id}/watch`);
      expect((await sse.next()).event).toBe("ping");
      expect((await sse.next()).event).toBe("data");
      // Not a silent hang: the relay fails as the upstream did.
      await expect(sse.next(3000)).rejects.toThrow(/terminated|ended/);
      const watch = b.ws(`/api/v2/workspaces/${ws.id}/watch-ws`);
      expect(await watch.closed(3000)).toBe(1006);
      expect(watch.messages.length).toBeGreaterThanOrEqual(2);
      const follow = b.ws(
        `/api/v2/workspaceagents/${ws.latest_build.resources.flatMap((r) => r.agents ?? [])[0].id}/logs?follow=true`,
      );
      expect(await follow.closed(3000)).toBe(1006);
    } finally {
      await front.close();
      await dropping.close();
    }
  });
});

describe("WebSocket proxying against a slow deployment", () => {
  it("drops the upstream socket when the browser leaves during the handshake", async () => {
    // A deployment that takes 300 ms to accept a WebSocket; it records what it accepted.
    const wss = new WebSocketServer({ noServer: true });
    const accepted: WebSocket[] = [];
    const slow = createHttpServer((_req, res) => res.writeHead(404).end());
    slow.on("upgrade", (req, socket, head) =>
      setTimeout(() => wss.handleUpgrade(req, socket, head, (ws) => accepted.push(ws)), 300),
    );
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const fake = await startServer({
      port: 0,
      coderUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`,
      distDir: null,
    });
    try {
      const leaver = new BrowserPage(fake.url).ws("/api/v2/workspaces/00000000-0000-0000-0000-000000000000/watch-ws");
      await new Promise((resolve) => setTimeout(resolve, 100));
      leaver.terminate();
      const deadline = Date.now() + 3000;
      while (!(accepted.length === 1 && accepted[0].readyState === WebSocket.CLOSED) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(accepted.length).toBe(1);
      expect(accepted[0].readyState).toBe(WebSocket.CLOSED);
    } finally {
      await fake.close();
      for (const ws of accepted) ws.terminate();
      wss.close();
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});

describe("CODER_SESSION_TOKEN injection", () => {
  it("answers with the injected token when the request has no session, on 127.0.0.1 by default", async () => {
    const login = await send(`${upstream.url}/api/v2/users/login`, {
      method: "POST",
      body: { email: "bob@example.com", password: "coder-demo-1" },
    });
    const token = (login.json as { session_token: string }).session_token;
    const local = await startServer({ port: 0, coderUrl: upstream.url, coderSessionToken: token });
    try {
      expect(new URL(local.url).hostname).toBe("127.0.0.1");
      const b = new BrowserPage(local.url);
      const me = await b.get("/api/v2/users/me");
      expect(me.status).toBe(200);
      expect((me.json as { username: string }).username).toBe("bob");
      // The injected token must not turn another origin's page into bob.
      const ws = (await b.get("/api/v2/users/bob/workspace/sandbox")).json as Workspace;
      const foreign = await send(`${local.url}/api/v2/workspaces/${ws.id}/builds`, {
        method: "POST",
        headers: { origin: "https://evil.example" },
        body: { transition: "stop" },
      });
      expect(foreign.status).toBe(403);
      const watch = b.ws(`/api/v2/workspaces/${ws.id}/watch-ws`);
      expect((await watch.waitFor((m) => m.length >= 2)).map((m) => (JSON.parse(m) as { type: string }).type)).toEqual([
        "ping",
        "data",
      ]);
      watch.close();
      // "Sign out" in this mode must not revoke the operator's token at the deployment.
      expect((await b.write("POST", "/api/v2/users/logout")).status).toBe(401);
      expect((await direct<{ username: string }>("/users/me", token)).username).toBe("bob");
      expect((await b.get("/api/v2/users/me")).status).toBe(200);
    } finally {
      await local.close();
    }
    const cli = parseFlags([], { CODER_URL: upstream.url, CODER_SESSION_TOKEN: token }, { ambient: true, port: 3000 });
    expect(cli.options.coderSessionToken).toBe(token);
    expect(cli.options.host).toBe("127.0.0.1");
  });
});
