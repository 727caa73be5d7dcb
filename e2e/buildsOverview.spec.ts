import type { Browser, Page } from "@playwright/test";
import type { Template, Workspace } from "../src/api/types";
import { expect, signIn, test } from "./fixtures";
import { apiJson, settled } from "./support/api";
import { basePort, spawnServer, type SpawnedServer } from "./support/server";

// The builds overview (issue 10). The worker's server is shared with other specs: seeded
// workspaces are only read there; the test that fails a build makes (and deletes) its own workspace.

const recentTable = (page: Page) => page.getByRole("table", { name: "Recent builds" });
const recentRows = (page: Page) => recentTable(page).locator("tbody tr");
const nowRows = (page: Page, column: "pending" | "running" | "canceling") =>
  page.getByTestId(`now-${column}`).getByTestId("now-row");

/** Waits until the page has its histories (the progress line is gone) and the charts are drawn. */
async function openOverview(page: Page, query = ""): Promise<void> {
  await page.goto(`/builds${query}`);
  await overviewReady(page);
}

async function overviewReady(page: Page): Promise<void> {
  await expect(page.getByTestId("now-panel")).toBeVisible();
  await expect(page.getByTestId("history-progress")).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId("chart-status").locator(".recharts-surface").first()).toBeVisible();
}

/** The numbers of a chart's data table, by the first column's text. */
async function chartData(page: Page, chart: string): Promise<Map<string, string[]>> {
  const card = page.getByTestId(`chart-${chart}`);
  const details = card.locator("details");
  if ((await details.count()) === 0) return new Map();
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  const rows = await card
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  return new Map(rows.map(([key, ...rest]) => [key, rest]));
}

async function slowServerPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1280, height: 900 },
    locale: "en-US",
    timezoneId: "UTC",
  });
  return context.newPage();
}

// On a server of their own: the seeded regression must not be diluted by other specs' fast builds,
// and the queue's states must outlast a poll (a slower simulation).
test.describe("on a fresh, slower server", () => {
  let fresh: SpawnedServer;
  test.beforeAll(async ({}, testInfo) => {
    fresh = await spawnServer(basePort() + 30 + testInfo.workerIndex, ["--speed", "4", "--provisioners", "2"]);
  });
  test.afterAll(async () => {
    await fresh.stop();
  });

  test("the slower kubernetes day is a regression whose link opens the timings comparison", async ({ browser }) => {
    test.setTimeout(90_000);
    const page = await slowServerPage(browser, fresh.url);
    await signIn(page, "admin");
    await openOverview(page);
    const regression = page.getByTestId("regression").filter({ hasText: "kubernetes" });
    await expect(regression).toBeVisible();
    await expect(regression).toContainText(/\+\d+ %/);
    await regression.getByRole("link", { name: /^Compare / }).click();
    await expect(page).toHaveURL(/^[^?]+\/@[^/]+\/[^/]+\/builds\/\d+\/timings\?compare=\d+$/);
    await page.context().close();
  });

  test("as admin, three builds started at once queue with positions, run with a stage, then land in Recent", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const page = await slowServerPage(browser, fresh.url);
    await signIn(page, "admin");
    const all = await apiJson<{ workspaces: Workspace[] }>(
      page,
      "GET",
      `/workspaces?q=${encodeURIComponent("status:stopped")}&limit=100`,
    );
    // Quick templates first, so the queue moves within the test's time.
    const order = ["docker", "kubernetes", "aws-linux"];
    const picked = all.workspaces
      .filter((w) => !w.dormant_at)
      .sort((a, b) => order.indexOf(a.template_name) - order.indexOf(b.template_name))
      .slice(0, 3);
    expect(picked).toHaveLength(3);
    const names = picked.map((w) => w.name);

    await openOverview(page);
    // Record every state each of the three shows in Now, so short ones are not missed between assertions.
    await page.evaluate((watched) => {
      const seen: Array<{ ws: string; status: string; text: string }> = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const record = () => {
        for (const row of document.querySelectorAll<HTMLElement>('[data-testid="now-row"]')) {
          const ws = row.dataset.workspace ?? "";
          if (watched.includes(ws)) seen.push({ ws, status: row.dataset.status ?? "", text: row.textContent ?? "" });
        }
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    }, names);

    await Promise.all(picked.map((w) => apiJson(page, "POST", `/workspaces/${w.id}/builds`, { transition: "start" })));

    type Seen = Array<{ ws: string; status: string; text: string }>;
    const seen = () => page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    // Two provisioners: one of the three waits in the queue with its position.
    await expect(
      nowRows(page, "pending")
        .filter({ has: page.getByTestId("queue-position") })
        .first(),
    ).toBeVisible({ timeout: 15_000 });
    await expect
      .poll(
        async () =>
          (await seen()).some((s) => s.status === "pending" && /\d+(st|nd|rd|th) of \d+ in queue/.test(s.text)),
        { timeout: 15_000 },
      )
      .toBe(true);
    // Each runs, with the provisioner's stage from its log.
    await expect
      .poll(async () => new Set((await seen()).filter((s) => s.status === "running").map((s) => s.ws)).size, {
        timeout: 60_000,
      })
      .toBe(3);
    expect(
      (await seen()).some(
        (s) => s.status === "running" && /Setting up|Parsing|Planning|Starting workspace/.test(s.text),
      ),
    ).toBe(true);

    // Then all three are done: gone from Now, succeeded in Recent (the newest row of each workspace).
    for (const name of names) {
      const row = recentRows(page).filter({ hasText: name }).first();
      await expect(row.locator('[data-status="succeeded"]')).toBeVisible({ timeout: 60_000 });
    }
    await expect(nowRows(page, "pending").filter({ hasText: new RegExp(names.join("|")) })).toHaveCount(0);
    await expect(nowRows(page, "running").filter({ hasText: new RegExp(names.join("|")) })).toHaveCount(0);
    await page.context().close();
  });
});

test("a failed build shows its error code and counts in the failure charts", async ({ page, server }) => {
  test.setTimeout(90_000);
  await signIn(page, "admin");
  const templates = await apiJson<Template[]>(page, "GET", "/templates");
  const docker = templates.find((t) => t.name === "docker")!;
  const name = `bo-${Date.now().toString(36)}`;
  const created = await apiJson<Workspace>(page, "POST", "/users/me/workspaces", { template_id: docker.id, name });
  try {
    await settled(page, created.id);
    await apiJson(page, "POST", `/workspaces/${created.id}/builds`, { transition: "stop" });
    await settled(page, created.id);

    await openOverview(page);
    const codesBefore = Number((await chartData(page, "error-codes")).get("INSUFFICIENT_QUOTA")?.[0] ?? 0);
    const dockerFailedBefore = Number(
      ((await chartData(page, "failure-rate")).get("docker")?.[1] ?? "0 of 0").split(" of ")[0],
    );

    const outcome = await page.request.post(`${server.url}/__sim/next-outcome`, {
      data: { workspace_id: created.id, outcome: "insufficient_quota" },
    });
    expect(outcome.ok()).toBe(true);
    await apiJson(page, "POST", `/workspaces/${created.id}/builds`, { transition: "start" });

    const row = recentRows(page).filter({ hasText: name }).first();
    await expect(row.locator('[data-status="failed"]')).toBeVisible({ timeout: 15_000 });
    await expect(row.getByTestId("error-code")).toHaveText("INSUFFICIENT_QUOTA");
    await expect
      .poll(async () => Number((await chartData(page, "error-codes")).get("INSUFFICIENT_QUOTA")?.[0] ?? 0))
      .toBe(codesBefore + 1);
    await expect
      .poll(async () =>
        Number(((await chartData(page, "failure-rate")).get("docker")?.[1] ?? "0 of 0").split(" of ")[0]),
      )
      .toBe(dockerFailedBefore + 1);

    // A click on the error code's bar lists exactly those builds.
    await page.getByTestId("chart-error-codes").locator(".recharts-bar-rectangle").first().click();
    await expect(page).toHaveURL(/error_code=INSUFFICIENT_QUOTA/);
    await expect(recentRows(page)).toHaveCount(codesBefore + 1);
    await expect(recentRows(page).getByTestId("error-code")).toHaveText(
      Array.from({ length: codesBefore + 1 }, () => "INSUFFICIENT_QUOTA"),
    );
  } finally {
    await settled(page, created.id);
    await apiJson(page, "POST", `/workspaces/${created.id}/builds`, { transition: "delete" });
    await expect
      .poll(async () => (await page.request.get(`/api/v2/workspaces/${created.id}`)).status(), { timeout: 30_000 })
      .toBe(410);
  }
});

test("filtering by template narrows the table and the charts, in the URL", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin");
  await openOverview(page, "?range=7d");
  expect([...(await chartData(page, "failure-rate")).keys()].sort()).toEqual(["aws-linux", "docker", "kubernetes"]);

  await page.getByRole("combobox", { name: "Template", exact: true }).selectOption("kubernetes");
  await expect(page).toHaveURL(/template=kubernetes/);
  await expect(page).toHaveURL(/range=7d/);
  // Router navigations render in a transition: wait for the filtered rows rather than read at once.
  const templateCells = recentRows(page).locator("td:nth-child(4)");
  await expect(templateCells.filter({ hasNotText: /^kubernetes / })).toHaveCount(0);
  await expect(templateCells.first()).toHaveText(/^kubernetes /);
  await expect.poll(async () => [...(await chartData(page, "failure-rate")).keys()]).toEqual(["kubernetes"]);
  await expect.poll(async () => [...(await chartData(page, "failing-templates")).keys()]).toEqual(["kubernetes"]);
  await expect(
    page.getByTestId("chart-duration").getByRole("list", { name: "Templates" }).getByRole("listitem"),
  ).toHaveCount(1);

  // Shared URL: the same view from a fresh load; Back undoes the filter.
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Template", exact: true })).toHaveValue("kubernetes");
  await page.goBack({ waitUntil: "commit" });
  await expect(page).not.toHaveURL(/template=/);
  await overviewReady(page);

  // A bar of the failing-templates chart filters to that template's failures.
  await page.getByTestId("chart-failing-templates").locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(recentRows(page).locator("[data-status]").first()).toBeVisible();
  await expect(recentRows(page).locator('[data-status]:not([data-status="failed"])')).toHaveCount(0);
});

test("keyboard: the table's rows are reachable and Enter opens a build", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "admin");
  await openOverview(page);
  const first = recentRows(page).first();
  await first.focus();
  await page.keyboard.press("j");
  await expect(recentRows(page).nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/@[^/]+\/[^/]+\/builds\/\d+$/);
});

test("as alice, only her own builds, with the queue from her workspaces", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "alice");
  await openOverview(page, "?range=7d");
  await expect(page.getByTestId("now-panel")).toContainText("From each workspace's latest build.");
  await expect(page.getByTestId("note-no-jobs")).toHaveCount(0);
  const owners = await page.getByRole("combobox", { name: "Owner", exact: true }).locator("option").allInnerTexts();
  expect(owners).toEqual(["Any owner", "alice"]);
  const cells = await recentRows(page).locator("td:nth-child(3)").allInnerTexts();
  expect(cells.length).toBeGreaterThan(10);
  expect(new Set(cells)).toEqual(new Set(["alice"]));
  // Her held workspaces show in Now: pending-ws waits, starting-ws runs, canceling-ws cancels.
  await expect(nowRows(page, "pending").filter({ hasText: "pending-ws" })).toBeVisible();
  await expect(nowRows(page, "running").filter({ hasText: "starting-ws" })).toBeVisible();
  await expect(nowRows(page, "canceling").filter({ hasText: "canceling-ws" })).toBeVisible();
});

test("390 px wide: no sideways scroll, charts stacked, builds as cards", async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin");
  await openOverview(page);
  const boxes = await Promise.all(
    ["status", "failure-rate", "duration", "queue"].map((id) => page.getByTestId(`chart-${id}`).boundingBox()),
  );
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.x).toBe(boxes[0]!.x);
    expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
  }
  expect(boxes[0]!.width).toBeLessThanOrEqual(390);
  await expect(recentTable(page)).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Recent builds" }).getByRole("listitem").first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
