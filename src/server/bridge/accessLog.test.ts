import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { formatAccess, logResponse, redactedPath, type AccessEntry } from "./accessLog";

describe("redactedPath", () => {
  it("hides credential-like query values and keeps the rest", () => {
    expect(redactedPath("/oauth/callback?code=abc123&state=xyz&scope=all")).toBe(
      "/oauth/callback?code=redacted&state=redacted&scope=all",
    );
    expect(redactedPath("/api/v2/workspaces?q=owner%3Ame&limit=25")).toBe("/api/v2/workspaces?q=owner%3Ame&limit=25");
    expect(redactedPath("/x?session_token=s3cret&api_key=k")).not.toMatch(/s3cret|=k\b/);
  });

  it("leaves a path without a query alone", () => {
    expect(redactedPath("/healthz")).toBe("/healthz");
  });
});

describe("formatAccess", () => {
  const entry: AccessEntry = {
    time: "2026-12-06T10:00:00.000Z",
    method: "GET",
    path: "/api/v2/buildinfo",
    status: 200,
    ms: 3,
    bytes: 120,
    remote: "203.0.113.7",
  };

  it("json: one object per line with every field", () => {
    const line = formatAccess(entry, "json");
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ ...entry, msg: "request" });
  });

  it("text: readable fields in a fixed order", () => {
    expect(formatAccess(entry, "text")).toBe("2026-12-06T10:00:00.000Z 203.0.113.7 GET /api/v2/buildinfo 200 3ms 120B");
  });
});

describe("logResponse", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("writes one line per request with the status and the body bytes sent, never the token", async () => {
    const lines: string[] = [];
    server = createServer((req, res) => {
      logResponse(req, res, "198.51.100.2", "json", (l) => lines.push(l));
      res.statusCode = 404;
      res.write("hello ");
      res.end("world");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/v2/users/me?token=abc`, {
      headers: { "Coder-Session-Token": "abc" },
    });
    expect(await res.text()).toBe("hello world");
    await expect.poll(() => lines.length).toBe(1);
    const entry = JSON.parse(lines[0]) as AccessEntry;
    expect(entry).toMatchObject({ method: "GET", status: 404, bytes: 11, remote: "198.51.100.2" });
    expect(entry.path).toBe("/api/v2/users/me?token=redacted");
    expect(lines[0]).not.toContain("abc");
  });
});
