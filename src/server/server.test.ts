import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProvisionerJobLog, Workspace, WorkspaceAgentLog, WorkspaceBuild } from "../api/types";
import { startServer, type RunningServer } from "./main";
import { api, collectWs, login, readSse } from "./testing/clients";

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, testControls: true });
  token = await login(server.url);
});
afterAll(() => server.close());

const workspace = async (name: string, owner = "alice") =>
  (await api<Workspace>(server.url, token, `/users/${owner}/workspace/${name}`)).body;

async function build(ws: Workspace, transition: string): Promise<WorkspaceBuild> {
  const res = await api<WorkspaceBuild>(server.url, token, `/workspaces/${ws.id}/builds`, {
    method: "POST",
    body: JSON.stringify({ transition }),
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

const dedupe = (xs: string[]) => xs.filter((x, i) => i === 0 || xs[i - 1] !== x);

describe("watch streams", () => {
  it("SSE and watch-ws deliver ping, the workspace, then a data event per change until running", async () => {
    const ws = await workspace("stopped-ws");
    const until = (statuses: string[]) => statuses.includes("running");
    let sseConnected = false;
    let wsConnected = false;
    const sse = readSse(`${server.url}/api/v2/workspaces/${ws.id}/watch`, token, (ev) => {
      const statuses = ev.filter((e) => e.event === "data").map((e) => (e.data as Workspace).latest_build.status);
      sseConnected = statuses.length > 0;
      return until(statuses);
    });
    const wsStream = collectWs(`${server.url}/api/v2/workspaces/${ws.id}/watch-ws`, token, (msgs) => {
      const statuses = msgs
        .map((m) => JSON.parse(m))
        .filter((m) => m.type === "data")
        .map((m) => m.data.latest_build.status);
      wsConnected = statuses.length > 0;
      return until(statuses);
    });
    // Both watchers hold the workspace as it was before the build starts.
    await waitFor(async () => sseConnected && wsConnected);
    await build(ws, "start");
    const [events, socket] = await Promise.all([sse, wsStream]);

    expect(events[0]).toEqual({ event: "ping", data: undefined });
    expect(events[1].event).toBe("data");
    expect(
      dedupe(events.filter((e) => e.event === "data").map((e) => (e.data as Workspace).latest_build.status)),
    ).toEqual(["stopped", "pending", "starting", "running"]);

    const msgs = socket.messages.map((m) => JSON.parse(m));
    expect(msgs[0]).toEqual({ type: "ping", data: null });
    expect(msgs[1].type).toBe("data");
    expect(dedupe(msgs.filter((m) => m.type === "data").map((m) => m.data.latest_build.status))).toEqual([
      "stopped",
      "pending",
      "starting",
      "running",
    ]);
    expect(socket.code).toBe(1000);
  });

  it("watch-ws closes a client that sends anything with 1002", async () => {
    const ws = await workspace("dev");
    const { WebSocket } = await import("ws");
    const sock = new WebSocket(`${server.url.replace("http", "ws")}/api/v2/workspaces/${ws.id}/watch-ws`, {
      headers: { "Coder-Session-Token": token },
    });
    const code = await new Promise<number>((resolve) => {
      sock.on("message", () => sock.send("hello"));
      sock.on("close", (c) => resolve(c));
    });
    expect(code).toBe(1002);
  });

  it("refuses watching someone else's workspace (404) and needs a session (401)", async () => {
    const bobToken = await login(server.url, "bob");
    const ws = await workspace("dev");
    await expect(collectWs(`${server.url}/api/v2/workspaces/${ws.id}/watch-ws`, bobToken)).rejects.toThrow(/404/);
    await expect(collectWs(`${server.url}/api/v2/workspaces/${ws.id}/watch-ws`, "nope")).rejects.toThrow(/401/);
    expect(
      (await fetch(`${server.url}/api/v2/workspaces/${ws.id}/watch`, { headers: { "Coder-Session-Token": bobToken } }))
        .status,
    ).toBe(404);
  });
});

describe("log streams", () => {
  it("build-log follow sends the backlog, then live lines, then closes 1000 when the job completes", async () => {
    const ws = await workspace("canceled-ws");
    const b = await build(ws, "start");
    await waitFor(
      async () =>
        (await api<WorkspaceBuild>(server.url, token, `/workspacebuilds/${b.id}`)).body.job.status === "running",
    );
    const backlog = (await api<ProvisionerJobLog[]>(server.url, token, `/workspacebuilds/${b.id}/logs`)).body.length;
    const res = await collectWs(`${server.url}/api/v2/workspacebuilds/${b.id}/logs?follow`, token);
    expect(res.code).toBe(1000);
    const ids = res.messages.map((m) => (JSON.parse(m) as ProvisionerJobLog).id);
    const all = (await api<ProvisionerJobLog[]>(server.url, token, `/workspacebuilds/${b.id}/logs`)).body.map(
      (l) => l.id,
    );
    expect(ids).toEqual(all);
    expect(backlog).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(backlog);
    const stages = new Set(res.messages.map((m) => (JSON.parse(m) as ProvisionerJobLog).stage));
    expect([...stages]).toEqual([
      "Setting up",
      "Parsing template parameters",
      "Planning infrastructure",
      "Starting workspace",
      "Cleaning Up",
    ]);
  });

  it("a completed build's follow sends what is after `after` and closes 1000 at once", async () => {
    const ws = await workspace("long-history");
    const logs = (await api<ProvisionerJobLog[]>(server.url, token, `/workspacebuilds/${ws.latest_build.id}/logs`))
      .body;
    const cut = logs[9].id;
    const res = await collectWs(
      `${server.url}/api/v2/workspacebuilds/${ws.latest_build.id}/logs?follow&after=${cut}`,
      token,
    );
    expect(res.code).toBe(1000);
    expect(res.messages.map((m) => JSON.parse(m).id)).toEqual(logs.slice(10).map((l) => l.id));
    const text = await fetch(`${server.url}/api/v2/workspacebuilds/${ws.latest_build.id}/logs?format=text`, {
      headers: { "Coder-Session-Token": token },
    });
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect((await text.text()).trim().split("\n")).toHaveLength(logs.length);
  });

  it("agent-log follow sends the backlog array, then arrays per batch, and closes 1000 when the agent leaves the latest build", async () => {
    const ws = await workspace("failed-ws");
    const b = await build(ws, "start");
    let agentId = "";
    await waitFor(async () => {
      const cur = (await api<WorkspaceBuild>(server.url, token, `/workspacebuilds/${b.id}`)).body;
      agentId = cur.resources[0]?.agents?.[0]?.id ?? "";
      return agentId !== "";
    });
    const follow = collectWs(`${server.url}/api/v2/workspaceagents/${agentId}/logs?follow=true`, token);
    await waitFor(
      async () =>
        (await api<Workspace>(server.url, token, `/workspaces/${ws.id}`)).body.latest_build.resources[0]?.agents?.[0]
          ?.lifecycle_state === "ready",
    );
    await build(ws, "stop");
    const res = await follow;
    expect(res.code).toBe(1000);
    const batches = res.messages.map((m) => JSON.parse(m) as WorkspaceAgentLog[]);
    expect(batches.every(Array.isArray)).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    const all = (await api<WorkspaceAgentLog[]>(server.url, token, `/workspaceagents/${agentId}/logs`)).body;
    expect(batches.flat().map((l) => l.id)).toEqual(all.map((l) => l.id));
    const after = (await api<Workspace>(server.url, token, `/workspaces/${ws.id}`)).body;
    expect(after.latest_build.transition).toBe("stop");
  });

  it("timings: provisioner stages once the job completes, then connect and script timings", async () => {
    const ws = await workspace("dev");
    const t = (
      await api<{
        provisioner_timings: { stage: string }[];
        agent_script_timings: unknown[];
        agent_connection_timings: unknown[];
      }>(server.url, token, `/workspaces/${ws.id}/timings`)
    ).body;
    expect(new Set(t.provisioner_timings.map((x) => x.stage))).toEqual(new Set(["init", "plan", "graph", "apply"]));
    expect(t.agent_connection_timings).toHaveLength(1);
    expect(t.agent_script_timings).toHaveLength(3);
  });
});

describe("stream faults", () => {
  it("--drop-streams-after-ms destroys WebSockets abnormally (1006) and resets SSE", async () => {
    const faulty = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, dropStreamsAfterMs: 250 });
    try {
      const t = await login(faulty.url);
      const ws = (await api<Workspace>(faulty.url, t, "/users/alice/workspace/dev")).body;
      const started = Date.now();
      const res = await collectWs(`${faulty.url}/api/v2/workspaces/${ws.id}/watch-ws`, t);
      expect(res.code).toBe(1006);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      await expect(readSse(`${faulty.url}/api/v2/workspaces/${ws.id}/watch`, t, () => false, 5000)).rejects.toThrow();
    } finally {
      await faulty.close();
    }
  });
});

describe("--refuse-websockets", () => {
  it("answers every /api upgrade with 502 while HTTP and SSE keep working", async () => {
    const refusing = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, refuseWebsockets: true });
    try {
      const t = await login(refusing.url);
      const ws = (await api<Workspace>(refusing.url, t, "/users/alice/workspace/dev")).body;
      await expect(collectWs(`${refusing.url}/api/v2/workspaces/${ws.id}/watch-ws`, t)).rejects.toThrow(/502/);
      await expect(
        collectWs(`${refusing.url}/api/v2/workspacebuilds/${ws.latest_build.id}/logs?follow`, t),
      ).rejects.toThrow(/502/);
      const logs = await api<ProvisionerJobLog[]>(refusing.url, t, `/workspacebuilds/${ws.latest_build.id}/logs`);
      expect(logs.status).toBe(200);
      expect(logs.body.length).toBeGreaterThan(0);
      const events = await readSse(`${refusing.url}/api/v2/workspaces/${ws.id}/watch`, t, (e) =>
        e.some((x) => x.event === "data"),
      );
      expect(events.some((e) => e.event === "data")).toBe(true);
    } finally {
      await refusing.close();
    }
  });
});

describe("WebSocket upgrades share the HTTP auth and access rules", () => {
  it("answers a bad token with the HTTP 401 and another member's workspace with the HTTP 404", async () => {
    const ws = await workspace("dev");
    const bad = await collectWs(`${server.url}/api/v2/workspaces/${ws.id}/watch-ws`, "not-a-token").catch(
      (e: Error) => e.message,
    );
    expect(bad).toMatch(/401/);
    const bobToken = await login(server.url, "bob");
    for (const path of [
      `/workspaces/${ws.id}/watch-ws`,
      `/workspacebuilds/${ws.latest_build.id}/logs?follow`,
      `/workspaceagents/${ws.latest_build.resources[0].agents![0].id}/logs?follow=true`,
    ]) {
      const http = await api(server.url, bobToken, path.replace("/watch-ws", "").replace(/\?follow.*$/, ""));
      expect(http.status).toBe(404);
      const upgrade = await collectWs(`${server.url}/api/v2${path}`, bobToken).catch((e: Error) => e.message);
      expect(upgrade).toMatch(/404/);
    }
  });
});

describe("cancel over HTTP", () => {
  it("answers 412 for the wrong expected state, then cancels a running build (canceling → canceled)", async () => {
    const ws = await workspace("starting-ws");
    const id = ws.latest_build.id;
    expect(
      (await api(server.url, token, `/workspacebuilds/${id}/cancel?expect_status=pending`, { method: "PATCH" })).status,
    ).toBe(412);
    expect(
      (await api(server.url, token, `/workspacebuilds/${id}/cancel?expect_status=bogus`, { method: "PATCH" })).status,
    ).toBe(400);
    expect(
      (await api(server.url, token, `/workspacebuilds/${id}/cancel?expect_status=running`, { method: "PATCH" })).status,
    ).toBe(200);
    expect((await api<Workspace>(server.url, token, `/workspaces/${ws.id}`)).body.latest_build.status).toBe(
      "canceling",
    );
    await waitFor(
      async () =>
        (await api<Workspace>(server.url, token, `/workspaces/${ws.id}`)).body.latest_build.status === "canceled",
    );
    expect((await api(server.url, token, `/workspacebuilds/${id}/cancel`, { method: "PATCH" })).status).toBe(400);
  });

  it("test controls decide the next outcome", async () => {
    const ws = await workspace("outdated");
    await build(ws, "stop");
    await waitFor(
      async () =>
        (await api<Workspace>(server.url, token, `/workspaces/${ws.id}`)).body.latest_build.status === "stopped",
    );
    const set = await fetch(`${server.url}/__sim/next-outcome`, {
      method: "POST",
      body: JSON.stringify({ workspace_id: ws.id, outcome: "insufficient_quota" }),
    });
    expect(set.status).toBe(200);
    const b = await build(ws, "start");
    await waitFor(
      async () =>
        (await api<Workspace>(server.url, token, `/workspaces/${ws.id}`)).body.latest_build.status === "failed",
    );
    const done = (await api<WorkspaceBuild>(server.url, token, `/workspacebuilds/${b.id}`)).body;
    expect(done.job.error_code).toBe("INSUFFICIENT_QUOTA");
    expect(
      (await api<{ provisioner_timings: unknown[] }>(server.url, token, `/workspacebuilds/${b.id}/timings`)).body
        .provisioner_timings,
    ).toEqual([]);
  });
});
