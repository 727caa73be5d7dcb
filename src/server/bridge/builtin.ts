import type { Hono } from "hono";
import type { ApiEnv } from "../http/env";
import type { createUpgradeRouter } from "../streams/router";
import type { Backend } from "./backend";

/** The built-in Coder-compatible API as the bridge's backend, in-process. */
export function builtinBackend(api: Hono<ApiEnv>, upgrades: ReturnType<typeof createUpgradeRouter>): Backend {
  return {
    mode: "builtin",
    appOrigin: null,
    fetch: async (req, env) => api.fetch(req, env),
    upgrade: (req, socket, head) => upgrades.handle(req, socket, head),
    // Built-in streams are ended through the stream registry.
    drain: () => {},
    close: async () => upgrades.close(),
  };
}
