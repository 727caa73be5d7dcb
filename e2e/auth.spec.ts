import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import type { WorkspacesResponse } from "../src/api/types";

const SESSION_COOKIE = "coder_session_token";

/** An API client signed in as `user` (its own cookie jar, separate from the page's). */
async function apiAs(baseURL: string, user: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post("/api/v2/users/login", {
    data: { email: `${user}@example.com`, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(201);
  return api;
}

async function workspacesOf(api: APIRequestContext, owner: string): Promise<WorkspacesResponse> {
  const res = await api.get(`/api/v2/workspaces?q=${encodeURIComponent(`owner:${owner}`)}`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as WorkspacesResponse;
}

test.describe("signing in and out", () => {
  test("alice signs in through the form and sees her workspaces only", async ({ page, baseURL }) => {
    await page.goto("/workspaces");
    await expect(page).toHaveURL(/\/login\?redirect=%2Fworkspaces$/);

    await page.getByLabel("Email").fill("alice@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/workspaces/);

    const admin = await apiAs(baseURL, "admin");
    const alice = await workspacesOf(admin, "alice");
    const bob = await workspacesOf(admin, "bob");
    await admin.dispose();
    expect(bob.count).toBeGreaterThanOrEqual(2);

    const first = alice.workspaces[0];
    await expect(page.locator(`a[href="/@alice/${first.name}"]`).first()).toBeVisible();
    await expect(page.locator('a[href^="/@alice/"]').first()).toBeVisible();
    await expect(page.locator('a[href^="/@bob/"]')).toHaveCount(0);

    // The session lives only in the HttpOnly cookie: nothing readable by page scripts.
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    const stored = await page.evaluate(() =>
      [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join("\n"),
    );
    expect(stored).not.toContain(cookie?.value ?? "no-cookie");

    // Another member's workspace is simply not found.
    await page.goto(`/@bob/${bob.workspaces[0].name}`);
    await expect(page.getByRole("heading", { name: /not found/i })).toBeVisible();
  });

  test("signing out returns to /login and ends the session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("alice@example.com");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/workspaces/);

    await page.getByRole("button", { name: "Account: alice" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    const me = await page.request.get("/api/v2/users/me");
    expect(me.status()).toBe(401);
    await page.goto("/builds");
    await expect(page).toHaveURL(/\/login\?redirect=%2Fbuilds$/);
  });

  test("a wrong password shows a message and sets no cookie", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("alice@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
    await expect(page).toHaveURL(/\/login$/);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  test("a pasted session token signs in and returns to the page asked for", async ({ page, baseURL }) => {
    const bobApi = await apiAs(baseURL, "bob");
    const token = (await bobApi.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)?.value;
    const bob = await workspacesOf(bobApi, "me");
    await bobApi.dispose();
    expect(token).toBeTruthy();

    const target = `/@bob/${bob.workspaces[0].name}/builds`;
    await page.goto(target);
    await expect(page).toHaveURL(
      new RegExp(`/login\\?redirect=${encodeURIComponent(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    );
    await page.getByRole("radio", { name: "Session token" }).click();
    await page.getByLabel("Session token").fill(token ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    expect(page.url()).not.toContain(token ?? "");
  });

  test("a bad token is refused inline", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("radio", { name: "Session token" }).click();
    await page.getByLabel("Session token").fill("abc-not-a-token");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("That session token is not valid or has expired.");
    expect((await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });
});

test("routes: / goes to /workspaces, an owner without @ is a 404", async ({ page }) => {
  const res = await page.request.post("/api/v2/users/login", {
    data: { email: "alice@example.com", password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(201);
  await page.goto("/");
  await expect(page).toHaveURL(/\/workspaces$/);
  await page.goto("/alice/dev");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
