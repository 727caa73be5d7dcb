import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { axeBothThemes } from "./support/axe";
import { openNewStartBuild, ownServer } from "./support/liveBuild";

// "Slower than usual" (issue 22) against the built-in server. alice/slow-build's latest build (#30)
// pulled its image far longer than in its 29 earlier builds and ran a slow Dotfiles script.
const SLOW = "/@alice/slow-build/builds/30/timings";

const panel = (page: Page) => page.getByTestId("slower-than-usual");
const slowItems = (page: Page) => panel(page).getByRole("listitem");
/** The baseline is ten timings requests after the page's own: generous on a loaded CI machine. */
const READY = { timeout: 30_000 };

/** Counts the page's requests for build timings (the baseline's cost). */
function countTimingsRequests(page: Page): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (/\/api\/v2\/workspacebuilds\/[^/]+\/timings/.test(r.url())) n++;
  });
  return () => n;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "alice");
});

test("the seeded slow build lists the slow image pull first, with its excess and critical-path mark", async ({
  page,
}) => {
  const timingsRequests = countTimingsRequests(page);
  await page.goto(SLOW);
  await expect(panel(page)).toHaveAttribute("data-baseline", "ready", READY);
  await expect(page.getByTestId("baseline-note")).toContainText(
    "Median and p90 of the last 10 successful start builds of this workspace",
  );

  const first = slowItems(page).first();
  await expect(first).toContainText("docker_image.main");
  await expect(first).toContainText(/\+\d+(\.\d)?s vs usual/);
  await expect(first).toContainText("On the critical path");
  await expect(slowItems(page).filter({ hasText: "Dotfiles" })).toHaveCount(1);
  await expect(page.getByTestId("baseline-summary")).toContainText(
    /more than usual; .+ of that is docker_image\.main \(apply\) on the critical path\./,
  );
  // The build's own timings and one request per baseline build, never more.
  expect(timingsRequests()).toBeLessThanOrEqual(11);

  // Picking it focuses its bar and opens its logs, as the bars do.
  await first.getByRole("button").click();
  await expect(page.getByTestId("timings-log-pane")).toBeVisible();
  await expect(page.locator('[data-row-kind="item"][data-row-id="apply/docker_image.main"]')).toBeVisible();
});

test("the number of builds is in the URL, from 5 to 30", async ({ page }) => {
  await page.goto(`${SLOW}?baseline=5`);
  await expect(page.getByTestId("baseline-note")).toContainText("the last 5 successful start builds", READY);
  await page.getByLabel("Builds the usual times are taken from").selectOption("20");
  await expect(page).toHaveURL(/baseline=20/);
  await expect(page.getByTestId("baseline-note")).toContainText("the last 13 successful start builds", READY);
  await page.goto(`${SLOW}?baseline=500`);
  await expect(page.getByLabel("Builds the usual times are taken from")).toHaveValue("30");
});

test("a build with fewer than 5 earlier successful builds uses the template's builds, and says so", async ({
  page,
}) => {
  const ws = await (await page.request.get("/api/v2/users/alice/workspace/slow-build")).json();
  const builds: Array<{ build_number: number; transition: string; job: { status: string } }> = await (
    await page.request.get(`/api/v2/workspaces/${ws.id}/builds?limit=100`)
  ).json();
  const early = builds
    .filter((b) => b.transition === "start" && b.job.status === "succeeded")
    .sort((a, b) => a.build_number - b.build_number)[2];
  await page.goto(`/@alice/slow-build/builds/${early.build_number}/timings`);
  await expect(page.getByTestId("baseline-note")).toContainText(
    /fewer than 5 earlier successful start builds, so the usual times come from \d+ builds of the template's workspaces \(2 of this one\)/,
    READY,
  );
});

test("no serious accessibility violations in light and dark; fits a 390 px screen", async ({ page }) => {
  await page.goto(`${SLOW}?expand=apply,start`);
  await expect(slowItems(page).first()).toBeVisible(READY);
  expect(await axeBothThemes(page, { include: "main" })).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(slowItems(page).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const box = (await panel(page).boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});

test.describe("a build in progress", () => {
  // Four times slower than real time, so a running stage passes its usual p90 within seconds.
  const slow = ownServer(60, 0.25);

  test("a running stage past its usual p90 is flagged live", async ({ page }) => {
    await openNewStartBuild(page, slow());

    // Queued first (a few seconds at this speed), then running.
    await expect(page.locator('[data-testid="timings-chart"][data-live="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(slowItems(page).first()).toContainText(/running \d+(\.\d)?s, usually \d+(\.\d)?s/, {
      timeout: 40_000,
    });
    await expect(page.getByTestId("baseline-summary")).toContainText(/^This build has run .+ so far/);
  });
});
