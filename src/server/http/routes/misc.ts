import { Hono } from "hono";
import type { ApiDeps } from "../deps";
import type { ApiEnv } from "../env";
import { json } from "../respond";

/** Build info (public). */
export function miscRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();

  app.get("/buildinfo", (c) =>
    json(c, 200, {
      // Coder links the commit it was built from here; the deployment's own URL is dashboard_url.
      external_url: "https://github.com/coder/coder",
      version: deps.buildInfo.version,
      dashboard_url: new URL(c.req.url).origin,
      telemetry: false,
      workspace_proxy: false,
      agent_api_version: "2.6",
      provisioner_api_version: "1.7",
      upgrade_message: "",
      deployment_id: store.defaultOrganization().id,
    }),
  );

  return app;
}
