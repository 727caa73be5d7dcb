import { Hono } from "hono";
import type { HttpBindings } from "@hono/node-server";
import type { BuildOutcome } from "../store/records";
import { sendJson } from "../http/respond";
import type { Backend } from "./backend";
import { placeholderIcon } from "./icons";
import { serveSpa, securityHeaders } from "./static";
import type { createBridge } from "./session";
import type { OAuth } from "./oauth";

export interface RootOptions {
  backend: Backend;
  bridge: ReturnType<typeof createBridge>;
  distDir: string | null;
  /** Proxy mode: where `/icon/*` and `/emojis/*` come from. */
  proxyAsset?: (req: Request) => Promise<Response>;
  /** `/readyz`: whether this replica should get traffic (upstream reachable, not shutting down). */
  ready: () => Promise<{ ok: boolean; detail: string }>;
  /** Sign-in through Coder's OAuth2 provider (`/auth/oauth/*`). */
  oauth: OAuth;
  /** Built-in mode: the deployment's own OAuth2 provider pages and endpoints, on this origin. */
  provider?: { fetch(req: Request): Response | Promise<Response> };
  /** `--test-controls`: decide the outcome of a workspace's next build. */
  setNextOutcome?: (workspaceId: string, outcome: BuildOutcome) => boolean;
  /** `--test-controls`: keep every provisioner from taking jobs, or let them go on. */
  holdJobs?: (held: boolean) => void;
}

const OUTCOMES: BuildOutcome[] = ["succeeded", "failed", "insufficient_quota", "script_timeout"];

/** The dashboard server's own routes around the session bridge: health, config, auth, assets, SPA. */
export function createRootApp(opts: RootOptions): Hono<{ Bindings: HttpBindings }> {
  const app = new Hono<{ Bindings: HttpBindings }>();

  // Liveness: the process answers. Readiness also needs the Coder deployment behind it.
  app.get("/healthz", (c) => c.text("ok"));
  app.get("/readyz", async () => {
    const { ok, detail } = await opts.ready();
    return new Response(`${ok ? "ready" : "not ready"}: ${detail}\n`, {
      status: ok ? 200 : 503,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  });

  app.get("/config.json", (c) =>
    sendJson(200, { mode: opts.backend.mode, appOrigin: opts.backend.appOrigin ?? new URL(c.req.url).origin }),
  );

  app.post("/auth/token", (c) => opts.bridge.token(c));

  app.get("/auth/oauth/status", (c) => opts.oauth.status(c));
  app.get("/auth/oauth/start", (c) => opts.oauth.start(c));
  app.get("/auth/oauth/callback", (c) => opts.oauth.callback(c));
  const provider = opts.provider;
  if (provider) {
    app.all("/oauth2/*", (c) => provider.fetch(c.req.raw));
    app.get("/.well-known/oauth-authorization-server", (c) => provider.fetch(c.req.raw));
    app.all("/cli-auth", (c) => provider.fetch(c.req.raw));
  }

  if (opts.setNextOutcome) {
    const set = opts.setNextOutcome;
    app.post("/__sim/next-outcome", async (c) => {
      let body: { workspace_id?: unknown; outcome?: unknown };
      try {
        body = await c.req.json();
      } catch {
        return sendJson(400, { message: "Request body must be valid JSON." });
      }
      if (typeof body.workspace_id !== "string" || !OUTCOMES.includes(body.outcome as BuildOutcome)) {
        return sendJson(400, {
          message: "Expected {workspace_id, outcome: succeeded|failed|insufficient_quota|script_timeout}.",
        });
      }
      if (!set(body.workspace_id, body.outcome as BuildOutcome))
        return sendJson(404, { message: "Workspace not found." });
      return sendJson(200, { workspace_id: body.workspace_id, outcome: body.outcome });
    });
  }
  if (opts.holdJobs) {
    const hold = opts.holdJobs;
    app.post("/__sim/hold", async (c) => {
      const body = (await c.req.json().catch(() => null)) as { held?: unknown } | null;
      if (typeof body?.held !== "boolean") return sendJson(400, { message: "Expected {held: true|false}." });
      hold(body.held);
      return sendJson(200, { held: body.held });
    });
  }

  app.all("/api/*", (c) => opts.bridge.api(c));

  // Icons are often SVG documents served on our origin: they get the same CSP as every page.
  const icon = async (req: Request, urlPath: string): Promise<Response> => {
    const res = opts.proxyAsset ? await opts.proxyAsset(req) : placeholderIcon(urlPath);
    const headers = new Headers(res.headers);
    // fetch() already decoded the body: its length and encoding headers no longer apply.
    headers.delete("content-encoding");
    headers.delete("content-length");
    headers.delete("set-cookie");
    for (const [k, v] of Object.entries(securityHeaders())) headers.set(k, v);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
  app.get("/icon/*", (c) => icon(c.req.raw, c.req.path));
  app.get("/emojis/*", (c) => icon(c.req.raw, c.req.path));

  const dist = opts.distDir;
  if (dist) app.get("*", (c) => serveSpa(dist, c.req.raw));
  app.all(
    "*",
    () =>
      new Response("Not found\n", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8", ...securityHeaders() },
      }),
  );
  return app;
}
