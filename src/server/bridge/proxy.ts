import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { sendJson } from "../http/respond";
import { goJson } from "../util/json";
import { CLOSE_GOING_AWAY } from "../streams/registry";
import type { Backend } from "./backend";

const unreachable = (err: unknown) => ({
  message: "The Coder deployment could not be reached.",
  detail: err instanceof Error ? err.message : String(err),
});

const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  "accept-encoding",
  "te",
  "trailer",
  "proxy-connection",
];

/**
 * A real Coder deployment as the backend (`CODER_URL`): HTTP and SSE are streamed through,
 * WebSockets are bridged message by message with close codes preserved.
 */
export function proxyBackend(coderUrl: string): Backend & { asset(req: Request): Promise<Response> } {
  const base = new URL(coderUrl);
  const wss = new WebSocketServer({ noServer: true });
  const upstreamSockets = new Set<WebSocket>();

  const target = (pathAndQuery: string) => new URL(pathAndQuery, base);

  async function forward(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const headers = new Headers(req.headers);
    for (const h of HOP_BY_HOP) headers.delete(h);
    headers.set("accept-encoding", "identity");
    // The bridge already checked the browser's origin; upstream sees a same-origin request.
    if (headers.has("origin")) headers.set("origin", base.origin);
    for (const h of ["sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest", "referer"]) headers.delete(h);
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, redirect: "manual" };
    if (req.method !== "GET" && req.method !== "HEAD") {
      init.body = req.body;
      init.duplex = "half";
    }
    try {
      return await fetch(target(url.pathname + url.search), init);
    } catch (err) {
      return sendJson(502, unreachable(err));
    }
  }

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const wsUrl = target(req.url ?? "/");
    wsUrl.protocol = base.protocol === "https:" ? "wss:" : "ws:";
    const headers: Record<string, string> = {};
    for (const name of ["coder-session-token", "cookie", "user-agent", "x-forwarded-for"]) {
      const v = req.headers[name];
      if (typeof v === "string") headers[name] = v;
    }
    const upstream = new WebSocket(wsUrl, { headers });
    upstreamSockets.add(upstream);
    // The browser may leave before the handshake completes: the upstream stream must not outlive it.
    const abandon = () => {
      upstreamSockets.delete(upstream);
      if (upstream.readyState === upstream.CONNECTING || upstream.readyState === upstream.OPEN) upstream.terminate();
    };
    socket.once("close", abandon);
    upstream.once("unexpected-response", (_r, res) => {
      // Relay the deployment's refusal (401/404/410…) as our own HTTP answer.
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        socket.end(
          `HTTP/1.1 ${res.statusCode} ${res.statusMessage ?? ""}\r\nContent-Type: ${res.headers["content-type"] ?? "text/plain"}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.toString()}`,
        );
      });
      upstreamSockets.delete(upstream);
    });
    upstream.once("error", (err) => {
      upstreamSockets.delete(upstream);
      if (socket.destroyed) return;
      const body = goJson(unreachable(err));
      socket.end(
        `HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    upstream.once("open", () => {
      wss.handleUpgrade(req, socket, head, (client) => {
        socket.off("close", abandon);
        upstream.on(
          "message",
          (data: RawData, isBinary) => client.readyState === client.OPEN && client.send(data, { binary: isBinary }),
        );
        client.on(
          "message",
          (data: RawData, isBinary) =>
            upstream.readyState === upstream.OPEN && upstream.send(data, { binary: isBinary }),
        );
        upstream.on("ping", () => client.readyState === client.OPEN && client.ping());
        const closeWith = (ws: WebSocket, code: number, reason: Buffer) => {
          if (ws.readyState !== ws.OPEN) return;
          // 1005/1006 cannot be sent on the wire: an abnormal end stays abnormal.
          if (code === 1005 || code === 1006) ws.terminate();
          else ws.close(code, reason.toString());
        };
        upstream.on("close", (code, reason) => {
          upstreamSockets.delete(upstream);
          closeWith(client, code, reason);
        });
        client.on("close", (code, reason) => closeWith(upstream, code, reason));
        client.on("error", () => upstream.terminate());
        upstream.removeAllListeners("error");
        upstream.on("error", () => client.terminate());
      });
    });
  }

  return {
    mode: "proxy",
    appOrigin: base.origin,
    fetch: (req) => forward(req),
    asset: (req) => forward(req),
    upgrade,
    drain: () => {
      for (const c of wss.clients) c.close(CLOSE_GOING_AWAY, "server shutting down");
    },
    close: async () => {
      for (const s of upstreamSockets) s.terminate();
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
