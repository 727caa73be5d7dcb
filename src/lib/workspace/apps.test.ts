import { describe, expect, it } from "vitest";
import { appHref, latestStatuses } from "./apps";

const ctx = { owner: "alice", workspace: "dev", agent: "main", origin: "https://coder.example.com" };

describe("appHref", () => {
  it("proxies internal apps through the deployment", () => {
    expect(appHref({ external: false, url: "http://localhost:13337/", slug: "code-server" }, ctx)).toBe(
      "https://coder.example.com/@alice/dev.main/apps/code-server/",
    );
  });

  it("opens external http(s) apps directly and nothing else", () => {
    expect(appHref({ external: true, url: "https://coder.com/docs", slug: "docs" }, ctx)).toBe(
      "https://coder.com/docs",
    );
    expect(appHref({ external: true, url: "javascript:alert(1)", slug: "x" }, ctx)).toBeUndefined();
    expect(appHref({ external: true, url: "vscode://coder.coder-remote/open", slug: "x" }, ctx)).toBeUndefined();
    expect(appHref({ external: true, url: "not a url", slug: "x" }, ctx)).toBeUndefined();
  });

  it("does not link command-only apps or a non-http origin", () => {
    expect(appHref({ external: false, command: "claude", slug: "claude" }, ctx)).toBeUndefined();
    expect(appHref({ external: false, url: "http://x", slug: "s" }, { ...ctx, origin: "file:///" })).toBeUndefined();
  });
});

describe("subdomain apps", () => {
  const app = {
    external: false,
    url: "http://localhost:8080",
    slug: "web",
    subdomain: true,
    subdomain_name: "web--main--dev--alice",
  };

  it("open under the wildcard app host, with the deployment's protocol", () => {
    expect(appHref(app, { ...ctx, appHost: "*.apps.example.com" })).toBe(
      "https://web--main--dev--alice.apps.example.com/",
    );
    expect(appHref(app, { ...ctx, appHost: "*--apps.example.com:8443" })).toBe(
      "https://web--main--dev--alice--apps.example.com:8443/",
    );
  });

  it("fall back to the path proxy without a wildcard host", () => {
    expect(appHref(app, { ...ctx, appHost: "" })).toBe("https://coder.example.com/@alice/dev.main/apps/web/");
  });

  it("refuse a subdomain name that is not a host label", () => {
    expect(
      appHref({ ...app, subdomain_name: "evil.com/x" }, { ...ctx, appHost: "*.apps.example.com" }),
    ).toBeUndefined();
  });
});

describe("latestStatuses", () => {
  it("sorts newest first and limits", () => {
    const s = [
      { created_at: "2025-01-01T00:00:00Z", id: 1 },
      { created_at: "2025-01-03T00:00:00Z", id: 3 },
      { created_at: "2025-01-02T00:00:00Z", id: 2 },
    ];
    expect(latestStatuses(s, 2).map((x) => x.id)).toEqual([3, 2]);
  });
});
