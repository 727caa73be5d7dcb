import type { AuthMethods } from "../../api/types";

/** One single sign-on button. */
export interface SsoButton {
  label: string;
  /**
   * `oauth`: the dashboard server runs the OAuth2 flow (`/auth/oauth/start`), the person comes back
   * signed in. `cli-auth`: Coder's `/cli-auth` page opens in a new tab and shows a token to paste.
   */
  kind: "oauth" | "cli-auth";
  href: string;
}

export interface SignInOptions {
  password: boolean;
  sso: SsoButton[];
  /** Always offered: a session token from `coder login token` or `/cli-auth`. */
  token: true;
}

/**
 * What the login page offers. Without the deployment's answer (an older server, a failed
 * request) it falls back to email + password and a token, which every Coder accepts.
 */
export function signInOptions(
  methods: AuthMethods | undefined,
  oauthAvailable: boolean,
  coderOrigin: string,
  redirect: string,
): SignInOptions {
  if (!methods) return { password: true, sso: [], token: true };
  const via = (label: string): SsoButton =>
    oauthAvailable
      ? { label, kind: "oauth", href: `/auth/oauth/start?redirect=${encodeURIComponent(redirect)}` }
      : { label, kind: "cli-auth", href: `${coderOrigin.replace(/\/+$/, "")}/cli-auth` };
  const sso: SsoButton[] = [];
  if (methods.oidc?.enabled) sso.push(via(`Sign in with ${methods.oidc.signInText?.trim() || "OpenID Connect"}`));
  if (methods.github?.enabled) sso.push(via("Sign in with GitHub"));
  return { password: methods.password?.enabled !== false, sso, token: true };
}
