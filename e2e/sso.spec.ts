import { expect, test, type Page } from "@playwright/test";
import { axeBothThemes } from "./support/axe";
import { basePort, spawnServer, type SpawnedServer } from "./support/server";

// Single sign-on as real deployments offer it, each kind on a server of its own:
// an SSO-only deployment with Coder's OAuth2 provider (short-lived tokens, so the refresh is
// exercised), and one without the provider, where /cli-auth + a pasted token is the way in.

const PASSWORD = "coder-demo-1";
const SHOTS = process.env.SSO_SCREENSHOTS;
/** Short enough to watch the refresh, long enough that a loaded machine cannot let it lapse first. */
const TOKEN_TTL_S = 20;

// Screenshots (four per page) are slow on a loaded machine.
if (SHOTS) test.setTimeout(240_000);

// One server per describe, started once: each test has a browser context of its own (no cookie
// of another test's) and signs in afresh.
let own: SpawnedServer | undefined;
async function stopOwn(): Promise<void> {
  await own?.stop();
  own = undefined;
}

const port = (workerIndex: number) => basePort() + 70 + workerIndex;

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${SHOTS}/${name}-${scheme}-${width}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function cookie(page: Page, name: string) {
  return (await page.context().cookies()).find((c) => c.name === name);
}

test.describe("an SSO-only deployment with Coder's OAuth2 provider", () => {
  test.beforeAll(async ({}, info) => {
    own = await spawnServer(port(info.workerIndex), [
      "--password-auth",
      "off",
      "--oauth2-token-ttl",
      String(TOKEN_TTL_S),
    ]);
  });
  test.afterAll(stopOwn);

  test("no password form; the OAuth2 flow signs in, refreshes the token, and signs out", async ({ page }) => {
    await page.goto(`${own!.url}/login`);
    await expect(page.getByRole("link", { name: "Sign in with OpenID Connect" })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByLabel("Session token")).toBeVisible();
    expect(await axeBothThemes(page)).toEqual([]);
    await shoot(page, "login-sso-only");

    // Password sign-in is refused by the deployment itself, not just hidden.
    const refused = await page.request.post(`${own!.url}/api/v2/users/login`, {
      data: { email: "alice@example.com", password: PASSWORD },
    });
    expect(refused.status()).toBe(403);

    await page.getByRole("link", { name: "Sign in with OpenID Connect" }).click();
    await expect(page.getByRole("heading", { name: "Authorize Workspaces dashboard" })).toBeVisible();
    await shoot(page, "consent");
    await page.getByLabel("Email").fill("alice@example.com");
    await page.getByLabel("Password").fill("wrong");
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(page).toHaveURL(`${own!.url}/workspaces`);
    // The token was issued before this moment, so waiting from here passes its half-life for sure.
    const signedInBy = Date.now();
    await expect(page.getByRole("button", { name: "Account: alice" })).toBeVisible();
    await expect(page.locator('a[href="/@alice/dev"]').first()).toBeVisible({ timeout: 30_000 });

    const access = await cookie(page, "coder_session_token");
    const oauth = await cookie(page, "coder_dashboard_oauth");
    expect(access?.httpOnly).toBe(true);
    expect(oauth?.httpOnly).toBe(true);
    expect(await cookie(page, "coder_dashboard_oauth_flow")).toBeUndefined();

    // Past half of the token's lifetime, the next request gets a new token; the old one is dead.
    await page.waitForTimeout(Math.max(0, signedInBy + (TOKEN_TTL_S / 2) * 1000 + 300 - Date.now()));
    await page.goto(`${own!.url}/@alice/dev`);
    await expect(page.getByRole("button", { name: "Account: alice" })).toBeVisible({ timeout: 30_000 });
    const refreshed = await cookie(page, "coder_session_token");
    expect(refreshed?.value).not.toBe(access?.value);
    // Asked without the browser's cookies (which now carry the new token and would be read first).
    const old = await fetch(`${own!.url}/api/v2/users/me`, { headers: { "Coder-Session-Token": access!.value } });
    expect(old.status).toBe(401);

    await page.getByRole("button", { name: "Account: alice" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await cookie(page, "coder_session_token")).toBeUndefined();
    expect(await cookie(page, "coder_dashboard_oauth")).toBeUndefined();
    const revoked = await page.request.get(`${own!.url}/api/v2/users/me`, {
      headers: { "Coder-Session-Token": refreshed!.value },
    });
    expect(revoked.status()).toBe(401);
  });

  test("a forged or replayed state is refused with a page that says so", async ({ page }) => {
    await page.goto(`${own!.url}/login`);
    await page.getByRole("link", { name: "Sign in with OpenID Connect" }).click();
    await expect(page).toHaveURL(/\/oauth2\/authorize\?/);
    const forged = await page.goto(`${own!.url}/auth/oauth/callback?code=coder_0123456789_x&state=forged`);
    expect(forged?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "Sign-in refused" })).toBeVisible();
    await expect(page.getByText(/state mismatch/)).toBeVisible();
    expect(await cookie(page, "coder_session_token")).toBeUndefined();
    await shoot(page, "callback-refused");

    await page.context().clearCookies();
    await page.goto(`${own!.url}/login`);
    await page.getByRole("link", { name: "Sign in with OpenID Connect" }).click();
    await page.getByLabel("Email").fill("alice@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    const callback = page.waitForRequest((r) => r.url().includes("/auth/oauth/callback?"));
    await page.getByRole("button", { name: "Allow" }).click();
    const used = (await callback).url();
    await expect(page).toHaveURL(`${own!.url}/workspaces`);
    const replay = await page.goto(used);
    expect(replay?.status()).toBe(400);
    await expect(page.getByRole("heading", { name: "Sign-in link expired or already used" })).toBeVisible();
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page).toHaveURL(/\/login|\/workspaces/);
  });
});

test.describe("a deployment without the OAuth2 provider", () => {
  test.beforeAll(async ({}, info) => {
    own = await spawnServer(port(info.workerIndex), ["--no-oauth2-provider", "--oidc-sign-in-text", "Example SSO"]);
  });
  test.afterAll(stopOwn);

  test("the SSO button opens /cli-auth in a new tab; the pasted token signs in", async ({ page, context }) => {
    await page.goto(`${own!.url}/login?redirect=%2F%40alice%2Fdev`);
    const sso = page.getByRole("link", { name: /Sign in with Example SSO/ });
    await expect(sso).toHaveAttribute("target", "_blank");
    await expect(sso).toHaveAttribute("href", `${own!.url}/cli-auth`);
    await expect(page.getByLabel("Email")).toBeVisible();
    expect(await axeBothThemes(page)).toEqual([]);
    await shoot(page, "login-cli-auth");

    const popup = context.waitForEvent("page");
    await sso.click();
    const tab = await popup;
    await tab.getByLabel("Email").fill("alice@example.com");
    await tab.getByLabel("Password").fill(PASSWORD);
    await tab.getByRole("button", { name: "Sign in" }).click();
    const token = await tab.getByLabel("Session token").inputValue();
    expect(token).toMatch(/^[0-9a-f]{10}-/);
    await shoot(tab, "cli-auth-token");
    await tab.close();

    await expect(page.getByRole("radio", { name: "Session token" })).toHaveAttribute("aria-checked", "true");
    await expect(
      page.getByText("Sign in on Coder in the new tab, copy the session token it shows, and paste it here."),
    ).toBeVisible();
    await shoot(page, "login-awaiting-token");
    await page.getByLabel("Session token").fill(token);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(`${own!.url}/@alice/dev`);
    await expect(page.getByRole("button", { name: "Account: alice" })).toBeVisible({ timeout: 30_000 });
  });
});
