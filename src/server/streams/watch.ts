import type { WebSocket } from "ws";
import type { UserRecord, WorkspaceRecord } from "../store/records";
import type { Store } from "../store/store";
import { workspaceView } from "../store/views";
import { goJsonLine } from "../util/json";
import { CLOSE_GOING_AWAY, type StreamRegistry } from "./registry";

export const HEARTBEAT_MS = 15_000;

/**
 * Calls `onChange` once per burst of store events touching the workspace (a build start
 * changes job, build and queue together; watchers see one data event for it).
 */
export function onWorkspaceChange(store: Store, workspaceId: string, onChange: () => void): () => void {
  let scheduled = false;
  return store.subscribe((e) => {
    if (e.kind !== "workspace" || e.workspaceId !== workspaceId || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      onChange();
    });
  });
}

const viewCache = new WeakMap<Store, Map<string, { revision: number; json: string }>>();

/**
 * The workspace JSON for a watcher. Many watchers of one workspace share the serialization
 * while the store has not changed (it depends on the viewer only through `favorite`).
 */
export function watchedWorkspaceJson(store: Store, ws: WorkspaceRecord, user: UserRecord): string {
  let cache = viewCache.get(store);
  if (!cache) {
    cache = new Map();
    viewCache.set(store, cache);
  }
  const key = `${ws.id}:${user.id}`;
  const hit = cache.get(key);
  if (hit && hit.revision === store.revision) return hit.json;
  const json = goJsonLine(workspaceView(store, ws, user));
  cache.set(key, { revision: store.revision, json });
  return json;
}

/** SSE framing as Coder writes it: `event:` line, `data:` only with data, blank line. */
export function sseFrame(type: "ping" | "data" | "error", data?: unknown): string {
  return data === undefined ? `event: ${type}\n\n` : `event: ${type}\ndata: ${goJsonLine(data)}\n\n`;
}

/** `GET /workspaces/{id}/watch` as Server-Sent Events. `destroy` resets the connection abnormally. */
export function watchSse(
  store: Store,
  registry: StreamRegistry,
  ws: WorkspaceRecord,
  user: UserRecord,
  destroy: () => void,
): Response {
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const enc = new TextEncoder();
      let closed = false;
      const send = (frame: string) => {
        if (!closed) controller.enqueue(enc.encode(frame));
      };
      const data = () => `event: data\ndata: ${watchedWorkspaceJson(store, ws, user)}\n\n`;
      send(sseFrame("ping"));
      send(data());
      const unsubscribe = onWorkspaceChange(store, ws.id, () => send(data()));
      const heartbeat = setInterval(() => send(sseFrame("ping")), HEARTBEAT_MS);
      const unregister = registry.add({
        kill: () => {
          cleanup();
          destroy();
        },
        end: () => {
          send(": server shutting down\n\n");
          cleanup();
          controller.close();
        },
      });
      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        unregister();
      };
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

/**
 * `GET /workspaces/{id}/watch-ws`: a one-way WebSocket. Heartbeat is a ping frame; a client
 * that sends anything is closed with 1002 (protocol error).
 */
export function watchWs(
  store: Store,
  registry: StreamRegistry,
  socket: WebSocket,
  ws: WorkspaceRecord,
  user: UserRecord,
): void {
  const send = (text: string) => {
    if (socket.readyState === socket.OPEN) socket.send(text);
  };
  const data = () => `{"type":"data","data":${watchedWorkspaceJson(store, ws, user)}}`;
  // codersdk.ServerSentEvent always carries `data`; a ping's is null.
  send(goJsonLine({ type: "ping", data: null }));
  send(data());
  const unsubscribe = onWorkspaceChange(store, ws.id, () => send(data()));
  const heartbeat = setInterval(() => {
    if (socket.readyState === socket.OPEN) socket.ping();
  }, HEARTBEAT_MS);
  const unregister = registry.add({
    kill: () => socket.terminate(),
    end: () => socket.close(CLOSE_GOING_AWAY, "server shutting down"),
  });
  socket.on("message", () => socket.close(1002, "this stream does not accept messages"));
  socket.on("close", () => {
    unsubscribe();
    clearInterval(heartbeat);
    unregister();
  });
  socket.on("error", () => socket.terminate());
}
