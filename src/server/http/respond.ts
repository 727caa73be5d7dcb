import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { goJson } from "../util/json";
import { HttpError } from "../util/errors";

/** JSON with Go's escaping, as Coder's httpapi.Write produces it; keeps headers set on `c`. */
export function json(c: Context, status: number, body: unknown): Response {
  c.header("content-type", "application/json; charset=utf-8");
  return c.body(goJson(body), status as ContentfulStatusCode);
}

/** Same, for code paths without a Hono context. */
export function sendJson(status: number, body: unknown): Response {
  return new Response(goJson(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

/** Turns anything thrown by a handler into a clean JSON error; only real bugs become 500. */
export function errorResponse(err: unknown, c: Context): Response {
  if (err instanceof HttpError) return json(c, err.status, err.body());
  console.error(`[server] ${c.req.method} ${c.req.path}:`, err);
  return json(c, 500, {
    message: "An internal error occurred.",
    detail: err instanceof Error ? err.message : String(err),
  });
}

export const badRequest = (message: string, field?: string, detail?: string): HttpError =>
  new HttpError(400, message, detail, field ? [{ field, detail: detail ?? message }] : undefined);
