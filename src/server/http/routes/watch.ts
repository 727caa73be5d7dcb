import { Hono } from "hono";
import { watchSse } from "../../streams/watch";
import type { StreamRegistry } from "../../streams/registry";
import type { Store } from "../../store/store";
import { requireAuth } from "../auth";
import { workspaceById } from "../access";
import type { ApiEnv } from "../env";

/** `GET /workspaces/{id}/watch` (SSE). The WebSocket variant is served on upgrade (streams/router). */
export function watchRoutes(store: Store, registry: StreamRegistry): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get("/workspaces/:workspace/watch", requireAuth(store), (c) => {
    const ws = workspaceById(store, c);
    const incoming = c.env?.incoming;
    return watchSse(store, registry, ws, c.get("user"), () => incoming?.socket.destroy());
  });
  return app;
}
