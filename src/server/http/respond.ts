import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { goJson } from "../util/json";
import { HttpError } from "../util/errors";
import { Conflict, DomainError, Forbidden, NotFound, PreconditionFailed } from "../store/errors";

/** JSON with Go's escaping, as Coder's httpapi.Write produces it; keeps headers set on `c`. */
export function json(c: Context, status: number, body: unknown): Response {
  c.header("content-type", "application/json; charset=utf-8");
  return c.body(goJson(body), status as ContentfulStatusCode);
}

/** Same, for code paths without a Hono context. */
export function sendJson(status: number, body: unknown): Response {
  return new Response(goJson(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
}

/** Coder's status code for each kind of refusal; the rest (Invalid) is a bad request. */
function statusOf(err: DomainError): number {
  if (err instanceof NotFound) return 404;
  if (err instanceof Conflict) return 409;
  if (err instanceof Forbidden) return 403;
  if (err instanceof PreconditionFailed) return 412;
  return 400;
}

/** The HTTP answer to an error a handler or store operation threw; undefined for bugs. */
export function asHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof DomainError) return new HttpError(statusOf(err), err.message, err.detail, err.validations);
  return undefined;
}

/** Turns anything thrown by a handler into a clean JSON error; only real bugs become 500. */
export function errorResponse(err: unknown, c: Context): Response {
  const known = asHttpError(err);
  if (known) return json(c, known.status, known.body());
  console.error(`[server] ${c.req.method} ${c.req.path}:`, err);
  return json(c, 500, {
    message: "An internal error occurred.",
    detail: err instanceof Error ? err.message : String(err),
  });
}

export const badRequest = (message: string, field?: string, detail?: string): HttpError =>
  new HttpError(400, message, detail, field ? [{ field, detail: detail ?? message }] : undefined);
