import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../api/types";
import { createApiApp } from "../http/app";
import { startServer, type RunningServer } from "../main";
import { StreamRegistry } from "../streams/registry";
import { login } from "../testing/clients";
import { createWorld } from "../world/index";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, distDir: null });
});
afterAll(() => server.close());

const host = () => new URL(server.url).host;

async function cookieLogin(
  user = "alice",
): Promise<{ cookie: string; setCookie: string; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/api/v2/users/login`, {
    method: "POST",
    headers: { origin: server.url, "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ email: `${user}@example.com`, password: "coder-demo-1" }),
  });
  expect(res.status).toBe(201);
  const setCookie = res.headers.get("set-cookie") ?? "";
  return { cookie: setCookie.split(";")[0], setCookie, body: (await res.json()) as Record<string, unknown> };
}

describe("Coder's CSRF rule in the built-in API", () => {
  it("refuses a cookie-only write with 400 text, accepts it with the matching header", async () => {
    const store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
    const app = createApiApp(
      { store, nextOutcome: () => "succeeded", buildInfo: { version: "test" } },
      { latencyMs: 0, errorRate: 0, seed: 1 },
      new StreamRegistry(null),
    );
    const alice = store.userByName("alice")!;
    const { token } = store.createSession(alice.id);
    const ws = store.workspaceByName(alice.id, "stopped-ws", false)!;
    const post = (headers: Record<string, string>) =>
      app.request(`/api/v2/workspaces/${ws.id}/builds`, {
        method: "POST",
        headers,
        body: JSON.stringify({ transition: "start" }),
      });
    const refused = await post({ cookie: `coder_session_token=${token}` });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await refused.text()).toMatch(/CSRF/);
    expect((await post({ cookie: `coder_session_token=${token}`, "Coder-Session-Token": token })).status).toBe(201);
    expect(
      (await app.request(`/api/v2/users/me`, { headers: { cookie: `coder_session_token=${token}` } })).status,
    ).toBe(200);
  });
});

describe("session bridge", () => {
  it("a browser login gets the HttpOnly Lax cookie and no token in the body; a CLI login keeps it", async () => {
    const { setCookie, body } = await cookieLogin();
    expect(setCookie).toMatch(/^coder_session_token=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(body).toEqual({});
    expect(await login(server.url)).toMatch(/^[0-9a-f]{10}-[\w-]{22}$/);
  });

  it("copies the cookie into the header, so same-origin cookie writes pass Coder's CSRF rule", async () => {
    const { cookie } = await cookieLogin();
    const ws = (await (
      await fetch(`${server.url}/api/v2/users/alice/workspace/dev`, { headers: { cookie } })
    ).json()) as Workspace;
    const res = await fetch(`${server.url}/api/v2/workspaces/${ws.id}/favorite`, {
      method: "PUT",
      headers: { cookie, origin: server.url, "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(204);
  });

  it("refuses writes from another origin (403), whatever the credentials", async () => {
    const { cookie } = await cookieLogin();
    const ws = (await (
      await fetch(`${server.url}/api/v2/users/alice/workspace/dev`, { headers: { cookie } })
    ).json()) as Workspace;
    const variants: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: `http://other.${host()}` },
    ];
    for (const headers of variants) {
      const res = await fetch(`${server.url}/api/v2/workspaces/${ws.id}/builds`, {
        method: "POST",
        headers: { cookie, ...headers },
        body: JSON.stringify({ transition: "stop" }),
      });
      expect(res.status).toBe(403);
    }
    expect(
      (await fetch(`${server.url}/api/v2/users/me`, { headers: { cookie, origin: "https://evil.example" } })).status,
    ).toBe(200);
  });

  it("a header that disagrees with the cookie still fails Coder's CSRF check (400)", async () => {
    const { cookie } = await cookieLogin();
    const other = await login(server.url, "bob");
    const res = await fetch(`${server.url}/api/v2/users/logout`, {
      method: "POST",
      headers: { cookie, "Coder-Session-Token": other },
    });
    expect(res.status).toBe(400);
  });

  it("POST /auth/token turns a valid token into the cookie; logout clears it", async () => {
    const token = await login(server.url);
    expect(
      (await fetch(`${server.url}/auth/token`, { method: "POST", body: JSON.stringify({ token: "bogus-token" }) }))
        .status,
    ).toBe(401);
    expect((await fetch(`${server.url}/auth/token`, { method: "POST", body: "{" })).status).toBe(400);
    expect(
      (
        await fetch(`${server.url}/auth/token`, {
          method: "POST",
          headers: { origin: "https://evil.example" },
          body: JSON.stringify({ token }),
        })
      ).status,
    ).toBe(403);
    const res = await fetch(`${server.url}/auth/token`, {
      method: "POST",
      headers: { origin: server.url },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { username: string }).username).toBe("alice");
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).toBe(`coder_session_token=${token}`);
    const out = await fetch(`${server.url}/api/v2/users/logout`, {
      method: "POST",
      headers: { cookie, origin: server.url },
    });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^coder_session_token=; Path=\/; Max-Age=0/);
    expect((await fetch(`${server.url}/api/v2/users/me`, { headers: { cookie } })).status).toBe(401);
  });

  it("serves health and config; with no SPA, other paths are 404", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).text()).toBe("ok");
    expect(await (await fetch(`${server.url}/config.json`)).json()).toEqual({ mode: "builtin", appOrigin: server.url });
    expect((await fetch(`${server.url}/workspaces`)).status).toBe(404);
    expect((await fetch(`${server.url}/icon/docker.png`)).headers.get("content-type")).toBe("image/svg+xml");
  });
});
