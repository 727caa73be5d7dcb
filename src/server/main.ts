import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { builtinBackend } from "./bridge/builtin";
import { proxyBackend } from "./bridge/proxy";
import { createRootApp } from "./bridge/root";
import { createBridge } from "./bridge/session";
import { createOAuth, type DeploymentCall } from "./bridge/oauth";
import { createOAuth2Provider } from "./oauth2/provider";
import { randomBytes } from "node:crypto";
import type { Backend } from "./bridge/backend";
import { createApiApp } from "./http/app";
import { Simulation } from "./sim/simulation";
import { loadState, StatePersister } from "./store/persist";
import type { Store } from "./store/store";
import { StreamRegistry } from "./streams/registry";
import { createUpgradeRouter } from "./streams/router";
import { rejectUpgrade } from "./streams/upgrade";
import { HttpError } from "./util/errors";
import { createWorld, type WorldName } from "./world/index";
import { logResponse, logUpgrade } from "./bridge/accessLog";
import { clientView } from "./bridge/forwarded";
import { nodeHeaderGetter } from "./bridge/origin";
import { upstreamReady } from "./bridge/readiness";
import type { LogFormat } from "./bridge/accessLog";

export interface ServerOptions {
  port: number /*0 = random*/;
  host: string;
  seed: number;
  speed: number;
  ambient: boolean;
  failureRate: number;
  provisioners: number;
  latencyMs: number;
  errorRate: number;
  dropStreamsAfterMs: number | null;
  /** Answer every WebSocket upgrade with an error, as a proxy without WebSocket support does. */
  refuseWebsockets: boolean;
  stateFile: string | null;
  world: WorldName;
  testControls: boolean;
  /** Serve the organization's provisioner-job list (off: a Coder from before it, for the overview's fallback). */
  provisionerJobsEndpoint: boolean;
  coderUrl: string | null;
  coderSessionToken: string | null;
  distDir: string | null /* serve the SPA from here, null = API only */;
  /** Behind a TLS-terminating proxy: honour X-Forwarded-Proto/Host/For from it. */
  trustProxy: boolean;
  /** One line per request on stdout. */
  accessLog: boolean;
  logFormat: LogFormat;
  // Sign-in (single sign-on through Coder's OAuth2 provider, shared tokens):
  /** Built-in API: email + password sign-in offered. */
  passwordAuth: boolean;
  /** Built-in API: OIDC button text; OIDC counts as configured when set or when passwords are off. */
  oidcSignInText: string | null;
  /** Built-in API: serve the OAuth2 provider (metadata, register, authorize, tokens, revoke). */
  oauth2Provider: boolean;
  /** Built-in API: OAuth2 access token lifetime, seconds. */
  oauth2TokenTtl: number;
  /** This dashboard's OAuth2 application on Coder (else dynamic registration where Coder allows it). */
  oauth2ClientId: string | null;
  oauth2ClientSecret: string | null;
  /** Seals the sign-in cookies; every replica needs the same one (random per process when unset). */
  sessionSecret: string | null;
  /** Serve a CODER_SESSION_TOKEN on a non-loopback address anyway. */
  allowSharedToken: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  /**
   * Stops accepting, tells load balancers (`/readyz` 503), ends streams in order (WebSocket
   * 1001, a last SSE comment), waits up to `graceMs` for them and for requests in flight, then
   * cuts what is left.
   */
  close(opts?: { graceMs?: number }): Promise<void>;
}

export const DEFAULT_OPTIONS: ServerOptions = {
  port: 3000,
  host: "127.0.0.1",
  seed: 1,
  speed: 1,
  ambient: false,
  failureRate: 0.1,
  provisioners: 2,
  latencyMs: 0,
  errorRate: 0,
  dropStreamsAfterMs: null,
  refuseWebsockets: false,
  stateFile: null,
  world: "demo",
  testControls: false,
  provisionerJobsEndpoint: true,
  coderUrl: null,
  coderSessionToken: null,
  distDir: null,
  trustProxy: false,
  accessLog: false,
  logFormat: "text",
  passwordAuth: true,
  oidcSignInText: null,
  oauth2Provider: true,
  oauth2TokenTtl: 24 * 3600,
  oauth2ClientId: null,
  oauth2ClientSecret: null,
  sessionSecret: null,
  allowSharedToken: false,
};

export const SERVER_VERSION = "v2.24.1+sim";

/**
 * Starts the dashboard's Node server: the session bridge in front of `/api/v2` (the built-in
 * simulation or a proxied Coder), WebSockets on the same port, optionally the built SPA.
 */
export function startServer(partial: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServerWith({ ...DEFAULT_OPTIONS, ...partial });
}

/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;

/** Paths the dashboard server answers itself; everything else is the SPA (or Vite in dev). */
export const OWN_PATHS =
  /^\/(api\/|auth\/|healthz$|readyz$|config\.json$|__sim\/|icon\/|emojis\/|oauth2\/|\.well-known\/|cli-auth(\?|$))/;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface ServerExtras {
  /** `npm run dev`: Vite's middleware serves everything that is not ours. */
  devMiddleware?: NodeMiddleware;
  /** An HTTP server created beforehand (Vite attaches its HMR WebSocket to it first). */
  server?: Server;
}

export async function startServerWith(opts: ServerOptions, extras: ServerExtras = {}): Promise<RunningServer> {
  const store =
    (opts.stateFile && loadState(opts.stateFile, opts)) ||
    createWorld({ seed: opts.seed, world: opts.world, provisioners: opts.provisioners });
  const streams = new StreamRegistry(opts.dropStreamsAfterMs);
  const sim = new Simulation(store, {
    speed: opts.speed,
    provisioners: opts.provisioners,
    failureRate: opts.failureRate,
    ambient: opts.ambient,
    seed: opts.seed,
  });

  let backend: Backend;
  let proxyAsset: ((req: Request) => Promise<Response>) | undefined;
  let deployment: DeploymentCall;
  let provider: ReturnType<typeof createOAuth2Provider> | undefined;
  if (opts.coderUrl) {
    const proxy = proxyBackend(opts.coderUrl);
    backend = proxy;
    proxyAsset = proxy.asset;
    const base = opts.coderUrl;
    deployment = (path, init) => fetch(new URL(path, base), { ...init, redirect: "manual" });
  } else {
    const p = createOAuth2Provider({
      store,
      tokenTtlMs: opts.oauth2TokenTtl * 1000,
      registration: true,
      oauth2: opts.oauth2Provider,
    });
    provider = p;
    deployment = async (path, init, origin) => p.fetch(new Request(new URL(path, origin), init));
    const api = createApiApp(
      {
        store,
        nextOutcome: (id) => sim.nextOutcome(id),
        buildInfo: { version: SERVER_VERSION },
        auth: {
          password: opts.passwordAuth,
          oidcSignInText: opts.oidcSignInText ?? (opts.passwordAuth ? null : "OpenID Connect"),
        },
        provisionerJobsEndpoint: opts.provisionerJobsEndpoint,
      },
      { latencyMs: opts.latencyMs, errorRate: opts.errorRate, seed: opts.seed },
      streams,
    );
    backend = builtinBackend(api, createUpgradeRouter(store, streams, opts.latencyMs));
    sim.start();
  }
  const oauth = createOAuth({
    call: deployment,
    clientId: opts.oauth2ClientId,
    clientSecret: opts.oauth2ClientSecret,
    sessionSecret: opts.sessionSecret ?? randomBytes(32).toString("base64url"),
    trustProxy: opts.trustProxy,
  });
  const bridge = createBridge({ backend, sessionToken: opts.coderSessionToken, oauth, trustProxy: opts.trustProxy });
  let draining = false;
  const root = createRootApp({
    backend,
    bridge,
    ready: () => (draining ? Promise.resolve({ ok: false, detail: "shutting down" }) : upstreamReady(opts.coderUrl)),
    distDir: opts.distDir,
    proxyAsset,
    oauth,
    provider,
    setNextOutcome: opts.testControls && !opts.coderUrl ? (id, outcome) => sim.setNextOutcome(id, outcome) : undefined,
    holdJobs: opts.testControls && !opts.coderUrl ? (held) => sim.hold(held) : undefined,
  });

  const listener = getRequestListener(root.fetch);
  const dev = extras.devMiddleware;
  const server: Server = extras.server ?? createServer();
  // Longer than the idle timeout of the proxies and load balancers commonly put in front (60 s),
  // so an idle connection is closed by them, never by us just as they (or a browser) reuse it.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const remote = (req: IncomingMessage) =>
    clientView(nodeHeaderGetter(req.headers), req.socket.remoteAddress, opts.trustProxy).clientIp;
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (opts.accessLog) logResponse(req, res, remote(req), opts.logFormat);
    if (dev && !OWN_PATHS.test(req.url ?? "/")) dev(req, res, () => void listener(req, res));
    else void listener(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    const path = (req.url ?? "/").split("?")[0];
    if (opts.accessLog && path.startsWith("/api/")) logUpgrade(req, remote(req), opts.logFormat);
    if (opts.refuseWebsockets && path.startsWith("/api/"))
      rejectUpgrade(socket, new HttpError(502, "WebSocket upgrades are refused (--refuse-websockets)."));
    else if (path.startsWith("/api/")) bridge.upgrade(req, socket, head);
    // In dev, Vite's own upgrade listener takes its HMR socket.
    else if (!dev) socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const persister =
    opts.stateFile && !opts.coderUrl
      ? new StatePersister(store, opts.stateFile, { seed: opts.seed, world: opts.world })
      : null;
  const hostForUrl =
    opts.host === "0.0.0.0" || opts.host === "::"
      ? "127.0.0.1"
      : opts.host.includes(":")
        ? `[${opts.host}]`
        : opts.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    store,
    close({ graceMs = 1000 } = {}) {
      closing ??= (async () => {
        draining = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        sim.stop();
        streams.endAll();
        backend.drain();
        server.closeIdleConnections();
        const deadline = Date.now() + graceMs;
        while (streams.size > 0 && Date.now() < deadline) await sleep(20);
        server.closeIdleConnections();
        await Promise.race([closed, sleep(Math.max(0, deadline - Date.now()))]);
        persister?.stop();
        streams.killAll();
        await backend.close();
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
