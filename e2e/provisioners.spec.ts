import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { axeBothThemes } from "./support/axe";
import { basePort, spawnServer, type SpawnedServer } from "./support/server";

// The builds overview for the people who run the deployment (issue 19): provisioner daemons, every
// job in the queue and why it waits, cancel, and the per-workspace fallback. Each group runs on a
// server of its own: cancelling and slow builds must not disturb the shared worker's seeded world.

async function pageOn(browser: Browser, url: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  return context.newPage();
}

/** Opens /builds and waits for the Now lists (a loaded 2-core machine may take a while). */
async function openBuilds(page: Page): Promise<void> {
  await page.goto("/builds");
  await expect(page.getByTestId("now-panel")).toBeVisible({ timeout: 45_000 });
}

const nowRow = (page: Page, column: "pending" | "running", filter: { workspace?: string; template?: string }) =>
  page
    .getByTestId(`now-${column}`)
    .locator(
      `[data-testid="now-row"]${filter.workspace ? `[data-workspace="${filter.workspace}"]` : ""}${
        filter.template ? `[data-template="${filter.template}"]` : ""
      }`,
    );

test.describe.configure({ timeout: 120_000 });

test.describe("admins on a slower server", () => {
  let server: SpawnedServer;
  test.beforeAll(async ({}, info) => {
    server = await spawnServer(basePort() + 20 + info.workerIndex, ["--speed", "1"]);
  });
  test.afterAll(async () => {
    await server.stop();
  });

  test("lists the daemons with tags and status, and says which tag a stuck job lacks", async ({ browser }) => {
    const page = await pageOn(browser, server.url);
    await signIn(page, "admin");
    await openBuilds(page);
    const daemons = page.getByTestId("daemons-panel").getByTestId("daemon");
    await expect(daemons).toHaveCount(4, { timeout: 30_000 });
    const gpu = daemons.and(page.locator('[data-name="provisioner-gpu"]'));
    await expect(gpu).toHaveAttribute("data-status", "offline");
    await expect(gpu).toContainText("gpu=a100");
    await expect(gpu).toContainText(/last seen \d+ minutes? ago/);
    const eu = daemons.and(page.locator('[data-name="provisioner-eu"]'));
    await expect(eu).toContainText("region=eu-west-1");
    await expect(eu).toHaveAttribute("data-status", /idle|busy/);
    await expect(daemons.and(page.locator('[data-name="provisioner-1"]'))).toContainText("untagged");

    // The template import stuck on a region nobody serves: labelled, and the missing tag named.
    const stuckImport = nowRow(page, "pending", { template: "aws-linux" }).and(page.locator('[data-kind="import"]'));
    await expect(stuckImport.getByTestId("job-kind")).toHaveText("Template import");
    await expect(stuckImport.getByTestId("wait-reason")).toHaveText("no provisioner offers region=ap-southeast-2");
    const stuckBuild = nowRow(page, "pending", { workspace: "pending-ws" });
    await expect(stuckBuild.getByTestId("wait-reason")).toContainText("region=ap-southeast-2");

    expect(await axeBothThemes(page, { include: '[data-testid="daemons-panel"]' })).toEqual([]);
    await page.context().close();
  });

  test("an admin cancels a running build from /builds and sees it end Canceled", async ({ browser }) => {
    const page = await pageOn(browser, server.url);
    await signIn(page, "admin");
    await openBuilds(page);
    // starting-ws is held in its apply until someone cancels it.
    const row = nowRow(page, "running", { workspace: "starting-ws" });
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.getByTestId("cancel-job").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(/the start build of alice\/starting-ws #\d+/);
    await dialog.getByRole("button", { name: "Cancel job" }).click();
    await expect(dialog).toHaveCount(0);
    const recent = page
      .getByRole("table", { name: "Recent builds" })
      .locator("tbody tr")
      .filter({ hasText: "starting-ws" })
      .first();
    await expect(recent).toContainText("Canceled", { timeout: 30_000 });
    await expect(page.getByTestId("now-running").locator('[data-workspace="starting-ws"]')).toHaveCount(0);
    await page.context().close();
  });

  test("a member sees neither the daemons nor a cancel control", async ({ browser }) => {
    const page = await pageOn(browser, server.url);
    await signIn(page, "alice");
    await openBuilds(page);
    await expect(nowRow(page, "pending", { workspace: "pending-ws" })).toBeVisible();
    await expect(page.getByTestId("daemons-panel")).toHaveCount(0);
    await expect(page.getByTestId("cancel-job")).toHaveCount(0);
    await expect(page.getByTestId("now-panel")).not.toContainText("aws-linux v3");
    await page.context().close();
  });

  test("the new sections fit a 390 px screen", async ({ browser }) => {
    const page = await pageOn(browser, server.url, 390);
    await signIn(page, "admin");
    await openBuilds(page);
    await expect(page.getByTestId("daemon")).toHaveCount(4, { timeout: 30_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  test("after an admin signs out, a member finds none of the admin's overview in memory or on screen", async ({
    browser,
  }) => {
    const page = await pageOn(browser, server.url);
    await signIn(page, "admin");
    await openBuilds(page);
    // dave's workspace: only an admin's overview holds it.
    await expect(page.getByRole("table", { name: "Recent builds" })).toContainText("data-pipeline", {
      timeout: 30_000,
    });
    await page.getByRole("button", { name: "Account: admin" }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signIn(page, "alice");
    await openBuilds(page);
    await expect(page.getByRole("table", { name: "Recent builds" })).toContainText("stopped-ws", { timeout: 30_000 });
    await expect(page.locator("body")).not.toContainText("data-pipeline");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    let snapshot = "";
    cdp.on("HeapProfiler.addHeapSnapshotChunk", (e) => (snapshot += e.chunk));
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    expect(snapshot.length).toBeGreaterThan(1000);
    expect(snapshot.includes("data-pipeline")).toBe(false);
    await page.context().close();
  });
});

test.describe("a server without the job list", () => {
  let old: SpawnedServer;
  test.beforeAll(async ({}, info) => {
    old = await spawnServer(basePort() + 25 + info.workerIndex, ["--no-provisionerjobs-endpoint"]);
  });
  test.afterAll(async () => {
    await old.stop();
  });

  test("reads history workspace by workspace, and says so", async ({ browser }) => {
    const page = await pageOn(browser, old.url);
    await signIn(page, "admin");
    await openBuilds(page);
    await expect(page.getByTestId("note-no-jobs")).toContainText("read workspace by workspace", { timeout: 30_000 });
    await expect(page.getByTestId("history-progress")).toHaveCount(0, { timeout: 60_000 });
    const recent = page.getByRole("table", { name: "Recent builds" });
    await expect(recent.locator("tbody tr").filter({ hasText: "long-history" }).first()).toBeVisible();
    expect(await axeBothThemes(page, { include: '[data-testid="note-no-jobs"]' })).toEqual([]);
    await page.context().close();
  });
});
