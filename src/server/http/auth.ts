import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { UserRecord } from "../store/records";
import type { Store } from "../store/store";
import { HttpError } from "../util/errors";
import { SESSION_COOKIE, SESSION_HEADER, type ApiEnv } from "./env";

export const SIGNED_OUT = "You are signed out or your session has expired. Please sign in again to continue.";

/** Where a request may carry its session token. */
export interface TokenPlaces {
  cookie: string | null | undefined;
  query: string | null | undefined;
  header: string | null | undefined;
}

/** The token a request carries, in Coder's order: cookie, query, header. */
export function pickToken(places: TokenPlaces): string | undefined {
  return places.cookie || places.query || places.header || undefined;
}

export function requestToken(c: Context): string | undefined {
  return pickToken({
    cookie: getCookie(c, SESSION_COOKIE),
    query: c.req.query(SESSION_COOKIE),
    header: c.req.header(SESSION_HEADER),
  });
}

/** The session's user, or the 401 Coder answers (HTTP requests and WebSocket upgrades alike). */
export function authenticate(store: Store, token: string | undefined): { user: UserRecord; token: string } {
  const user = store.authenticate(token);
  if (!user || !token) {
    throw new HttpError(
      401,
      SIGNED_OUT,
      token ? "API key is invalid or expired." : `Cookie "${SESSION_COOKIE}" or query parameter must be provided.`,
    );
  }
  return { user, token };
}

/**
 * Coder's CSRF rule (httpmw/csrf.go): a non-GET /api request that carries the session cookie
 * must also carry the same token in the header or query, else 400 in plain text.
 */
export function csrf(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) return next();
    if (c.req.header(SESSION_HEADER) === cookie || c.req.query(SESSION_COOKIE) === cookie) return next();
    return new Response(
      "Something is wrong with your CSRF token. Please refresh the page. If this error persists, try clearing your cookies.\n",
      { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  };
}

/** 401 without a valid session; otherwise the user is in the context. */
export function requireAuth(store: Store): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const session = authenticate(store, requestToken(c));
    c.set("user", session.user);
    c.set("token", session.token);
    return next();
  };
}
