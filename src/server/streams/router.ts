import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Store } from "../store/store";
import { HttpError } from "../util/errors";
import { visibleAgent, visibleBuild, visibleWorkspace } from "../http/access";
import { logCursor } from "../http/routes/builds";
import { parseUuid } from "../http/params";
import { asHttpError } from "../http/respond";
import type { StreamRegistry } from "./registry";
import { followAgentLogs, followBuildLogs } from "./logs";
import { rejectUpgrade, upgradeUser } from "./upgrade";
import { watchWs } from "./watch";

const WATCH = /^\/api\/v2\/workspaces\/([^/]+)\/watch-ws$/;
const BUILD_LOGS = /^\/api\/v2\/workspacebuilds\/([^/]+)\/logs$/;
const AGENT_LOGS = /^\/api\/v2\/workspaceagents\/([^/]+)\/logs$/;

/** WebSocket endpoints of the built-in API, on the Node server's `upgrade` event. */
export function createUpgradeRouter(store: Store, registry: StreamRegistry, latencyMs = 0) {
  const wss = new WebSocketServer({ noServer: true });

  /** Resolves the request to a stream starter, or throws the HTTP error to answer with. */
  function route(req: IncomingMessage): (socket: WebSocket) => void {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    let m: RegExpMatchArray | null;
    if ((m = path.match(WATCH))) {
      const id = parseUuid(m[1]);
      const user = upgradeUser(store, req, url);
      const ws = visibleWorkspace(store, user, id);
      return (socket) => watchWs(store, registry, socket, ws, user);
    }
    if ((m = path.match(BUILD_LOGS))) {
      const id = parseUuid(m[1]);
      const after = logCursor(url.searchParams.get("after") ?? undefined, "after") ?? 0;
      const build = visibleBuild(store, upgradeUser(store, req, url), id);
      return (socket) => followBuildLogs(store, registry, socket, build, after);
    }
    if ((m = path.match(AGENT_LOGS))) {
      const id = parseUuid(m[1]);
      const after = logCursor(url.searchParams.get("after") ?? undefined, "after") ?? 0;
      const found = visibleAgent(store, upgradeUser(store, req, url), id);
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
      rejectUpgrade(socket, asHttpError(err) ?? new HttpError(500, "An internal error occurred."));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => start(ws));
  }
}
