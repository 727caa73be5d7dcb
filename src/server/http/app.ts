import { Hono } from "hono";
import { csrf } from "./auth";
import type { ApiDeps } from "./deps";
import type { ApiEnv } from "./env";
import { faults, type FaultOptions } from "./faults";
import { errorResponse, json } from "./respond";
import { buildRoutes } from "./routes/builds";
import { connectRoutes } from "./routes/connect";
import { miscRoutes } from "./routes/misc";
import { provisionerRoutes } from "./routes/provisioners";
import { templateRoutes } from "./routes/templates";
import { userRoutes } from "./routes/users";
import { workspaceRoutes } from "./routes/workspaces";
import { agentRoutes } from "./routes/agents";
import { watchRoutes } from "./routes/watch";
import type { StreamRegistry } from "../streams/registry";

/** The Coder-compatible `/api/v2` application (HTTP only; WebSockets are in streams/). */
export function createApiApp(deps: ApiDeps, fault: FaultOptions, streams: StreamRegistry): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>().basePath("/api/v2");
  app.use("*", faults(fault));
  app.use("*", csrf());
  app.route("/", userRoutes(deps.store, deps.auth));
  app.route("/", workspaceRoutes(deps));
  app.route("/", buildRoutes(deps));
  app.route("/", agentRoutes(deps));
  app.route("/", templateRoutes(deps.store));
  app.route("/", miscRoutes(deps));
  app.route("/", connectRoutes(deps.store));
  app.route("/", provisionerRoutes(deps, { jobsEndpoint: deps.provisionerJobsEndpoint ?? true }));
  app.route("/", watchRoutes(deps.store, streams));
  app.all("*", (c) =>
    json(c, 404, {
      message: "Route not found.",
      detail: `${c.req.method} ${c.req.path} is not served by this server.`,
    }),
  );
  app.onError(errorResponse);
  return app;
}
