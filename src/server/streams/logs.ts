import type { WebSocket } from "ws";
import type { BuildRecord } from "../store/records";
import type { Store } from "../store/store";
import { goJsonLine } from "../util/json";
import { CLOSE_GOING_AWAY, type StreamRegistry } from "./registry";

/**
 * Ties a store subscription to the socket's life: the registry can kill the socket (shutdown),
 * and the subscription ends exactly once, on close or when the caller finishes the stream.
 */
function bindToSocket(socket: WebSocket, registry: StreamRegistry, unsubscribe: () => void): () => void {
  const unregister = registry.add({
    kill: () => socket.terminate(),
    end: () => socket.close(CLOSE_GOING_AWAY, "server shutting down"),
  });
  let cleaned = false;
  const cleanup = () => {
    if (cleaned) return;
    cleaned = true;
    unsubscribe();
    unregister();
  };
  socket.on("close", cleanup);
  socket.on("error", () => socket.terminate());
  return cleanup;
}

/**
 * Build-log follow: the backlog after `after`, then each new log as its own message; closed
 * with 1000 once the job has completed (at once after the backlog if it already had).
 */
export function followBuildLogs(
  store: Store,
  registry: StreamRegistry,
  socket: WebSocket,
  build: BuildRecord,
  after: number,
): void {
  const job = store.jobOf(build);
  let last = after;
  const send = (log: { id: number }) => {
    if (log.id <= last || socket.readyState !== socket.OPEN) return;
    last = log.id;
    socket.send(goJsonLine(log));
  };
  const finish = () => {
    cleanup();
    if (socket.readyState === socket.OPEN) socket.close(1000, "job completed");
  };
  // Subscribe before reading the backlog so nothing logged in between is lost.
  const unsubscribe = store.subscribe((e) => {
    if (e.kind === "job-logs" && e.jobId === job.id) for (const l of e.logs) send(l);
    else if (e.kind === "job-done" && e.jobId === job.id) finish();
  });
  const cleanup = bindToSocket(socket, registry, unsubscribe);
  for (const l of store.content(build).logs) send(l);
  if (job.completed_at) finish();
}

/**
 * Agent-log follow: first message the backlog array (maybe empty), then one array per batch;
 * closed with 1000 once the agent is no longer part of the workspace's latest build.
 */
export function followAgentLogs(
  store: Store,
  registry: StreamRegistry,
  socket: WebSocket,
  agentId: string,
  build: BuildRecord,
  after: number,
): void {
  let last = after;
  const sendBatch = (logs: Array<{ id: number }>) => {
    const fresh = logs.filter((l) => l.id > last);
    if (socket.readyState !== socket.OPEN) return;
    if (fresh.length > 0) last = fresh[fresh.length - 1].id;
    socket.send(goJsonLine(fresh));
  };
  const finish = () => {
    cleanup();
    if (socket.readyState === socket.OPEN) socket.close(1000, "agent is no longer in the latest build");
  };
  const unsubscribe = store.subscribe((e) => {
    if (e.kind === "agent-logs" && e.agentId === agentId) {
      if (e.logs.some((l) => l.id > last)) sendBatch(e.logs);
    } else if (e.kind === "workspace" && e.workspaceId === build.workspace_id && !store.isAgentInLatestBuild(agentId))
      finish();
  });
  const cleanup = bindToSocket(socket, registry, unsubscribe);
  socket.on("message", () => undefined);
  sendBatch(store.content(build).agentLogs.get(agentId) ?? []);
  if (!store.isAgentInLatestBuild(agentId)) finish();
}
