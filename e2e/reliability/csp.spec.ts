// Content-Security-Policy (docs/conventions.md, issue 11): the dashboard server sends exactly the policy on
// every HTML response (and its assets), the shell has no inline script, and every route runs
// under it without a single `securitypolicyviolation`.
import { expect, test } from "../fixtures";
import { appRoutes, navigate, waitForRoute } from "../support/routes";
import { collectErrors, installProbes, readProbes, signInAt } from "../support/reliability";

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:";

test("the policy is on every HTML response and asset, and the shell has no inline script", async ({
  request,
  server,
}) => {
  const html = await request.get(`${server.url}/workspaces`);
  expect(html.headers()["content-type"]).toContain("text/html");
  const shell = await html.text();
  const scripts = [...shell.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs, "every script is a file").toMatch(/\bsrc=/);
    expect(body.trim()).toBe("");
  }
  expect(shell).not.toMatch(/\son[a-z]+=/i);
  const assets = [...shell.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(1);
  const paths = [
    "/",
    "/login",
    "/workspaces",
    "/@alice/dev",
    "/@alice/dev/builds/1?tab=logs",
    "/builds",
    "/no-such-page",
    "/assets/missing.js",
    ...assets,
  ];
  for (const path of paths) {
    const res = await request.get(`${server.url}${path}`, { maxRedirects: 0 });
    expect(res.headers()["content-security-policy"], `${path} (${res.status()})`).toBe(POLICY);
  }
});

test("every route runs under the policy: no violation, no uncaught error", async ({ browser, server }) => {
  test.setTimeout(120_000);
  const routes = await appRoutes(server.url);
  for (const user of [null, "alice", "admin"] as const) {
    const mine = routes.filter((r) => r.user === user);
    const context = await browser.newContext();
    await installProbes(context);
    const page = await context.newPage();
    const errors = collectErrors(page);
    if (user) await signInAt(page, server.url, user);
    // One load per user (its header checked), then the app's own navigation, as a person uses it.
    const res = await page.goto(`${server.url}${mine[0].path}`);
    expect(res?.headers()["content-security-policy"]).toBe(POLICY);
    for (const route of mine) {
      await navigate(page, route.path);
      await test.step(route.name, () => waitForRoute(page));
      // Lazy chunks, styles injected by UI libraries, charts and streams have all had their go.
      await page.waitForTimeout(300);
      const probes = await readProbes(page);
      expect.soft(probes.csp, `${route.name}: CSP violations`).toEqual([]);
      expect.soft(errors.pageErrors, `${route.name}: uncaught errors`).toEqual([]);
    }
    await context.close();
  }
});
