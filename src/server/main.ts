import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { builtinBackend } from "./bridge/builtin";
import { proxyBackend } from "./bridge/proxy";
import { createRootApp } from "./bridge/root";
import { createBridge } from "./bridge/session";
import type { Backend } from "./bridge/backend";
import { createApiApp } from "./http/app";
import { Simulation } from "./sim/simulation";
import { loadState, StatePersister } from "./store/persist";
import type { Store } from "./store/store";
import { StreamRegistry } from "./streams/registry";
import { createUpgradeRouter } from "./streams/router";
import { createWorld, type WorldName } from "./world/index";

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
  stateFile: string | null;
  world: WorldName;
  testControls: boolean;
  /** Serve the organization's provisioner-job list (off: a Coder from before it, for the overview's fallback). */
  provisionerJobsEndpoint: boolean;
  coderUrl: string | null;
  coderSessionToken: string | null;
  distDir: string | null /* serve the SPA from here, null = API only */;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  close(): Promise<void>;
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
  stateFile: null,
  world: "demo",
  testControls: false,
  provisionerJobsEndpoint: true,
  coderUrl: null,
  coderSessionToken: null,
  distDir: null,
};

export const SERVER_VERSION = "v2.24.1+sim";

/**
 * Starts the dashboard's Node server: the session bridge in front of `/api/v2` (the built-in
 * simulation or a proxied Coder), WebSockets on the same port, optionally the built SPA.
 */
export function startServer(partial: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServerWith({ ...DEFAULT_OPTIONS, ...partial });
}

/** Paths the dashboard server answers itself; everything else is the SPA (or Vite in dev). */
export const OWN_PATHS = /^\/(api\/|auth\/|healthz$|config\.json$|__sim\/|icon\/|emojis\/)/;

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
  if (opts.coderUrl) {
    const proxy = proxyBackend(opts.coderUrl);
    backend = proxy;
    proxyAsset = proxy.asset;
  } else {
    const api = createApiApp(
      {
        store,
        nextOutcome: (id) => sim.nextOutcome(id),
        buildInfo: { version: SERVER_VERSION },
        provisionerJobsEndpoint: opts.provisionerJobsEndpoint,
      },
      { latencyMs: opts.latencyMs, errorRate: opts.errorRate, seed: opts.seed },
      streams,
    );
    backend = builtinBackend(api, createUpgradeRouter(store, streams, opts.latencyMs));
    sim.start();
  }
  const bridge = createBridge({ backend, sessionToken: opts.coderSessionToken });
  const root = createRootApp({
    backend,
    bridge,
    distDir: opts.distDir,
    proxyAsset,
    setNextOutcome: opts.testControls && !opts.coderUrl ? (id, outcome) => sim.setNextOutcome(id, outcome) : undefined,
  });

  const listener = getRequestListener(root.fetch);
  const dev = extras.devMiddleware;
  const server: Server = extras.server ?? createServer();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (dev && !OWN_PATHS.test(req.url ?? "/")) dev(req, res, () => void listener(req, res));
    else void listener(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path.startsWith("/api/")) bridge.upgrade(req, socket, head);
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
    close() {
      closing ??= (async () => {
        sim.stop();
        persister?.stop();
        streams.killAll();
        await backend.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })();
      return closing;
    },
  };
}
