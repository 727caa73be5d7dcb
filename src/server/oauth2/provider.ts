import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { getCookie } from "hono/cookie";
import type { HttpBindings } from "@hono/node-server";
import type { Store } from "../store/store";
import type { UserRecord } from "../store/records";
import { isForeignOrigin } from "../bridge/origin";
import { SESSION_COOKIE } from "../http/env";
import { sendJson } from "../http/respond";
import { validPkceFormat, verifyS256 } from "../util/pkce";
import { errorPage, escapeHtml, htmlPage, signInFields } from "./pages";

/**
 * The subset of Coder's OAuth2 provider the dashboard uses, for the built-in deployment:
 * discovery metadata, dynamic client registration, the authorize + consent page, the token
 * endpoint (authorization code with PKCE S256, refresh token) and revocation; plus `/cli-auth`,
 * Coder's page that shows a session token after sign-in. Error codes and descriptions follow
 * Coder's (coderd/oauth2provider).
 */
export interface ProviderOptions {
  store: Store;
  /** Access token lifetime; the refresh token expires with it, as in Coder. */
  tokenTtlMs: number;
  /** Dynamic client registration (`POST /oauth2/register`) allowed. */
  registration: boolean;
  /** `--no-oauth2-provider`: only `/cli-auth` is served, as on a deployment without the provider. */
  oauth2: boolean;
}

interface App {
  id: string;
  secret: string;
  name: string;
  redirectUris: string[];
}

interface Code {
  appId: string;
  userId: string;
  challenge: string;
  redirectUri: string;
  expiresAt: number;
}

interface Grant {
  appId: string;
  userId: string;
  access: string;
  refresh: string;
  expiresAt: number;
}

const CODE_TTL_MS = 10 * 60_000;

/** Coder's secret format: `coder_<prefix>_<secret>`. */
const secret = () => `coder_${randomBytes(5).toString("hex")}_${randomBytes(24).toString("base64url")}`;

const oauthError = (status: number, error: string, description: string) =>
  sendJson(status, { error, error_description: description });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hash === "";
  } catch {
    return false;
  }
}

export function createOAuth2Provider(opts: ProviderOptions) {
  const { store } = opts;
  const apps = new Map<string, App>();
  const codes = new Map<string, Code>();
  /** One grant per app and user, as in Coder: a new one replaces (and signs out) the previous. */
  const grants = new Map<string, Grant>();
  const app = new Hono<{ Bindings: HttpBindings }>();

  const origin = (c: Context) => new URL(c.req.url).origin;

  const sessionUser = (c: Context): UserRecord | undefined => store.authenticate(getCookie(c, SESSION_COOKIE));

  const checkPassword = (email: string, password: string): UserRecord | undefined => {
    const lower = email.trim().toLowerCase();
    for (const u of store.users.values()) if (u.email.toLowerCase() === lower && u.password === password) return u;
    return undefined;
  };

  const dropGrant = (g: Grant) => {
    store.logout(g.access);
    grants.delete(`${g.userId}:${g.appId}`);
  };

  const issue = (appId: string, userId: string) => {
    const previous = grants.get(`${userId}:${appId}`);
    if (previous) dropGrant(previous);
    const session = store.createSession(userId);
    const expiresAt = Date.now() + opts.tokenTtlMs;
    session.expires_at = new Date(expiresAt).toISOString();
    const grant: Grant = { appId, userId, access: session.token, refresh: secret(), expiresAt };
    grants.set(`${userId}:${appId}`, grant);
    return {
      access_token: grant.access,
      token_type: "Bearer",
      refresh_token: grant.refresh,
      expiry: new Date(expiresAt).toISOString(),
      expires_in: Math.round(opts.tokenTtlMs / 1000),
    };
  };

  if (opts.oauth2) oauth2Routes();

  function oauth2Routes() {
    app.get("/.well-known/oauth-authorization-server", (c) => {
      const base = origin(c);
      return sendJson(200, {
        issuer: base,
        authorization_endpoint: `${base}/oauth2/authorize`,
        token_endpoint: `${base}/oauth2/tokens`,
        ...(opts.registration ? { registration_endpoint: `${base}/oauth2/register` } : {}),
        revocation_endpoint: `${base}/oauth2/revoke`,
        response_types_supported: ["code"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    });

    app.post("/oauth2/register", async (c) => {
      if (!opts.registration)
        return oauthError(403, "access_denied", "Dynamic client registration is disabled on this deployment.");
      let body: { redirect_uris?: unknown; client_name?: unknown };
      try {
        body = await c.req.json();
      } catch {
        return oauthError(400, "invalid_client_metadata", "The request body must be JSON.");
      }
      const uris = body.redirect_uris;
      if (!Array.isArray(uris) || uris.length === 0 || !uris.every(isHttpUrl))
        return oauthError(400, "invalid_client_metadata", "redirect_uris must be a non-empty list of http(s) URLs.");
      const registered: App = {
        id: randomUUID(),
        secret: secret(),
        name:
          typeof body.client_name === "string" && body.client_name.trim() ? body.client_name.trim() : "Dynamic client",
        redirectUris: uris,
      };
      apps.set(registered.id, registered);
      const base = origin(c);
      return sendJson(201, {
        client_id: registered.id,
        client_secret: registered.secret,
        client_id_issued_at: Math.floor(Date.now() / 1000),
        redirect_uris: registered.redirectUris,
        client_name: registered.name,
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
        registration_access_token: secret(),
        registration_client_uri: `${base}/oauth2/clients/${registered.id}`,
      });
    });

    /** The authorize request's parameters, checked as Coder checks them, or the page to show instead. */
    const authorizeRequest = (c: Context): { app: App; q: Record<string, string> } | Response => {
      const q = c.req.query();
      const found = q.client_id ? apps.get(q.client_id) : undefined;
      if (!found)
        return errorPage(400, "Unknown application", "No OAuth2 application is registered with this client_id.");
      const problems: string[] = [];
      if (!q.response_type) problems.push('Query param "response_type" is required and cannot be empty');
      if (q.redirect_uri && !found.redirectUris.includes(q.redirect_uri))
        problems.push("redirect_uri must exactly match one of the registered redirect URIs");
      if (q.response_type === "code" && !q.code_challenge)
        problems.push('Query param "code_challenge" is required and cannot be empty');
      else if (q.response_type === "code" && !validPkceFormat(q.code_challenge))
        problems.push("code_challenge must be 43 to 128 characters from the unreserved character set [A-Za-z0-9-._~]");
      if (problems.length > 0)
        return errorPage(
          400,
          "Invalid Query Parameters",
          `One or more query parameters are missing or invalid: ${problems.join("; ")}.`,
        );
      const callback = q.redirect_uri || found.redirectUris[0];
      const back = (params: Record<string, string>) => {
        const u = new URL(callback);
        for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
        if (q.state) u.searchParams.set("state", q.state);
        return c.redirect(u.toString(), 302);
      };
      if (q.response_type !== "code")
        return back({ error: "unsupported_response_type", error_description: "Only response_type=code is supported" });
      if (q.code_challenge_method && q.code_challenge_method !== "S256")
        return back({ error: "invalid_request", error_description: "code_challenge_method must be S256" });
      return { app: found, q: { ...q, redirect_uri: callback } };
    };

    const consentPage = (
      status: number,
      a: App,
      q: Record<string, string>,
      fields: Parameters<typeof signInFields>[0],
    ) => {
      const cancel = new URL(q.redirect_uri);
      cancel.searchParams.set("error", "access_denied");
      cancel.searchParams.set("error_description", "The resource owner or authorization server denied the request");
      if (q.state) cancel.searchParams.set("state", q.state);
      return htmlPage(
        status,
        `Authorize ${a.name}`,
        `<h1>Authorize ${escapeHtml(a.name)}</h1>
<p class="sub">Sign in to this Coder deployment (its single sign-on, simulated) to let the application act as you.</p>
<form class="card" method="post">
${signInFields(fields)}
<p>${escapeHtml(a.name)} will have full access to your account, including your workspaces.</p>
<div class="row"><a class="button" href="${escapeHtml(cancel.toString())}">Cancel</a><button type="submit">Allow</button></div>
</form>`,
      );
    };

    app.get("/oauth2/authorize", (c) => {
      const r = authorizeRequest(c);
      if (r instanceof Response) return r;
      return consentPage(200, r.app, r.q, { signedInAs: sessionUser(c)?.email });
    });

    app.post("/oauth2/authorize", async (c) => {
      if (isForeignOrigin((n) => c.req.header(n)))
        return errorPage(403, "Request refused", "The consent form must be sent from this deployment's own page.");
      const r = authorizeRequest(c);
      if (r instanceof Response) return r;
      const form = await c.req.parseBody();
      const email = typeof form.email === "string" ? form.email : "";
      const password = typeof form.password === "string" ? form.password : "";
      const user = sessionUser(c) ?? (email ? checkPassword(email, password) : undefined);
      if (!user) return consentPage(401, r.app, r.q, { error: "Incorrect email or password.", email });
      for (const [k, code] of codes) if (code.appId === r.app.id && code.userId === user.id) codes.delete(k);
      const code = secret();
      codes.set(code, {
        appId: r.app.id,
        userId: user.id,
        challenge: r.q.code_challenge,
        redirectUri: r.q.redirect_uri,
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      const u = new URL(r.q.redirect_uri);
      u.searchParams.set("code", code);
      if (r.q.state) u.searchParams.set("state", r.q.state);
      return c.redirect(u.toString(), 302);
    });

    /** Client credentials from the form or HTTP Basic (client_secret_post / client_secret_basic). */
    const clientCredentials = (c: Context, form: Record<string, unknown>): { id: string; secret: string } => {
      const basic = c.req.header("authorization");
      if (basic?.toLowerCase().startsWith("basic ")) {
        const decoded = Buffer.from(basic.slice(6), "base64").toString("utf8");
        const i = decoded.indexOf(":");
        if (i > 0)
          return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
      }
      return {
        id: typeof form.client_id === "string" ? form.client_id : "",
        secret: typeof form.client_secret === "string" ? form.client_secret : "",
      };
    };

    app.post("/oauth2/tokens", async (c) => {
      const form = (await c.req.parseBody()) as Record<string, unknown>;
      const str = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
      const grantType = str("grant_type");
      if (grantType !== "authorization_code" && grantType !== "refresh_token")
        return oauthError(400, "unsupported_grant_type", "The grant type is missing or unsupported");
      const client = clientCredentials(c, form);
      const required =
        grantType === "authorization_code"
          ? { code: str("code"), client_id: client.id, client_secret: client.secret, redirect_uri: str("redirect_uri") }
          : { client_id: client.id, refresh_token: str("refresh_token") };
      for (const [k, v] of Object.entries(required))
        if (!v) return oauthError(400, "invalid_request", `Missing required parameter: ${k}`);
      const registered = apps.get(client.id);
      if (!registered) return oauthError(401, "invalid_client", "The client credentials are invalid");
      if (grantType === "refresh_token") {
        const grant = [...grants.values()].find((g) => sameSecret(g.refresh, str("refresh_token")));
        if (!grant || grant.appId !== registered.id || grant.expiresAt < Date.now())
          return oauthError(400, "invalid_grant", "The refresh token is invalid or expired");
        return sendJson(200, issue(registered.id, grant.userId));
      }
      if (!sameSecret(client.secret, registered.secret))
        return oauthError(401, "invalid_client", "The client credentials are invalid");
      if (!registered.redirectUris.includes(str("redirect_uri")))
        return oauthError(
          400,
          "invalid_request",
          "The request is missing required parameters or is otherwise malformed",
        );
      const code = codes.get(str("code"));
      // Consumed on first use, whatever follows: a code is never good twice.
      codes.delete(str("code"));
      if (
        !code ||
        code.appId !== registered.id ||
        code.redirectUri !== str("redirect_uri") ||
        code.expiresAt < Date.now()
      )
        return oauthError(400, "invalid_grant", "The authorization code is invalid or expired");
      if (!verifyS256(code.challenge, str("code_verifier")))
        return oauthError(400, "invalid_grant", "The PKCE code verifier is invalid");
      return sendJson(200, issue(registered.id, code.userId));
    });

    app.post("/oauth2/revoke", async (c) => {
      const form = (await c.req.parseBody()) as Record<string, unknown>;
      const client = clientCredentials(c, form);
      const registered = apps.get(client.id);
      if (!registered || !sameSecret(client.secret, registered.secret))
        return oauthError(401, "invalid_client", "The client credentials are invalid");
      const token = typeof form.token === "string" ? form.token : "";
      if (!token) return oauthError(400, "invalid_request", "missing token parameter");
      // RFC 7009: 200 whether or not the token existed, so the answer reveals nothing.
      const grant = [...grants.values()].find((g) => g.refresh === token || g.access === token);
      if (grant && grant.appId === registered.id) dropGrant(grant);
      return c.body(null, 200);
    });
  }

  const cliAuthPage = (status: number, fields: Parameters<typeof signInFields>[0]) =>
    htmlPage(
      status,
      "Session token",
      `<h1>Get a session token</h1>
<p class="sub">Sign in to this Coder deployment (its single sign-on, simulated) to get a token for the CLI or the dashboard.</p>
<form class="card" method="post">${signInFields(fields)}<div class="row"><button type="submit">${fields.signedInAs ? "Create a session token" : "Sign in"}</button></div></form>`,
    );

  app.get("/cli-auth", (c) => cliAuthPage(200, { signedInAs: sessionUser(c)?.email }));

  app.post("/cli-auth", async (c) => {
    if (isForeignOrigin((n) => c.req.header(n)))
      return errorPage(403, "Request refused", "The form must be sent from this deployment's own page.");
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email : "";
    const user = sessionUser(c) ?? (email ? checkPassword(email, String(form.password ?? "")) : undefined);
    if (!user) return cliAuthPage(401, { error: "Incorrect email or password.", email });
    const session = store.createSession(user.id);
    return htmlPage(
      200,
      "Session token",
      `<h1>Your session token</h1>
<p class="sub">Copy it and paste it where you were asked for it. Treat it like a password.</p>
<div class="card"><label for="token">Session token</label><input id="token" class="token" readonly value="${escapeHtml(session.token)}">
<p class="note">Signed in as ${escapeHtml(user.email)}. Closing this tab is safe.</p></div>`,
    );
  });

  return app;
}
