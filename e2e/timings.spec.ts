import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { traceProblems } from "../src/lib/timings/exportTrace";
import { expect, signIn, test } from "./fixtures";
import { axeBothThemes } from "./support/axe";
import { openNewStartBuild, ownServer } from "./support/liveBuild";

// The Gantt chart (issue 9) against the built-in server. alice/dev's latest build (#12) is a
// finished start build with provisioner, connection and script timings.
const FINISHED = "/@alice/dev/builds/12/timings";

const chart = (page: Page) => page.getByTestId("timings-chart");
const plot = (page: Page) => page.getByTestId("timings-plot");
const tooltip = (page: Page) => page.getByTestId("timings-tooltip");
const stageButton = (page: Page, name: RegExp) => page.getByRole("button", { name });

/** Moves the pointer along a row of the canvas until the tooltip names `name`; returns that point. */
async function hoverBar(page: Page, row: Locator, name: string): Promise<{ x: number; y: number }> {
  await row.scrollIntoViewIfNeeded();
  const box = (await plot(page).boundingBox())!;
  const rowBox = (await row.boundingBox())!;
  const y = rowBox.y + rowBox.height / 2;
  for (let x = box.x + 2; x < box.x + box.width; x += 4) {
    await page.mouse.move(x, y);
    if ((await tooltip(page).count()) > 0 && (await tooltip(page).locator("p").first().innerText()) === name)
      return { x, y };
  }
  throw new Error(`no bar named ${name} under the pointer`);
}

/** Tick labels (`250 ms`, `1.5 s`, `1m 30s`, `2m`) back to milliseconds. */
function tickMs(label: string): number {
  const m = label.match(/^(?:(\d+)h )?(?:(\d+)m)? ?(?:(\d+(?:\.\d+)?) ?(ms|s))?$/);
  if (!m) throw new Error(`unexpected tick label ${label}`);
  const [, h = "0", min = "0", value = "0", unit = "s"] = m;
  return Number(h) * 3_600_000 + Number(min) * 60_000 + Number(value) * (unit === "ms" ? 1 : 1000);
}

async function tickStepMs(page: Page): Promise<number> {
  const labels = await page
    .locator('[data-testid="timings-axis"] span[data-kind="tick"]:not([hidden])')
    .allInnerTexts();
  expect(labels.length).toBeGreaterThan(1);
  return tickMs(labels[1]) - tickMs(labels[0]);
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "alice");
});

test("a finished build: expand apply, hover a resource, zoom with the wheel, critical path", async ({ page }) => {
  await page.goto(FINISHED);
  await expect(chart(page)).toBeVisible();
  await expect(page.getByTestId("critical-path-summary")).toContainText(/critical path: .+ of .+ total/);

  await stageButton(page, /^Apply stage/).click();
  await expect(stageButton(page, /^Apply stage/)).toHaveAttribute("aria-expanded", "true");
  const container = page.locator('[data-row-kind="item"][data-row-id^="apply/docker_container"]');
  await expect(container).toBeVisible();
  const name = (await container.getByRole("button").getAttribute("title"))!;
  await hoverBar(page, container, name);
  await expect(tooltip(page)).toContainText("Resource");
  await expect(tooltip(page)).toContainText("Duration");
  await expect(tooltip(page)).toContainText("docker");

  const before = await tickStepMs(page);
  const box = (await plot(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200);
  await expect.poll(() => tickStepMs(page)).toBeLessThan(before);
  await page.keyboard.press("0");

  await expect(chart(page)).toHaveAttribute("data-critical-path", "off");
  await page.getByRole("button", { name: "Critical path" }).click();
  await expect(chart(page)).toHaveAttribute("data-critical-path", "on");
  await expect(page.locator('[data-row-kind="stage"][data-critical="true"]').first()).toBeVisible();
  await expect(page.locator('[data-row-kind="item"][data-critical="true"]').first()).toBeVisible();
});

test("the URL carries zoom range and expanded stages; shift-drag zooms to a range", async ({ page }) => {
  await page.goto(`${FINISHED}?range=5000-10000&expand=apply`);
  await expect(plot(page)).toHaveAttribute("data-view", "5000-10000");
  await expect(stageButton(page, /^Apply stage/)).toHaveAttribute("aria-expanded", "true");
  await plot(page).dblclick({ position: { x: 40, y: 4 } });
  await expect(page).not.toHaveURL(/range=/);
  const box = (await plot(page).boundingBox())!;
  await page.keyboard.down("Shift");
  await page.mouse.move(box.x + 100, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 30, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await expect(page).toHaveURL(/range=\d+-\d+&expand=apply/);
});

test("clicking a script bar opens its agent log beside the chart", async ({ page }) => {
  await page.goto(FINISHED);
  await stageButton(page, /^Start scripts stage/).click();
  const dotfiles = page.locator('[data-row-kind="item"][data-row-id$="Dotfiles"]');
  await expect(dotfiles).toBeVisible();
  const point = await hoverBar(page, dotfiles, "Dotfiles");
  await page.mouse.click(point.x, point.y);
  const pane = page.getByTestId("timings-log-pane");
  await expect(pane.getByRole("heading", { name: "Dotfiles" })).toBeVisible();
  await expect(pane.getByRole("tab", { name: /Dotfiles/ })).toHaveAttribute("aria-selected", "true");
  await expect(pane.locator("[data-line]").first()).toBeVisible();
  await expect(chart(page)).toBeVisible();
});

test("a provisioner bar opens the build log at the first line of its time", async ({ page }) => {
  await page.goto(FINISHED);
  await plot(page).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const pane = page.getByTestId("timings-log-pane");
  await expect(pane).toContainText(/Build log from line \d+/);
  await expect(pane.locator("[data-line]").first()).toBeVisible();
});

test("compare with the previous successful build shows the delta table", async ({ page }) => {
  await page.goto(`${FINISHED}?compare=prev`);
  const table = page.getByRole("region", { name: "Comparison table" });
  await expect(page.getByRole("heading", { name: /#12 compared with #\d+/ })).toBeVisible();
  await expect(table.locator('[data-compare-row="total"]')).toBeVisible();
  // Durations are random per build: some resource is slower in the newer build, with its delta.
  const slower = table.locator('[data-compare-row*="/"][data-change="slower"]').first();
  await expect(slower).toBeVisible();
  await expect(slower.locator("td").nth(2)).toHaveText(/^\+/);
});

test("exports a Chrome trace that parses, and offers the table view", async ({ page }) => {
  await page.goto(FINISHED);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export trace" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("alice-dev-12-timings.trace.json");
  const trace = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(traceProblems(trace)).toEqual([]);
  expect(trace.traceEvents.filter((e: { ph: string }) => e.ph === "X").length).toBeGreaterThan(5);

  await page.getByRole("button", { name: "View as table" }).click();
  const table = page.getByRole("table", { name: /Build timings/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "Apply" })).toBeVisible();
});

test("no serious accessibility violations in light and dark", async ({ page }) => {
  await page.goto(`${FINISHED}?compare=prev&expand=apply,start&cp=1`);
  await expect(page.getByRole("heading", { name: /compared with/ })).toBeVisible();
  const point = await hoverBar(page, page.locator('[data-row-kind="item"][data-row-id$="Dotfiles"]'), "Dotfiles");
  expect(await axeBothThemes(page, { include: "main" })).toEqual([]);
  // Again with the log pane open beside the chart, and the accessible table instead of the canvas.
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId("timings-log-pane").locator("[data-line]").first()).toBeVisible();
  await page.getByRole("button", { name: "View as table" }).click();
  // Away from the button: its hover shade is the shared Button's, not what this page checks.
  await page.mouse.move(0, 0);
  expect(await axeBothThemes(page, { include: "main" })).toEqual([]);
});

test.describe("a build in progress", () => {
  // Real time (speed 1), so the ~16 s while the job runs are long enough to watch even on a loaded
  // machine: each worker gets its own server on a port of its own.
  const slow = ownServer(50, 1);

  test("bars appear from the log before the build finishes, then real timings replace them", async ({ page }) => {
    test.setTimeout(120_000);
    const build = await openNewStartBuild(page, slow());

    // Provisional stage bars drawn from the log while the job runs (no real timings exist yet).
    const liveChart = page.locator('[data-testid="timings-chart"][data-live="true"]');
    await expect(liveChart.locator('[data-row-kind="stage"][data-provisional="true"]').first()).toBeVisible();
    const during = await (await page.request.get(`${slow().url}/api/v2/workspacebuilds/${build.id}`)).json();
    expect(during.job.completed_at).toBeUndefined();
    await expect(page.getByText("Live: bars grow")).toBeVisible();

    await expect(page.locator('[data-testid="timings-chart"]:not([data-live])')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-row-kind="stage"][data-row-id="start"]')).toBeVisible();
    await stageButton(page, /^Apply stage/).click();
    await expect(page.locator('[data-row-kind="item"][data-row-id^="apply/docker_container"]')).toBeVisible();
  });
});
