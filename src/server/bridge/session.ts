import type { Context } from "hono";
import type { HttpBindings } from "@hono/node-server";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { SESSION_COOKIE, SESSION_HEADER } from "../http/env";
import { sendJson } from "../http/respond";
import type { Backend } from "./backend";
import {
  clearSessionCookie,
  isSessionSetCookie,
  readCookie,
  replaceCookie,
  rewriteSetCookie,
  sessionCookie,
} from "./cookies";
import { clearOAuthCookie, OAUTH_COOKIE, type OAuth } from "./oauth";
import { clientView, FORWARDED_HEADERS, type ClientView } from "./forwarded";
import { isBrowserRequest, isForeignOrigin, isSafeMethod, nodeHeaderGetter } from "./origin";

export interface BridgeOptions {
  backend: Backend;
  /** Injected when the request carries no session of its own (proxy mode, local use). */
  sessionToken: string | null;
  /** Honour X-Forwarded-* from a TLS-terminating proxy in front of us. */
  trustProxy: boolean;
  /** Sign-in through Coder's OAuth2 provider: its tokens are refreshed here, revoked on sign-out. */
  oauth?: OAuth;
}

const FOREIGN = {
  message: "Cross-origin request refused.",
  detail: "State-changing requests must come from the dashboard's own origin.",
};

/**
 * The session bridge in front of `/api/v2`: the HttpOnly cookie becomes the
 * `Coder-Session-Token` header (so Coder's CSRF rule passes for our own pages), cross-origin
 * writes are refused, login turns the token into the cookie, logout clears it.
 */
export function createBridge(opts: BridgeOptions) {
  const view = (c: Context<{ Bindings: HttpBindings }>): ClientView =>
    clientView((n) => c.req.header(n), c.env?.incoming?.socket.remoteAddress, opts.trustProxy);
  const isHttps = (c: Context<{ Bindings: HttpBindings }>) => view(c).proto === "https";
  const isForeign = (c: Context<{ Bindings: HttpBindings }>) => isForeignOrigin((n) => c.req.header(n), view(c).host);

  /** The upstream (Coder's audit log) must see the person's address, not the dashboard's. */
  const setForwarded = (headers: Headers, forwardedFor: string): void => {
    for (const h of FORWARDED_HEADERS) headers.delete(h);
    if (forwardedFor) headers.set("x-forwarded-for", forwardedFor);
  };

  const forward = async (c: Context<{ Bindings: HttpBindings }>, headers: Headers): Promise<Response> => {
    const init: RequestInit & { duplex?: "half" } = { method: c.req.method, headers, redirect: "manual" };
    if (!isSafeMethod(c.req.method)) {
      init.body = c.req.raw.body;
      init.duplex = "half";
    }
    return opts.backend.fetch(new Request(c.req.url, init), c.env);
  };

  const withSession = (c: Context, headers: Headers): void => {
    const cookie = readCookie(c.req.header("cookie"), SESSION_COOKIE);
    if (cookie && !headers.has(SESSION_HEADER)) headers.set(SESSION_HEADER, cookie);
    // Signing out revokes the token it carries: never the operator's injected one.
    const logout = c.req.method === "POST" && c.req.path === "/api/v2/users/logout";
    if (!cookie && !headers.has(SESSION_HEADER) && opts.sessionToken && !logout)
      headers.set(SESSION_HEADER, opts.sessionToken);
  };

  /** A password or pasted-token sign-in ends an earlier OAuth2 one: its refresh cookie goes. */
  const dropOAuth = (c: Context, out: Headers, secure: boolean) => {
    if (readCookie(c.req.header("cookie"), OAUTH_COOKIE) !== undefined)
      out.append("set-cookie", clearOAuthCookie(secure));
  };

  const withToken = (c: Context, out: Headers, token: string | undefined, secure: boolean): Headers => {
    if (token) {
      out.append("set-cookie", sessionCookie(token, secure));
      dropOAuth(c, out, secure);
    }
    return out;
  };

  async function api(c: Context<{ Bindings: HttpBindings }>): Promise<Response> {
    const get = (n: string) => c.req.header(n);
    if (!isSafeMethod(c.req.method) && isForeign(c)) return sendJson(403, FOREIGN);
    const headers = new Headers(c.req.raw.headers);
    withSession(c, headers);
    setForwarded(headers, view(c).forwardedFor);
    const refreshed = await opts.oauth?.refreshIfDue(c);
    if (refreshed?.retry) {
      const busy = sendJson(503, { message: "Your session was being renewed. Try again." });
      busy.headers.set("retry-after", "1");
      for (const sc of refreshed.setCookies) busy.headers.append("set-cookie", sc);
      return busy;
    }
    if (refreshed?.access) {
      // Coder reads the cookie before the header: both must carry the new token.
      headers.set(SESSION_HEADER, refreshed.access);
      headers.set("cookie", replaceCookie(c.req.header("cookie"), SESSION_COOKIE, refreshed.access));
    }
    const logout = c.req.method === "POST" && c.req.path === "/api/v2/users/logout";
    const upstream = await forward(c, headers);
    // After Coder's own sign-out (which needs the access token): the refresh token goes too.
    if (logout) await opts.oauth?.revoke(c);
    const secure = isHttps(c);
    const path = c.req.path;
    const out = new Headers(upstream.headers);
    out.delete("set-cookie");
    out.delete("content-encoding");
    out.delete("content-length");
    for (const sc of upstream.headers.getSetCookie()) {
      // The session cookie is ours to set (HttpOnly, our origin); others pass rewritten.
      if (!isSessionSetCookie(sc)) out.append("set-cookie", rewriteSetCookie(sc, secure));
    }
    for (const sc of refreshed?.setCookies ?? []) out.append("set-cookie", sc);
    // Coder answers 201; any success that carries a token signs in.
    if (c.req.method === "POST" && path === "/api/v2/users/login" && upstream.ok) {
      const text = await upstream.text();
      let body: { session_token?: unknown } = {};
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === "object") body = parsed as { session_token?: unknown };
      } catch {
        // Not JSON: the upstream's own session cookie may still carry the token.
      }
      // The token comes in the body; the upstream's own session cookie is the fallback.
      const fromCookie = upstream.headers.getSetCookie().find(isSessionSetCookie)?.split(";")[0].split("=")[1];
      const token =
        typeof body.session_token === "string" && body.session_token
          ? body.session_token
          : fromCookie
            ? decodeURIComponent(fromCookie)
            : undefined;
      if (!token || upstream.status === 204 || upstream.status === 205)
        return new Response(upstream.status === 204 || upstream.status === 205 ? null : text, {
          status: upstream.status,
          headers: withToken(c, out, token, secure),
        });
      withToken(c, out, token, secure);
      const visible = isBrowserRequest(get) ? {} : body;
      out.set("content-type", "application/json; charset=utf-8");
      return new Response(JSON.stringify(visible) + "\n", { status: upstream.status, headers: out });
    }
    if (logout) {
      out.append("set-cookie", clearSessionCookie(secure));
      dropOAuth(c, out, secure);
    }
    return new Response(upstream.body, { status: upstream.status, statusText: upstream.statusText, headers: out });
  }

  /** `POST /auth/token {token}`: a pasted session token becomes the HttpOnly cookie. */
  async function token(c: Context<{ Bindings: HttpBindings }>): Promise<Response> {
    if (isForeign(c)) return sendJson(403, FOREIGN);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return sendJson(400, { message: "Request body must be valid JSON." });
    }
    const t = body && typeof body === "object" ? (body as { token?: unknown }).token : undefined;
    if (typeof t !== "string" || t.trim() === "") {
      return sendJson(400, {
        message: "Validation failed.",
        validations: [{ field: "token", detail: "A session token is required." }],
      });
    }
    const url = new URL("/api/v2/users/me", c.req.url);
    const res = await opts.backend.fetch(
      new Request(url, { headers: { [SESSION_HEADER]: t.trim(), accept: "application/json" } }),
      c.env,
    );
    if (!res.ok) {
      const detail = (await res.text()).slice(0, 500);
      // A failing or unreachable deployment says nothing about the token: do not call it rejected.
      if (res.status >= 500)
        return sendJson(res.status, { message: "The session token could not be checked.", detail });
      return sendJson(res.status === 401 ? 401 : 400, { message: "The session token was not accepted.", detail });
    }
    const user = await res.json();
    const response = sendJson(200, user);
    response.headers.append("set-cookie", sessionCookie(t.trim(), isHttps(c)));
    dropOAuth(c, response.headers, isHttps(c));
    return response;
  }

  /** WebSocket upgrades under /api: same cookie → header rule, then the backend. */
  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const get = nodeHeaderGetter(req.headers);
    const client = clientView(get, req.socket.remoteAddress, opts.trustProxy);
    // A page on another origin must not read our streams with the user's cookie.
    if (isForeignOrigin(get, client.host)) {
      socket.end(
        "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" +
          JSON.stringify(FOREIGN) +
          "\n",
      );
      return;
    }
    const cookie = readCookie(get("cookie"), SESSION_COOKIE);
    if (cookie && !req.headers["coder-session-token"]) req.headers["coder-session-token"] = cookie;
    if (!cookie && !req.headers["coder-session-token"] && opts.sessionToken)
      req.headers["coder-session-token"] = opts.sessionToken;
    for (const h of FORWARDED_HEADERS) delete req.headers[h];
    if (client.forwardedFor) req.headers["x-forwarded-for"] = client.forwardedFor;
    opts.backend.upgrade(req, socket, head);
  }

  return { api, token, upgrade };
}
