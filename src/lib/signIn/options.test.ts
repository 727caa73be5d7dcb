import { describe, expect, it } from "vitest";
import type { AuthMethods } from "../../api/types";
import { signInOptions } from "./options";

const methods = (over: Partial<AuthMethods> = {}): AuthMethods => ({
  password: { enabled: true },
  github: { enabled: false, default_provider_configured: false },
  oidc: { enabled: false, signInText: "", iconUrl: "" },
  ...over,
});

describe("signInOptions", () => {
  it("password and token when that is all the deployment offers", () => {
    expect(signInOptions(methods(), true, "https://coder.example.com", "/workspaces")).toEqual({
      password: true,
      sso: [],
      token: true,
    });
  });

  it("an SSO-only deployment with the OAuth2 provider: the flow through the dashboard server, no password", () => {
    const o = signInOptions(
      methods({ password: { enabled: false }, oidc: { enabled: true, signInText: "Okta", iconUrl: "" } }),
      true,
      "https://coder.example.com",
      "/@alice/dev?tab=logs",
    );
    expect(o.password).toBe(false);
    expect(o.sso).toEqual([
      { label: "Sign in with Okta", kind: "oauth", href: "/auth/oauth/start?redirect=%2F%40alice%2Fdev%3Ftab%3Dlogs" },
    ]);
  });

  it("without the OAuth2 provider the button opens the deployment's /cli-auth page", () => {
    const o = signInOptions(
      methods({ github: { enabled: true, default_provider_configured: true } }),
      false,
      "https://coder.example.com/",
      "/workspaces",
    );
    expect(o.sso).toEqual([
      { label: "Sign in with GitHub", kind: "cli-auth", href: "https://coder.example.com/cli-auth" },
    ]);
  });

  it("an empty OIDC text reads as Coder's default, and both providers get a button", () => {
    const o = signInOptions(
      methods({
        oidc: { enabled: true, signInText: " ", iconUrl: "" },
        github: { enabled: true, default_provider_configured: false },
      }),
      true,
      "",
      "/",
    );
    expect(o.sso.map((s) => s.label)).toEqual(["Sign in with OpenID Connect", "Sign in with GitHub"]);
  });

  it("falls back to password + token when the methods are unknown", () => {
    expect(signInOptions(undefined, false, "", "/")).toEqual({ password: true, sso: [], token: true });
  });
});
