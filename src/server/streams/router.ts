import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Store } from "../store/store";
import { HttpError, notFound } from "../util/errors";
import { logCursor } from "../http/routes/builds";
import { isUuid } from "../http/params";
import type { StreamRegistry } from "./registry";
import { followAgentLogs, followBuildLogs } from "./logs";
import { rejectUpgrade, upgradeUser } from "./upgrade";
import { watchWs } from "./watch";

const WATCH = /^\/api\/v2\/workspaces\/([^/]+)\/watch-ws$/;
const BUILD_LOGS = /^\/api\/v2\/workspacebuilds\/([^/]+)\/logs$/;
const AGENT_LOGS = /^\/api\/v2\/workspaceagents\/([^/]+)\/logs$/;

function uuid(raw: string): string {
  if (!isUuid(raw)) throw new HttpError(400, `Invalid UUID "${raw}".`);
  return raw.toLowerCase();
}

/** WebSocket endpoints of the built-in API, on the Node server's `upgrade` event. */
export function createUpgradeRouter(store: Store, registry: StreamRegistry, latencyMs = 0) {
  const wss = new WebSocketServer({ noServer: true });

  /** Resolves the request to a stream starter, or throws the HTTP error to answer with. */
  function route(req: IncomingMessage): (socket: WebSocket) => void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    let m: RegExpMatchArray | null;
    if ((m = path.match(WATCH))) {
      const id = uuid(m[1]);
      const user = upgradeUser(store, req, url);
      const ws = store.workspaces.get(id);
      if (!ws || !store.canSeeWorkspace(user, ws)) throw notFound();
      if (ws.deleted) throw new HttpError(410, `Workspace "${ws.name}" was deleted.`);
      return (socket) => watchWs(store, registry, socket, ws, user);
    }
    if ((m = path.match(BUILD_LOGS))) {
      const id = uuid(m[1]);
      const after = logCursor(url.searchParams.get("after") ?? undefined, "after") ?? 0;
      const user = upgradeUser(store, req, url);
      const build = store.builds.get(id);
      if (!build || !store.canSeeWorkspace(user, store.workspaces.get(build.workspace_id)!)) throw notFound();
      return (socket) => followBuildLogs(store, registry, socket, build, after);
    }
    if ((m = path.match(AGENT_LOGS))) {
      const id = uuid(m[1]);
      const after = logCursor(url.searchParams.get("after") ?? undefined, "after") ?? 0;
      const user = upgradeUser(store, req, url);
      const found = store.agent(id);
      if (!found || !store.canSeeWorkspace(user, store.workspaces.get(found.build.workspace_id)!)) throw notFound();
      return (socket) => followAgentLogs(store, registry, socket, id, found.build, after);
    }
    throw new HttpError(404, "Route not found.");
  }

  return {
    handle(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      // --latency-ms delays every /api/v2 answer, stream handshakes included.
      if (latencyMs > 0) setTimeout(() => accept(req, socket, head), latencyMs);
      else accept(req, socket, head);
    },
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };

  function accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (socket.destroyed) return;
    let start: (socket: WebSocket) => void;
    try {
      start = route(req);
    } catch (err) {
      rejectUpgrade(socket, err instanceof HttpError ? err : new HttpError(500, "An internal error occurred."));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => start(ws));
  }
}
