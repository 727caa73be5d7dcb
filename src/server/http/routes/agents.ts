import { Hono } from "hono";
import { agentHealth } from "../../store/views";
import { HttpError } from "../../util/errors";
import type { UserRecord } from "../../store/records";
import { visibleAgent } from "../access";
import { requireAuth } from "../auth";
import type { ApiDeps } from "../deps";
import type { ApiEnv } from "../env";
import { uuidParam } from "../params";
import { json } from "../respond";
import { logCursor } from "./builds";

/** Workspace agents and their logs (the follow WebSocket lives in streams/). */
export function agentRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);

  const load = (id: string, user: UserRecord) => visibleAgent(store, user, id);

  app.get("/workspaceagents/:workspaceagent", auth, (c) => {
    const { agent } = load(uuidParam(c, "workspaceagent"), c.get("user"));
    agent.health = agentHealth(agent);
    return json(c, 200, agent);
  });

  app.get("/workspaceagents/:workspaceagent/logs", auth, (c) => {
    const { build } = load(uuidParam(c, "workspaceagent"), c.get("user"));
    const id = c.req.param("workspaceagent").toLowerCase();
    const after = logCursor(c.req.query("after"), "after");
    if (c.req.query("follow") !== undefined && c.req.query("follow") !== "false") {
      throw new HttpError(400, "Follow requires a WebSocket upgrade.", "Send the request with Connection: Upgrade.");
    }
    const logs = (store.content(build).agentLogs.get(id) ?? []).filter((l) => after === undefined || l.id > after);
    return json(c, 200, logs);
  });

  return app;
}
