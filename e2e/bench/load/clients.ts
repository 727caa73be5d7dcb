// The three kinds of load: watch-ws clients, build-log followers and list queries.
import WebSocket from "ws";
import type { Workspace } from "../../../src/api/types";
import type { LoadApi } from "./api";
import { judgeFollow, type Metrics } from "./metrics";

/** Notified when a watcher sees a workspace's latest build change (fan-out latency). */
export type BuildSeen = (workspaceId: string, buildId: string, at: number) => void;

/** One watch-ws client; resolves `close()` once the socket is closed by us. */
export function watch(api: LoadApi, workspaceId: string, metrics: Metrics, onBuild: BuildSeen): { close(): void } {
  const opened = performance.now();
  let closing = false;
  let lastBuild = "";
  const socket = new WebSocket(api.wsUrl(`/workspaces/${workspaceId}/watch-ws`), {
    headers: { "Coder-Session-Token": api.token },
  });
  socket.on("open", () => metrics.latency("watch-ws handshake", performance.now() - opened));
  socket.on("message", (raw) => {
    metrics.counters.watchMessages++;
    const msg = JSON.parse(raw.toString()) as { type: string; data?: Workspace };
    if (msg.type === "error") metrics.error("watch error event", JSON.stringify(msg.data));
    if (msg.type !== "data" || !msg.data) return;
    metrics.counters.watchData++;
    if (msg.data.latest_build.id !== lastBuild) {
      lastBuild = msg.data.latest_build.id;
      onBuild(workspaceId, lastBuild, performance.now());
    }
  });
  socket.on("unexpected-response", (_req, res) => metrics.error("watch-ws refused", String(res.statusCode)));
  socket.on("error", (err) => metrics.error("watch-ws error", err.message));
  socket.on("close", (code) => {
    if (!closing) metrics.error("watch-ws closed early", String(code));
  });
  return {
    close() {
      closing = true;
      socket.close(1000);
    },
  };
}

/**
 * Follows one build's log from the start until the server closes with 1000 (job completed),
 * then checks the ids received against the server's whole log.
 */
export function follow(api: LoadApi, buildId: string, metrics: Metrics): Promise<void> {
  return new Promise((resolve) => {
    const opened = performance.now();
    let openedWall = Infinity;
    const ids: number[] = [];
    const socket = new WebSocket(api.wsUrl(`/workspacebuilds/${buildId}/logs?follow&after=0`), {
      headers: { "Coder-Session-Token": api.token },
    });
    socket.on("open", () => {
      metrics.latency("log follow handshake", performance.now() - opened);
      openedWall = Date.now();
    });
    socket.on("message", (raw) => {
      const now = Date.now();
      for (const line of raw.toString().split("\n")) {
        if (line.trim() === "") continue;
        const log = JSON.parse(line) as { id: number; created_at: string };
        ids.push(log.id);
        metrics.counters.followLines++;
        // Live lines only (the backlog is old by definition); same host, same clock.
        const created = Date.parse(log.created_at);
        if (created >= openedWall) metrics.latency("log line: created → follower has it", Math.max(0, now - created));
      }
    });
    socket.on("unexpected-response", (_req, res) => metrics.error("follow refused", String(res.statusCode)));
    socket.on("error", (err) => metrics.error("follow error", err.message));
    socket.on("close", (code) => {
      if (code !== 1000) {
        metrics.error("follow closed abnormally", String(code));
        return resolve();
      }
      api.buildLogIds(buildId).then(
        (expected) => {
          metrics.verdicts.push(judgeFollow(buildId, ids, expected));
          resolve();
        },
        (err: Error) => {
          metrics.error("log fetch", err.message);
          resolve();
        },
      );
    });
  });
}

const QUERIES = [
  "",
  "owner:me",
  "status:running",
  "template:docker",
  "name:load",
  "owner:alice status:stopped",
  "has-agent:connected",
];

/** `rate` list queries per second, each timed; returns a stop function that waits for stragglers. */
export function listQueries(api: LoadApi, rate: number, metrics: Metrics): () => Promise<void> {
  if (rate <= 0) return async () => undefined;
  const inFlight = new Set<Promise<void>>();
  let n = 0;
  const timer = setInterval(() => {
    const q = QUERIES[n++ % QUERIES.length];
    const started = performance.now();
    const p = api
      .request("GET", `/workspaces?q=${encodeURIComponent(q)}&limit=25`)
      .then(
        (res) => {
          metrics.latency("GET /workspaces", performance.now() - started);
          if (res.status !== 200) metrics.error("list status", `${res.status} ${res.text.slice(0, 100)}`);
        },
        (err: Error) => metrics.error("list failed", err.message),
      )
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }, 1000 / rate);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
  };
}
