import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { Store } from "../../store/store";
import { organizationView, userView } from "../../store/views";
import { HttpError } from "../../util/errors";
import { NotFound } from "../../store/errors";
import { requireAuth } from "../auth";
import { userParam } from "../access";
import type { AuthConfig } from "../deps";
import { SESSION_COOKIE, type ApiEnv } from "../env";
import { expectType, jsonBody } from "../params";
import { json } from "../respond";

/** Login/logout (public) and user lookups. */
export function userRoutes(store: Store, methods: AuthConfig = { password: true, oidcSignInText: null }): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  // Public, and before `/users/:user`, which would otherwise take "authmethods" for a user name.
  app.get("/users/authmethods", (c) =>
    json(c, 200, {
      password: { enabled: methods.password },
      github: { enabled: false, default_provider_configured: false },
      oidc: { enabled: methods.oidcSignInText !== null, signInText: methods.oidcSignInText ?? "", iconUrl: "" },
    }),
  );

  app.post("/users/login", async (c) => {
    if (!methods.password) throw new HttpError(403, "Password authentication is disabled.");
    const body = await jsonBody<{ email: string; password: string }>(c);
    expectType(body, "email", "string", true);
    expectType(body, "password", "string", true);
    const session = store.login(body.email!, body.password!);
    if (!session) throw new HttpError(401, "Incorrect email or password.");
    setCookie(c, SESSION_COOKIE, session.token, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      expires: new Date(session.expires_at),
    });
    return json(c, 201, { session_token: session.token });
  });

  const auth = requireAuth(store);

  app.post("/users/logout", auth, (c) => {
    store.logout(c.get("token"));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return json(c, 200, { message: "Logged out!" });
  });

  app.get("/users/:user", auth, (c) => json(c, 200, userView(store, userParam(store, c))));

  app.get("/users/:user/organizations", auth, (c) => {
    userParam(store, c);
    return json(c, 200, [...store.organizations.values()].map(organizationView));
  });

  app.get("/organizations", auth, (c) => json(c, 200, [...store.organizations.values()].map(organizationView)));

  app.get("/organizations/:organization", auth, (c) => {
    const raw = c.req.param("organization");
    const org = [...store.organizations.values()].find(
      (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
    );
    if (!org) throw new NotFound();
    return json(c, 200, organizationView(org));
  });

  return app;
}
