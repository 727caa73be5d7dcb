// Shutting down (SIGTERM from an orchestrator): stop accepting, end every live stream in order
// (WebSocket 1001 "going away", a last SSE comment) so clients reconnect to another replica at
// once instead of waiting for a timeout, and exit within 10 s.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Workspace } from "../../src/api/types";
import { startServer } from "../../src/server/main";
import { isHealthy } from "../../e2e/support/health";
import { BrowserPage } from "../proxy/browser";

const root = path.resolve(import.meta.dirname, "../..");

async function signedIn(url: string): Promise<BrowserPage> {
  const page = new BrowserPage(url);
  const reply = await page.write("POST", "/api/v2/users/login", {
    email: "alice@example.com",
    password: "coder-demo-1",
  });
  expect(reply.status).toBe(201);
  return page;
}

/** `alice/starting-ws` is held in its apply: its build log follow stays open until something ends it. */
async function heldBuild(page: BrowserPage): Promise<Workspace> {
  const reply = await page.get("/api/v2/users/alice/workspace/starting-ws");
  expect(reply.status).toBe(200);
  return reply.json as Workspace;
}

describe("graceful shutdown", () => {
  it("ends a live build-log follow and watch-ws with 1001 and an SSE watch with a last comment", async () => {
    const server = await startServer({ port: 0, ambient: false, failureRate: 0 });
    const page = await signedIn(server.url);
    const ws = await heldBuild(page);
    const follow = page.ws(`/api/v2/workspacebuilds/${ws.latest_build.id}/logs?follow&after=0`);
    await follow.waitFor((m) => m.length > 0);
    const watch = page.ws(`/api/v2/workspaces/${ws.id}/watch-ws`);
    await watch.waitFor((m) => m.length > 1);
    const sse = await fetch(`${server.url}/api/v2/workspaces/${ws.id}/watch`, {
      headers: { cookie: `coder_session_token=${page.cookie}`, accept: "text/event-stream" },
    });
    const reader = sse.body!.getReader();
    await reader.read();

    const started = Date.now();
    await server.close({ graceMs: 5000 });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(await follow.closed()).toBe(1001);
    expect(await watch.closed()).toBe(1001);
    let rest = "";
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toContain(": server shutting down\n\n");
  });

  it("SIGTERM during a live log follow: the follower gets 1001 and the process exits 0 within 10 s", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    // The signal goes to the server's own process, as in the container: tsx's CLI would stand
    // between them and SIGKILL the server when it has not confirmed the signal within 30 ms
    // (a loaded machine), which ends the follow with 1006 instead of the server's 1001.
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "src/server/cli/server.ts", "--port", String(port), "--ambient", "off"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    await expect.poll(() => isHealthy(url), { timeout: 30_000, interval: 100 }).toBe(true);
    const page = await signedIn(url);
    const ws = await heldBuild(page);
    const follow = page.ws(`/api/v2/workspacebuilds/${ws.latest_build.id}/logs?follow&after=0`);
    await follow.waitFor((m) => m.length > 0);

    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const started = Date.now();
    child.kill("SIGTERM");
    expect(await follow.closed()).toBe(1001);
    expect(await exited, output).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(output).toContain("SIGTERM: shutting down");
  }, 60_000);
});
