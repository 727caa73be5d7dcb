import type { MiddlewareHandler } from "hono";
import { createRng } from "../util/prng";

export interface FaultOptions {
  latencyMs: number;
  errorRate: number;
  seed: number;
}

const isStream = (path: string, url: URL) =>
  path.endsWith("/watch") || path.endsWith("/watch-ws") || url.searchParams.has("follow");

/**
 * Fault injection for tests: added latency on every /api/v2 answer, and a seeded fraction of
 * non-stream requests (never login) answered 500. Writes fail *after* their effect, which is
 * what punishes a client that retries mutations.
 */
export function faults(opts: FaultOptions): MiddlewareHandler {
  const rng = createRng(opts.seed).fork("faults");
  return async (c, next) => {
    if (opts.latencyMs > 0) await new Promise((r) => setTimeout(r, opts.latencyMs));
    const url = new URL(c.req.url);
    if (opts.errorRate <= 0 || isStream(c.req.path, url) || c.req.path.endsWith("/users/login")) return next();
    if (!rng.chance(opts.errorRate)) return next();
    const fail = () =>
      new Response(
        JSON.stringify({ message: "An internal error occurred.", detail: "simulated failure (--error-rate)" }) + "\n",
        {
          status: 500,
          headers: { "content-type": "application/json; charset=utf-8" },
        },
      );
    if (c.req.method === "GET" || c.req.method === "HEAD") return fail();
    await next();
    c.res = fail();
  };
}
