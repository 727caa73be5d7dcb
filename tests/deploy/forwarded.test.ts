// Behind a TLS-terminating proxy (--trust-proxy): the dashboard honours X-Forwarded-Proto/Host/For,
// marks its cookie Secure on https, and passes the person's address on to Coder (so Coder's audit
// log names the person, not the dashboard). Without the flag those headers are not believed.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { startServer, type RunningServer } from "../../src/server/main";

/** A stand-in for Coder that records what reached it. */
let upstream: Server;
let upstreamUrl: string;
const seen: IncomingHttpHeaders[] = [];
const seenUpgrades: IncomingHttpHeaders[] = [];

let trusted: RunningServer;
let untrusted: RunningServer;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req.headers);
    res.setHeader("content-type", "application/json");
    if (req.url === "/api/v2/users/login") {
      res.statusCode = 201;
      res.end(JSON.stringify({ session_token: "upstream-token" }));
      return;
    }
    res.end(JSON.stringify({ version: "v2.99.0" }));
  });
  const wss = new WebSocketServer({ server: upstream });
  wss.on("connection", (socket, req) => {
    seenUpgrades.push(req.headers);
    socket.close(1000);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  trusted = await startServer({ port: 0, coderUrl: upstreamUrl, trustProxy: true });
  untrusted = await startServer({ port: 0, coderUrl: upstreamUrl, trustProxy: false });
});

afterAll(async () => {
  await trusted?.close();
  await untrusted?.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

const proxyHeaders = {
  "x-forwarded-for": "203.0.113.7",
  "x-forwarded-proto": "https",
  "x-forwarded-host": "dashboard.example.com",
};

async function lastSeenFor(url: string, init: RequestInit = {}): Promise<IncomingHttpHeaders> {
  const before = seen.length;
  const res = await fetch(url, init);
  await res.text();
  expect(seen.length, `${url} reached the upstream`).toBe(before + 1);
  return seen[seen.length - 1];
}

describe("X-Forwarded-For to Coder", () => {
  it("trusted proxy: Coder sees the person's address first in the chain", async () => {
    const h = await lastSeenFor(`${trusted.url}/api/v2/buildinfo`, { headers: proxyHeaders });
    expect(h["x-forwarded-for"]).toBe("203.0.113.7, 127.0.0.1");
  });

  it("untrusted: a forged X-Forwarded-For is dropped; Coder sees the real peer", async () => {
    const h = await lastSeenFor(`${untrusted.url}/api/v2/buildinfo`, { headers: proxyHeaders });
    expect(h["x-forwarded-for"]).toBe("127.0.0.1");
    expect(h["x-forwarded-host"]).toBeUndefined();
  });

  it("WebSocket upgrades carry it too", async () => {
    const before = seenUpgrades.length;
    const ws = new WebSocket(`${trusted.url.replace("http", "ws")}/api/v2/workspaces/x/watch-ws`, {
      headers: { ...proxyHeaders, origin: "https://dashboard.example.com" },
    });
    const code = await new Promise<number>((resolve) => ws.on("close", resolve));
    expect(code).toBe(1000);
    expect(seenUpgrades.length).toBe(before + 1);
    expect(seenUpgrades[seenUpgrades.length - 1]["x-forwarded-for"]).toBe("203.0.113.7, 127.0.0.1");
  });
});

describe("https behind the proxy", () => {
  const login = (server: RunningServer) =>
    fetch(`${server.url}/api/v2/users/login`, {
      method: "POST",
      headers: {
        ...proxyHeaders,
        origin: "https://dashboard.example.com",
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: JSON.stringify({ email: "a@example.com", password: "x" }),
    });

  it("trusted: the page's origin is the forwarded host, and the session cookie is Secure", async () => {
    const res = await login(trusted);
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("coder_session_token="));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
  });

  it("untrusted: the forwarded host is not believed, so the write counts as cross-origin", async () => {
    const res = await login(untrusted);
    expect(res.status).toBe(403);
  });
});
