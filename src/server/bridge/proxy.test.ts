import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProvisionerJobLog, Workspace } from "../../api/types";
import { startServer, type RunningServer } from "../main";
import { collectWs, readSse } from "../testing/clients";

let upstream: RunningServer;
let proxy: RunningServer;

beforeAll(async () => {
  upstream = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0 });
  proxy = await startServer({ port: 0, coderUrl: upstream.url });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

async function browserLogin(): Promise<string> {
  const res = await fetch(`${proxy.url}/api/v2/users/login`, {
    method: "POST",
    headers: { origin: proxy.url, "content-type": "application/json" },
    body: JSON.stringify({ email: "alice@example.com", password: "coder-demo-1" }),
  });
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({});
  const setCookie = res.headers.getSetCookie();
  expect(setCookie).toHaveLength(1);
  expect(setCookie[0]).toMatch(/HttpOnly; SameSite=Lax$/);
  expect(setCookie[0]).not.toMatch(/Domain=/i);
  return setCookie[0].split(";")[0];
}

describe("CODER_URL proxy behind the session bridge", () => {
  it("proxies HTTP with the cookie turned into the header, writes included", async () => {
    const cookie = await browserLogin();
    const me = await fetch(`${proxy.url}/api/v2/users/me`, { headers: { cookie } });
    expect(((await me.json()) as { username: string }).username).toBe("alice");
    const ws = (await (
      await fetch(`${proxy.url}/api/v2/users/alice/workspace/stopped-ws`, { headers: { cookie } })
    ).json()) as Workspace;
    const build = await fetch(`${proxy.url}/api/v2/workspaces/${ws.id}/builds`, {
      method: "POST",
      headers: { cookie, origin: proxy.url, "content-type": "application/json" },
      body: JSON.stringify({ transition: "start" }),
    });
    expect(build.status).toBe(201);
    const foreign = await fetch(`${proxy.url}/api/v2/workspaces/${ws.id}/builds`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
      body: JSON.stringify({ transition: "stop" }),
    });
    expect(foreign.status).toBe(403);
    expect(await (await fetch(`${proxy.url}/config.json`)).json()).toEqual({
      mode: "proxy",
      appOrigin: new URL(upstream.url).origin,
    });
    expect((await fetch(`${proxy.url}/api/v2/nope`, { headers: { cookie } })).status).toBe(404);
  });

  it("proxies SSE and WebSockets (watch, build-log follow with its 1000 close)", async () => {
    const cookie = await browserLogin();
    const token = cookie.split("=")[1];
    const ws = (await (
      await fetch(`${proxy.url}/api/v2/users/alice/workspace/long-history`, { headers: { cookie } })
    ).json()) as Workspace;
    const sse = await readSse(`${proxy.url}/api/v2/workspaces/${ws.id}/watch`, token, (ev) => ev.length >= 2);
    expect(sse.map((e) => e.event)).toEqual(["ping", "data"]);
    const watch = await collectWs(`${proxy.url}/api/v2/workspaces/${ws.id}/watch-ws`, token, (m) => m.length >= 2);
    expect(watch.messages.map((m) => JSON.parse(m).type)).toEqual(["ping", "data"]);
    const logs = await collectWs(
      `${proxy.url}/api/v2/workspacebuilds/${ws.latest_build.id}/logs?follow&after=0`,
      token,
    );
    expect(logs.code).toBe(1000);
    const direct = (await (
      await fetch(`${upstream.url}/api/v2/workspacebuilds/${ws.latest_build.id}/logs`, {
        headers: { "Coder-Session-Token": token },
      })
    ).json()) as ProvisionerJobLog[];
    expect(logs.messages.map((m) => JSON.parse(m).id)).toEqual(direct.map((l) => l.id));
    await expect(collectWs(`${proxy.url}/api/v2/workspaces/${ws.id}/watch-ws`, "bad-token")).rejects.toThrow(/401/);
  });

  it("injects CODER_SESSION_TOKEN when the request has no session of its own", async () => {
    const login = await fetch(`${upstream.url}/api/v2/users/login`, {
      method: "POST",
      body: JSON.stringify({ email: "bob@example.com", password: "coder-demo-1" }),
    });
    const { session_token } = (await login.json()) as { session_token: string };
    const local = await startServer({ port: 0, coderUrl: upstream.url, coderSessionToken: session_token });
    try {
      const me = (await (await fetch(`${local.url}/api/v2/users/me`)).json()) as { username: string };
      expect(me.username).toBe("bob");
    } finally {
      await local.close();
    }
  });
});
