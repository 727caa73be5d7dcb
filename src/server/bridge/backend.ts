import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { HttpBindings } from "@hono/node-server";

/** Where the session bridge sends `/api/v2`: the built-in API or a real Coder deployment. */
export interface Backend {
  mode: "builtin" | "proxy";
  /** Origin apps are served from (sent to the browser in /config.json); null = this server. */
  appOrigin: string | null;
  fetch(req: Request, env: HttpBindings): Promise<Response>;
  /** A WebSocket upgrade whose headers the bridge already rewrote. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Shutdown, first step: end relayed streams in order (WebSocket 1001). */
  drain(): void;
  close(): Promise<void>;
}
