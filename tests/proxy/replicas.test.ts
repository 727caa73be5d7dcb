import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { Workspace } from "../../src/api/types";
import { startServer, type RunningServer } from "../../src/server/main";

// Two dashboard replicas behind one public address (the load balancer's: here replica A's host),
// one upstream Coder (the built-in server with its OAuth2 provider). Sign in through one replica,
// use the session through the other: nothing of the sign-in may live in either process.

let upstream: RunningServer;
let a: RunningServer;
let b: RunningServer;
const TTL_S = 3;

beforeAll(async () => {
  upstream = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, oauth2TokenTtl: TTL_S });
  a = await startServer({ port: 0, coderUrl: upstream.url, sessionSecret: "replica-shared-secret" });
  b = await startServer({ port: 0, coderUrl: upstream.url, sessionSecret: "replica-shared-secret" });
});
afterAll(async () => {
  await a.close();
  await b.close();
  await upstream.close();
});

/** A browser's cookie jar, for one host. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(setCookies: string[]): void {
    for (const sc of setCookies) {
      const [pair] = sc.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i);
      if (/max-age=0/i.test(sc)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(i + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

interface Answer {
  status: number;
  location: string | undefined;
  setCookies: string[];
  body: string;
}

/** One HTTP request to `server` as if addressed to `host` (what a load balancer does). */
function send(
  server: RunningServer,
  path: string,
  opts: { host?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        method: opts.method ?? "GET",
        headers: { host: opts.host ?? `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const sc = res.headers["set-cookie"] ?? [];
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            setCookies: sc,
            body: Buffer.concat(chunks).toString(),
          });
        });
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

const publicHost = () => `127.0.0.1:${a.port}`;
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** Through replica A up to Coder's answer: the callback URL and the browser's cookies. */
async function startOnA(jar: Jar): Promise<string> {
  const start = await send(a, "/auth/oauth/start?redirect=%2F%40alice%2Fdev", { headers: { cookie: jar.header() } });
  expect(start.status).toBe(302);
  jar.take(start.setCookies);
  const authorize = new URL(start.location!);
  expect(authorize.origin).toBe(upstream.url);
  expect(authorize.pathname).toBe("/oauth2/authorize");
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("redirect_uri")).toBe(`http://${publicHost()}/auth/oauth/callback`);
  const consent = await send(upstream, pathOf(authorize.toString()));
  expect(consent.status).toBe(200);
  expect(consent.body).toContain("Authorize Workspaces dashboard");
  const allow = await send(upstream, pathOf(authorize.toString()), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "alice@example.com", password: "coder-demo-1" }).toString(),
  });
  expect(allow.status).toBe(302);
  return allow.location!;
}

function sseFirstEvent(server: RunningServer, path: string, cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: server.port, path, headers: { host: publicHost(), cookie } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE ${res.statusCode}`));
        let buf = "";
        res.on("data", (c: Buffer) => {
          buf += c.toString();
          const frame = buf.split("\n\n")[0];
          if (buf.includes("\n\n")) {
            req.destroy();
            resolve(frame.split("\n")[0]);
          }
        });
      },
    );
    req.on("error", (err) => (err.message.includes("aborted") ? undefined : reject(err)));
    req.end();
  });
}

function wsFirstMessage(server: RunningServer, path: string, cookie: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers: { cookie, host: publicHost() } });
    ws.once("message", (m) => {
      resolve(m.toString());
      ws.close(1000);
    });
    ws.once("unexpected-response", (_req, res) => reject(new Error(`WebSocket refused: ${res.statusCode}`)));
    ws.once("error", reject);
  });
}

describe("two replicas, one sign-in", () => {
  it("signs in through one replica and uses the session (HTTP, SSE, WebSocket) through the other, refreshed and revoked there", async () => {
    const jar = new Jar();
    const callback = await startOnA(jar);
    expect(new URL(callback).host).toBe(publicHost());

    // Coder's answer lands on replica B: the flow cookie alone finishes the sign-in.
    const done = await send(b, pathOf(callback), { host: publicHost(), headers: { cookie: jar.header() } });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/@alice/dev");
    jar.take(done.setCookies);
    expect(jar.cookies.has("coder_dashboard_oauth_flow")).toBe(false);
    expect(jar.cookies.has("coder_session_token")).toBe(true);
    for (const sc of done.setCookies) expect(sc).toMatch(/HttpOnly/);
    // The refresh token and client secret are sealed: not readable in the cookie.
    expect(decodeURIComponent(jar.cookies.get("coder_dashboard_oauth")!)).not.toMatch(/coder_[0-9a-f]{10}_/);

    const me = await send(b, "/api/v2/users/me", { host: publicHost(), headers: { cookie: jar.header() } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).username).toBe("alice");

    const ws = JSON.parse(
      (await send(b, "/api/v2/users/alice/workspace/dev", { host: publicHost(), headers: { cookie: jar.header() } }))
        .body,
    ) as Workspace;
    expect(await sseFirstEvent(b, `/api/v2/workspaces/${ws.id}/watch`, jar.header())).toMatch(/^event: /);
    const message = JSON.parse(await wsFirstMessage(b, `/api/v2/workspaces/${ws.id}/watch-ws`, jar.header()));
    expect(message).toHaveProperty("type");

    // Past half of the token's life the next request through B refreshes it.
    const before = jar.cookies.get("coder_session_token")!;
    await new Promise((r) => setTimeout(r, (TTL_S * 1000) / 2 + 200));
    const later = await send(b, "/api/v2/users/me", { host: publicHost(), headers: { cookie: jar.header() } });
    expect(later.status).toBe(200);
    jar.take(later.setCookies);
    const after = jar.cookies.get("coder_session_token")!;
    expect(after).not.toBe(before);
    const old = await fetch(`${upstream.url}/api/v2/users/me`, { headers: { "Coder-Session-Token": before } });
    expect(old.status).toBe(401);

    // Signing out through A revokes the refreshed token on Coder.
    const out = await send(a, "/api/v2/users/logout", {
      host: publicHost(),
      method: "POST",
      headers: { cookie: jar.header(), origin: `http://${publicHost()}` },
    });
    expect(out.status).toBe(200);
    jar.take(out.setCookies);
    expect(jar.cookies.size).toBe(0);
    const revoked = await fetch(`${upstream.url}/api/v2/users/me`, { headers: { "Coder-Session-Token": after } });
    expect(revoked.status).toBe(401);
  });

  it("a refresh two replicas race for: the loser asks for a retry and keeps the winner's cookies; the retry goes through", async () => {
    const jar = new Jar();
    const callback = await startOnA(jar);
    const done = await send(a, pathOf(callback), { host: publicHost(), headers: { cookie: jar.header() } });
    jar.take(done.setCookies);
    await new Promise((r) => setTimeout(r, (TTL_S * 1000) / 2 + 200));

    // The page's parallel requests, split by the load balancer, both past half of the token's life.
    const cookie = jar.header();
    const answers = await Promise.all(
      [a, b].map((replica) => send(replica, "/api/v2/users/me", { host: publicHost(), headers: { cookie } })),
    );
    const won = answers.findIndex((x) => x.status === 200);
    const lost = answers.findIndex((x) => x.status === 503);
    expect([won, lost].sort()).toEqual([0, 1]);
    expect(JSON.parse(answers[lost].body).message).toMatch(/Try again/);
    // Worst order for the browser: the winner's new cookies first, then the loser's answer.
    jar.take(answers[won].setCookies);
    const renewed = jar.cookies.get("coder_session_token");
    jar.take(answers[lost].setCookies);
    expect(jar.cookies.get("coder_session_token")).toBe(renewed);
    expect(jar.cookies.has("coder_dashboard_oauth")).toBe(true);

    const retry = await send([a, b][lost], "/api/v2/users/me", {
      host: publicHost(),
      headers: { cookie: jar.header() },
    });
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.body).username).toBe("alice");
  });

  it("a refresh token that is really dead: one retry, then the session ends", async () => {
    const jar = new Jar();
    const callback = await startOnA(jar);
    const done = await send(a, pathOf(callback), { host: publicHost(), headers: { cookie: jar.header() } });
    jar.take(done.setCookies);
    // Revoked on Coder (an admin, another sign-out): the refresh will be refused.
    const session = jar.cookies.get("coder_session_token")!;
    const revoke = await send(a, "/api/v2/users/logout", {
      host: publicHost(),
      method: "POST",
      headers: { cookie: jar.header(), origin: `http://${publicHost()}` },
    });
    expect(revoke.status).toBe(200);
    await new Promise((r) => setTimeout(r, (TTL_S * 1000) / 2 + 200));

    const first = await send(b, "/api/v2/users/me", { host: publicHost(), headers: { cookie: jar.header() } });
    expect(first.status).toBe(503);
    jar.take(first.setCookies);
    const second = await send(b, "/api/v2/users/me", { host: publicHost(), headers: { cookie: jar.header() } });
    expect(second.status).toBe(401);
    jar.take(second.setCookies);
    expect(jar.cookies.has("coder_dashboard_oauth")).toBe(false);
    expect(jar.cookies.get("coder_session_token")).toBe(session);
  });

  it("refuses a replayed answer and a forged state with a page that says so", async () => {
    const jar = new Jar();
    const callback = await startOnA(jar);
    const first = await send(a, pathOf(callback), { host: publicHost(), headers: { cookie: jar.header() } });
    expect(first.status).toBe(302);
    jar.take(first.setCookies);
    const replay = await send(b, pathOf(callback), { host: publicHost(), headers: { cookie: jar.header() } });
    expect(replay.status).toBe(400);
    expect(replay.body).toContain("Sign-in link expired or already used");

    const next = new Jar();
    const fresh = new URL(await startOnA(next));
    fresh.searchParams.set("state", "forged-state");
    const forged = await send(b, pathOf(fresh.toString()), { host: publicHost(), headers: { cookie: next.header() } });
    expect(forged.status).toBe(400);
    expect(forged.body).toContain("state mismatch");
    expect(forged.setCookies.some((sc) => sc.startsWith("coder_session_token="))).toBe(false);
  });

  it("a replica with another secret cannot finish a sign-in", async () => {
    const stranger = await startServer({ port: 0, coderUrl: upstream.url, sessionSecret: "another-secret" });
    try {
      const jar = new Jar();
      const callback = await startOnA(jar);
      const res = await send(stranger, pathOf(callback), { host: publicHost(), headers: { cookie: jar.header() } });
      expect(res.status).toBe(400);
      expect(res.setCookies.some((sc) => sc.startsWith("coder_session_token="))).toBe(false);
    } finally {
      await stranger.close();
    }
  });
});

describe("behind a TLS proxy", () => {
  it("the sign-in starts with the public https callback and Secure cookies; untrusted headers are not believed", async () => {
    const behind = await startServer({ port: 0, coderUrl: upstream.url, sessionSecret: "s", trustProxy: true });
    const open = await startServer({ port: 0, coderUrl: upstream.url, sessionSecret: "s" });
    try {
      const headers = { "x-forwarded-proto": "https", "x-forwarded-host": "dashboard.example.com" };
      const start = await send(behind, "/auth/oauth/start", { headers });
      expect(start.status).toBe(302);
      expect(new URL(start.location!).searchParams.get("redirect_uri")).toBe(
        "https://dashboard.example.com/auth/oauth/callback",
      );
      expect(start.setCookies[0]).toMatch(/^coder_dashboard_oauth_flow=.*; HttpOnly; SameSite=Lax; Secure$/);

      const direct = await send(open, "/auth/oauth/start", { headers });
      expect(new URL(direct.location!).searchParams.get("redirect_uri")).toBe(
        `http://127.0.0.1:${open.port}/auth/oauth/callback`,
      );
      expect(direct.setCookies[0]).not.toMatch(/Secure/);
    } finally {
      await behind.close();
      await open.close();
    }
  });
});
