// The command palette (issue 21): Ctrl+K from any page or the top bar's button; find a workspace by
// part of its name, reach a page, run an action; recents; `?`; accessibility in both themes; 390 px.
import type { Page } from "@playwright/test";
import type { Template, Workspace } from "../src/api/types";
import { test, expect, signIn } from "./fixtures";
import { apiJson, settled } from "./support/api";
import { axeBothThemes } from "./support/axe";

const palette = (page: Page) => page.getByTestId("command-palette");
const box = (page: Page) => page.getByRole("combobox", { name: "Command palette" });

async function openWithKeys(page: Page): Promise<void> {
  // The shortcut is live once the signed-in chrome has mounted.
  await expect(page.getByRole("button", { name: /Search and run commands/ })).toBeVisible();
  await page.keyboard.press("Control+K");
  await expect(box(page)).toBeFocused({ timeout: 20_000 });
}

/** Arrow down until `name` is the active option (the combobox keeps focus: aria-activedescendant). */
async function arrowTo(page: Page, name: string | RegExp): Promise<void> {
  const option = page.getByRole("option", { name });
  await expect(option).toBeVisible();
  for (let i = 0; i < 12; i++) {
    if ((await option.getAttribute("aria-selected")) === "true") break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box(page)).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
}

test("Ctrl+K from a page, part of a name, Enter opens the workspace; it comes back as a recent item", async ({
  page,
}) => {
  await signIn(page, "alice");
  await page.goto("/@alice/dev");
  await openWithKeys(page);
  await expect(box(page)).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("listbox", { name: "Results" })).toBeVisible();

  const searched = page.waitForRequest((r) => r.url().includes("/api/v2/workspaces?") && r.url().includes("g-hist"));
  await box(page).pressSequentially("g-hist");
  expect(decodeURIComponent((await searched).url())).toContain("q=name:g-hist");
  const option = page.getByRole("option", { name: /long-history/ }).first();
  await expect(option).toHaveAttribute("aria-selected", "true");
  // Owners are named for admins only.
  await expect(option).not.toContainText("alice/");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/@alice\/long-history$/);
  await expect(palette(page)).toHaveCount(0);

  await page.goto("/workspaces");
  await openWithKeys(page);
  const recent = page.getByRole("group", { name: "Recent" });
  await expect(recent.getByRole("option").first()).toHaveText(/long-history/);
  await page.keyboard.press("Escape");
  await expect(palette(page)).toHaveCount(0);
});

test('"builds" reaches the builds page; ? lists the shortcuts', async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/workspaces");
  await page.getByRole("button", { name: /Search and run commands/ }).click();
  await expect(box(page)).toBeFocused();
  await box(page).fill("?");
  const shortcuts = page.getByRole("region", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toContainText("Open or close this palette");
  await expect(shortcuts).toContainText("Ctrl K");
  expect(await axeBothThemes(page)).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(palette(page)).toHaveCount(0);

  // `?` from the page (not typing anywhere) opens the same list; in a text box it is just typed.
  const search = page.getByRole("searchbox", { name: "Search workspaces" });
  await search.focus();
  await page.keyboard.press("End");
  await page.keyboard.press("?");
  await expect(search).toHaveValue(/\?$/);
  await expect(palette(page)).toHaveCount(0);
  await page.keyboard.press("Backspace");
  await page.getByRole("heading", { name: "Workspaces", level: 1 }).click();
  await page.keyboard.press("?");
  await expect(box(page)).toBeFocused();
  await expect(box(page)).toHaveValue("?");
  await expect(shortcuts).toContainText("Open or close this palette");

  await box(page).fill("builds");
  await expect(page.getByRole("option").first()).toHaveText(/^Builds/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/builds$/);
});

test("a workspace's build history and timings, and the chord on those pages and a build's", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/builds");
  await openWithKeys(page);
  await box(page).pressSequentially("history long-hist");
  await arrowTo(page, /^Build history · long-history/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/@alice\/long-history\/builds$/);

  await openWithKeys(page);
  await box(page).pressSequentially("timings long-hist");
  await arrowTo(page, /^Timings · long-history #\d+/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/@alice\/long-history\/builds\/\d+\/timings$/);
  await openWithKeys(page);
  await page.keyboard.press("Escape");

  const dev = await apiJson<Workspace>(page, "GET", "/users/alice/workspace/dev");
  await page.goto(`/@alice/dev/builds/${dev.latest_build.build_number}`);
  await openWithKeys(page);
  await page.keyboard.press("Control+K");
  await expect(palette(page)).toHaveCount(0);
  // On a build's page `?` is the log's: its own shortcuts, not the palette (once the log is shown).
  await expect(page.getByTestId("build-log").locator("[data-line]").first()).toBeVisible();
  await page.locator("body").focus();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Search the log");
  await expect(palette(page)).toHaveCount(0);
});

test("an action from the palette starts a stopped workspace", async ({ page }) => {
  await signIn(page, "alice");
  const templates = await apiJson<Template[]>(page, "GET", "/templates");
  const docker = templates.find((t) => t.name === "docker")!;
  const name = `pal-${Date.now().toString(36)}`;
  const ws = await apiJson<Workspace>(page, "POST", "/users/me/workspaces", { template_id: docker.id, name });
  await settled(page, ws.id);
  await apiJson(page, "POST", `/workspaces/${ws.id}/builds`, { transition: "stop" });
  const stopped = await settled(page, ws.id);
  expect(stopped.latest_build.status).toBe("stopped");

  await page.goto("/workspaces");
  await openWithKeys(page);
  await box(page).pressSequentially(`start ${name}`);
  await arrowTo(page, `Start ${name}`);
  await page.keyboard.press("Enter");
  await expect(palette(page)).toHaveCount(0);
  const started = await settled(page, ws.id);
  expect(started.latest_build.transition).toBe("start");
  expect(started.latest_build.build_number).toBe(stopped.latest_build.build_number + 1);
});

test("an admin sees owners; the open palette is axe-clean in both themes", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/workspaces");
  await openWithKeys(page);
  await box(page).pressSequentially("api-serv");
  await expect(page.getByRole("option", { name: /bob\/api-server/ }).first()).toBeVisible();
  await expect(page.getByRole("group", { name: "Actions" })).toBeVisible();
  expect(await axeBothThemes(page)).toEqual([]);
});

test("fits a 390 px screen and works from the top bar's button", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "alice");
  await page.goto("/workspaces");
  await page.getByRole("button", { name: /Search and run commands/ }).click();
  await box(page).pressSequentially("dev");
  const option = page.getByRole("option", { name: "dev" }).first();
  await expect(option).toBeVisible();
  const rect = await palette(page).boundingBox();
  expect(rect!.x).toBeGreaterThanOrEqual(0);
  expect(rect!.x + rect!.width).toBeLessThanOrEqual(390);
  const overflow = await palette(page).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await option.click();
  await expect(page).toHaveURL(/\/@alice\/dev$/);
});

test("the search waits for a pause in typing, and a stale search is aborted", async ({ page }) => {
  await signIn(page, "alice");
  // The page's timers run only when the test says: key presses are slow on a loaded machine.
  await page.clock.install();
  await page.goto("/workspaces");
  await openWithKeys(page);
  const searches: string[] = [];
  const aborted: string[] = [];
  const queryOf = (url: string) => new URL(url).searchParams.get("q");
  const isSearch = (url: string) => new URL(url).pathname === "/api/v2/workspaces" && queryOf(url) !== "";
  page.on("request", (r) => {
    if (isSearch(r.url())) searches.push(queryOf(r.url())!);
  });
  page.on("requestfailed", (r) => {
    if (isSearch(r.url())) aborted.push(queryOf(r.url())!);
  });
  // The first search gets no answer until the test says so.
  let answer = () => {};
  const held = new Promise<void>((resolve) => (answer = resolve));
  await page.route(
    (url) => url.pathname === "/api/v2/workspaces" && url.searchParams.get("q") === "name:long",
    async (route) => {
      await held;
      await route.continue().catch(() => {});
    },
  );

  await page.clock.pauseAt(Date.now() + 1_000);
  await box(page).pressSequentially("long");
  await expect(box(page)).toHaveValue("long");
  expect(searches).toEqual([]);
  // Not yet 100 ms after the last key: no search (a short wait lets one that was due show up).
  await page.clock.runFor(100);
  await page.waitForTimeout(300);
  expect(searches).toEqual([]);
  await page.clock.runFor(100);
  await expect.poll(() => searches).toEqual(["name:long"]);

  await box(page).pressSequentially("-hist");
  await expect(box(page)).toHaveValue("long-hist");
  expect(searches).toEqual(["name:long"]);
  await page.clock.runFor(200);
  await expect.poll(() => searches).toEqual(["name:long", "name:long-hist"]);
  await expect.poll(() => aborted).toEqual(["name:long"]);
  await page.clock.resume();
  answer();
  await expect(page.getByRole("option", { name: /long-history/ }).first()).toBeVisible();
});

test("a refused palette action is reported like the list's buttons report it", async ({ page }) => {
  await signIn(page, "alice");
  await page.route("**/api/v2/workspaces/*/builds", (route) =>
    route.request().method() === "POST"
      ? route.fulfill({ status: 409, json: { message: "A workspace build is already active." } })
      : route.continue(),
  );
  await page.goto("/workspaces");
  await openWithKeys(page);
  await box(page).pressSequentially("stop dev");
  await arrowTo(page, "Stop dev");
  await page.keyboard.press("Enter");
  await expect(palette(page)).toHaveCount(0);
  const alert = page.getByRole("alert").filter({ hasText: "Stop dev failed" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("A workspace build is already active.");
});
