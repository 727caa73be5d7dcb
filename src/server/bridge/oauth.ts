import { clientView } from "./forwarded";
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { safeRedirect } from "../../lib/redirect";
import { errorPage } from "../oauth2/pages";
import { challengeS256, createVerifier } from "../util/pkce";
import { readCookie, sessionCookie } from "./cookies";
import { Sealer } from "./sealed";

/** A server-side call to the Coder deployment (`path` is absolute: `/oauth2/tokens`). */
export type DeploymentCall = (path: string, init: RequestInit, dashboardOrigin: string) => Promise<Response>;

export interface OAuthOptions {
  call: DeploymentCall;
  /** Registered on Coder by an admin; without them the client registers itself where Coder allows. */
  clientId: string | null;
  clientSecret: string | null;
  /** Shared by every replica: the flow and session cookies are sealed with it. */
  sessionSecret: string;
  /** Behind a TLS proxy: the callback URL and Secure cookies follow X-Forwarded-Proto/Host. */
  trustProxy: boolean;
}

/** The sign-in in progress: lives only in the browser, sealed, for ten minutes. */
interface Flow {
  state: string;
  verifier: string;
  redirect: string;
  client: Client;
  tokenPath: string;
  revokePath: string | null;
}

interface Client {
  id: string;
  secret: string;
}

/** What the dashboard keeps of an OAuth2 sign-in besides the access token (the session cookie). */
export interface OAuthSession {
  refresh: string;
  client: Client;
  tokenPath: string;
  revokePath: string | null;
  issuedAt: number;
  expiresAt: number;
}

interface TokenResponse {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  expiry?: string;
  error?: string;
  error_description?: string;
}

interface Metadata {
  authorization_endpoint?: string;
  token_endpoint?: string;
  registration_endpoint?: string;
  revocation_endpoint?: string;
  code_challenge_methods_supported?: string[];
}

export const FLOW_COOKIE = "coder_dashboard_oauth_flow";
export const OAUTH_COOKIE = "coder_dashboard_oauth";
/** Set with a "try again" answer after a lost refresh: the browser's retry is its last chance. */
const RETRIED_COOKIE = "coder_dashboard_oauth_retried";
const RETRY_WINDOW_S = 10;
const FLOW_TTL_MS = 10 * 60_000;
const CALLBACK_PATH = "/auth/oauth/callback";
const SESSION_MAX_AGE_S = 7 * 24 * 3600;

const cookie = (name: string, value: string, path: string, maxAge: number, secure: boolean) =>
  `${name}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;

export const clearOAuthCookie = (secure: boolean) => cookie(OAUTH_COOKIE, "", "/", 0, secure);

const sameString = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const pathOf = (endpoint: string) => {
  const u = new URL(endpoint);
  return u.pathname + u.search;
};

const form = (fields: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
  body: new URLSearchParams(fields).toString(),
});

const tokenExpiry = (t: TokenResponse, now: number): number => {
  if (typeof t.expires_in === "number" && t.expires_in > 0) return now + t.expires_in * 1000;
  const at = t.expiry ? Date.parse(t.expiry) : NaN;
  return Number.isFinite(at) ? at : now + 24 * 3600_000;
};

/** A refresh is due once half of the token's life has passed (Coder's refresh token dies with it). */
export function refreshDue(s: OAuthSession, now: number): boolean {
  return now >= s.issuedAt + (s.expiresAt - s.issuedAt) / 2;
}

/**
 * Sign-in through Coder's OAuth2 provider, run by the dashboard server: authorization code with
 * PKCE (S256), `state` checked against a sealed cookie, tokens kept in HttpOnly cookies,
 * refreshed before they expire, revoked on sign-out. Nothing is kept in this process that a
 * request needs: any replica with the same `SESSION_SECRET` finishes what another started.
 */
export function createOAuth(opts: OAuthOptions) {
  const flows = new Sealer(opts.sessionSecret, "oauth-flow");
  const sessions = new Sealer(opts.sessionSecret, "oauth-session");
  /** Dynamic registrations of this process, by callback URL: saves registering on every sign-in. */
  const registered = new Map<string, Client>();
  /**
   * Refreshes in flight (and just done), by refresh token: the page's parallel requests all
   * carry the old one, and Coder accepts it once.
   */
  const refreshing = new Map<string, Promise<{ access: string; session: OAuthSession } | null>>();

  const metadata = async (origin: string): Promise<Metadata | null> => {
    try {
      const res = await opts.call(
        "/.well-known/oauth-authorization-server",
        { headers: { accept: "application/json" } },
        origin,
      );
      if (!res.ok) return null;
      const m = (await res.json()) as Metadata;
      return m.authorization_endpoint && m.token_endpoint ? m : null;
    } catch {
      return null;
    }
  };

  /** A grant posted to Coder's token endpoint with the client's credentials, and its parsed answer. */
  const tokenGrant = async (path: string, cl: Client, grant: Record<string, string>, origin: string) => {
    const res = await opts.call(path, form({ ...grant, client_id: cl.id, client_secret: cl.secret }), origin);
    return { res, token: (await res.json().catch(() => ({}))) as TokenResponse };
  };

  const client = async (m: Metadata, callback: string, origin: string): Promise<Client | string> => {
    if (opts.clientId && opts.clientSecret) return { id: opts.clientId, secret: opts.clientSecret };
    const known = registered.get(callback);
    if (known) return known;
    if (!m.registration_endpoint)
      return "This Coder deployment does not allow dynamic client registration: an administrator must register the dashboard as an OAuth2 application and give its credentials to the dashboard (OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET).";
    const res = await opts.call(
      pathOf(m.registration_endpoint),
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({
          client_name: "Workspaces dashboard",
          redirect_uris: [callback],
          grant_types: ["authorization_code", "refresh_token"],
          response_types: ["code"],
          token_endpoint_auth_method: "client_secret_post",
        }),
      },
      origin,
    );
    const body = (await res.json().catch(() => ({}))) as {
      client_id?: string;
      client_secret?: string;
      error_description?: string;
    };
    if (res.status !== 201 || !body.client_id || !body.client_secret)
      return `Coder refused to register the dashboard: ${body.error_description ?? `HTTP ${res.status}`}.`;
    const c = { id: body.client_id, secret: body.client_secret };
    registered.set(callback, c);
    return c;
  };

  /** The origin the person's browser uses: Coder sends them back to it after sign-in. */
  const publicView = (c: Context) => clientView((n) => c.req.header(n), undefined, opts.trustProxy);
  const publicOrigin = (c: Context) => {
    const view = publicView(c);
    return view.host ? `${view.proto}://${view.host}` : new URL(c.req.url).origin;
  };
  const secureOf = (c: Context) => new URL(c.req.url).protocol === "https:" || publicView(c).proto === "https";

  /** `GET /auth/oauth/status`: whether the sign-in button can use the OAuth2 flow here. */
  async function status(c: Context): Promise<Response> {
    const m = await metadata(new URL(c.req.url).origin);
    const available = m !== null && (m.code_challenge_methods_supported ?? ["S256"]).includes("S256");
    return Response.json({ available }, { headers: { "cache-control": "no-store" } });
  }

  /** `GET /auth/oauth/start?redirect=/path`: off to Coder's authorize page. */
  async function start(c: Context): Promise<Response> {
    const origin = new URL(c.req.url).origin;
    const again = { href: "/login", text: "Back to sign in" };
    const m = await metadata(origin);
    if (!m)
      return errorPage(
        502,
        "Single sign-on is not available",
        "This Coder deployment does not offer its OAuth2 provider. Sign in with a session token instead.",
        again,
      );
    const callback = publicOrigin(c) + CALLBACK_PATH;
    const registeredClient = await client(m, callback, origin).catch(
      (err: unknown) => `Coder could not be reached: ${err instanceof Error ? err.message : String(err)}.`,
    );
    if (typeof registeredClient === "string")
      return errorPage(502, "Single sign-on is not set up", registeredClient, again);
    const flow: Flow = {
      state: randomBytes(32).toString("base64url"),
      verifier: createVerifier(),
      redirect: safeRedirect(c.req.query("redirect")),
      client: registeredClient,
      tokenPath: pathOf(m.token_endpoint!),
      revokePath: m.revocation_endpoint ? pathOf(m.revocation_endpoint) : null,
    };
    const authorize = new URL(m.authorization_endpoint!);
    authorize.search = new URLSearchParams({
      client_id: flow.client.id,
      response_type: "code",
      redirect_uri: callback,
      state: flow.state,
      code_challenge: challengeS256(flow.verifier),
      code_challenge_method: "S256",
    }).toString();
    return new Response(null, {
      status: 302,
      headers: {
        location: authorize.toString(),
        "cache-control": "no-store",
        "set-cookie": cookie(
          FLOW_COOKIE,
          flows.seal(flow, FLOW_TTL_MS),
          "/auth/oauth",
          FLOW_TTL_MS / 1000,
          secureOf(c),
        ),
      },
    });
  }

  const sessionCookies = (access: string, s: OAuthSession, secure: boolean): string[] => [
    sessionCookie(access, secure),
    cookie(OAUTH_COOKIE, sessions.seal(s, Math.max(s.expiresAt - Date.now(), 1000)), "/", SESSION_MAX_AGE_S, secure),
  ];

  /** `GET /auth/oauth/callback?code&state`: Coder sent the person back; finish or refuse. */
  async function callback(c: Context): Promise<Response> {
    const secure = secureOf(c);
    const again = { href: "/login", text: "Sign in again" };
    const refuse = (status: number, title: string, description: string) => {
      const res = errorPage(status, title, description, again);
      // The flow is over whatever happened: the same answer cannot be replayed.
      res.headers.append("set-cookie", cookie(FLOW_COOKIE, "", "/auth/oauth", 0, secure));
      return res;
    };
    const flow = flows.open<Flow>(readCookie(c.req.header("cookie"), FLOW_COOKIE));
    const q = c.req.query();
    if (!flow)
      return refuse(
        400,
        "Sign-in link expired or already used",
        "This browser has no sign-in in progress: the link was already used, is older than ten minutes, or was started elsewhere. Start again from the sign-in page.",
      );
    if (!q.state || !sameString(q.state, flow.state))
      return refuse(
        400,
        "Sign-in refused",
        "The answer from Coder does not belong to the sign-in this browser started (state mismatch). Nothing was signed in. Start again from the sign-in page.",
      );
    if (q.error)
      return refuse(
        q.error === "access_denied" ? 403 : 400,
        q.error === "access_denied" ? "Sign-in cancelled" : "Coder did not sign you in",
        q.error === "access_denied"
          ? "Access was not allowed on Coder's page."
          : `${q.error}: ${q.error_description ?? ""}`.trim(),
      );
    if (!q.code) return refuse(400, "Sign-in refused", "Coder's answer carries no authorization code.");
    const origin = new URL(c.req.url).origin;
    const now = Date.now();
    let token: TokenResponse;
    try {
      const answer = await tokenGrant(
        flow.tokenPath,
        flow.client,
        {
          grant_type: "authorization_code",
          code: q.code,
          redirect_uri: publicOrigin(c) + CALLBACK_PATH,
          code_verifier: flow.verifier,
        },
        origin,
      );
      const res = answer.res;
      token = answer.token;
      if (!res.ok || !token.access_token)
        return refuse(
          res.status >= 500 ? 502 : 400,
          "Coder did not sign you in",
          token.error_description ?? token.error ?? `The token exchange failed (HTTP ${res.status}).`,
        );
    } catch (err) {
      return refuse(502, "Coder could not be reached", err instanceof Error ? err.message : String(err));
    }
    const session: OAuthSession = {
      refresh: token.refresh_token ?? "",
      client: flow.client,
      tokenPath: flow.tokenPath,
      revokePath: flow.revokePath,
      issuedAt: now,
      expiresAt: tokenExpiry(token, now),
    };
    const headers = new Headers({ location: flow.redirect, "cache-control": "no-store" });
    headers.append("set-cookie", cookie(FLOW_COOKIE, "", "/auth/oauth", 0, secure));
    for (const sc of sessionCookies(token.access_token, session, secure)) headers.append("set-cookie", sc);
    return new Response(null, { status: 302, headers });
  }

  const doRefresh = async (s: OAuthSession, origin: string) => {
    try {
      const { res, token: t } = await tokenGrant(
        s.tokenPath,
        s.client,
        { grant_type: "refresh_token", refresh_token: s.refresh },
        origin,
      );
      if (!res.ok || !t.access_token) return null;
      const now = Date.now();
      return {
        access: t.access_token,
        session: { ...s, refresh: t.refresh_token ?? s.refresh, issuedAt: now, expiresAt: tokenExpiry(t, now) },
      };
    } catch {
      return null;
    }
  };

  /**
   * Before a request is forwarded: the access token to use and the cookies to set when the
   * OAuth2 session was due for a refresh (undefined: nothing to change). `retry`: answer "try
   * again" instead of forwarding (see below).
   */
  async function refreshIfDue(
    c: Context,
  ): Promise<{ access: string | null; setCookies: string[]; retry?: boolean } | undefined> {
    const raw = readCookie(c.req.header("cookie"), OAUTH_COOKIE);
    if (!raw) return undefined;
    const secure = secureOf(c);
    const s = sessions.open<OAuthSession>(raw);
    if (!s) return { access: null, setCookies: [clearOAuthCookie(secure)] };
    if (!s.refresh || !refreshDue(s, Date.now())) return undefined;
    let pending = refreshing.get(s.refresh);
    if (!pending) {
      pending = doRefresh(s, new URL(c.req.url).origin);
      refreshing.set(s.refresh, pending);
      const key = s.refresh;
      void pending.finally(() => setTimeout(() => refreshing.delete(key), 30_000).unref());
    }
    const next = await pending;
    if (!next) {
      // Coder takes a refresh token once. When the page's parallel requests reach two replicas,
      // the other one may have just used it: its answer, with the new tokens, is on its way to
      // the browser, and the old access token is already dead. Clearing our cookie here could
      // overwrite the new ones; forwarding would answer 401 and sign the person out. So ask for
      // a retry (queries retry a 503), which carries the new cookies; a retry that still carries
      // this refresh token means it is really dead.
      if (readCookie(c.req.header("cookie"), RETRIED_COOKIE) === undefined)
        return { access: null, retry: true, setCookies: [cookie(RETRIED_COOKIE, "1", "/", RETRY_WINDOW_S, secure)] };
      return { access: null, setCookies: [clearOAuthCookie(secure), cookie(RETRIED_COOKIE, "", "/", 0, secure)] };
    }
    return { access: next.access, setCookies: sessionCookies(next.access, next.session, secure) };
  }

  /** On sign-out: revoke the refresh token (and with it the access token) on Coder. */
  async function revoke(c: Context): Promise<void> {
    const s = sessions.open<OAuthSession>(readCookie(c.req.header("cookie"), OAUTH_COOKIE));
    if (!s?.revokePath || !s.refresh) return;
    await opts
      .call(
        s.revokePath,
        form({
          token: s.refresh,
          token_type_hint: "refresh_token",
          client_id: s.client.id,
          client_secret: s.client.secret,
        }),
        new URL(c.req.url).origin,
      )
      .catch(() => undefined);
  }

  return {
    status,
    start,
    callback,
    refreshIfDue,
    revoke,
  };
}

export type OAuth = ReturnType<typeof createOAuth>;
