import { Hono } from "hono";
import type { GenerateAPIKeyResponse, SSHConfigResponse, WorkspaceQuota } from "../../../api/types";
import type { Store } from "../../store/store";
import { NotFound } from "../../store/errors";
import { userParam } from "../access";
import { requireAuth } from "../auth";
import type { ApiEnv } from "../env";
import { json } from "../respond";

/**
 * Quota credits each member may spend per day; owners have none set (no quota). Below what
 * alice's running workspaces plus quota-fail's 8 credits need, so that failure adds up.
 */
export const MEMBER_QUOTA_BUDGET = 10;

/** What a developer needs to connect: SSH host naming, the wildcard app host, API keys, and quota. */
export function connectRoutes(store: Store): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);

  app.get("/deployment/ssh", auth, (c) => {
    const body: SSHConfigResponse = {
      hostname_prefix: "coder.",
      hostname_suffix: "coder",
      ssh_config_options: {},
    };
    return json(c, 200, body);
  });

  // No wildcard access URL is configured here, so apps are served path-based (empty host, as in Coder).
  app.get("/applications/host", auth, (c) => json(c, 200, { host: "" }));

  // A fresh session key for the user (VS Code Desktop hands it to the Coder extension).
  app.post("/users/:user/keys", auth, (c) => {
    const user = userParam(store, c);
    const viewer = c.get("user");
    if (user.id !== viewer.id && !viewer.admin) throw new NotFound();
    const body: GenerateAPIKeyResponse = { key: store.createSession(user.id).token };
    return json(c, 201, body);
  });

  app.get("/organizations/:organization/members/:user/workspace-quota", auth, (c) => {
    const raw = c.req.param("organization");
    const org = [...store.organizations.values()].find(
      (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
    );
    if (!org) throw new NotFound();
    const user = userParam(store, c);
    const viewer = c.get("user");
    // Coder answers a quota the viewer may not read as not found, like any resource it hides.
    if (user.id !== viewer.id && !viewer.admin) throw new NotFound();
    let consumed = 0;
    for (const ws of store.workspaces.values()) {
      if (ws.owner_id !== user.id || ws.organization_id !== org.id || ws.deleted) continue;
      consumed += store.latestBuild(ws.id).daily_cost;
    }
    const body: WorkspaceQuota = { credits_consumed: consumed, budget: user.admin ? 0 : MEMBER_QUOTA_BUDGET };
    return json(c, 200, body);
  });

  return app;
}
