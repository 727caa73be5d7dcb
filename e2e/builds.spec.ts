import type { Page } from "@playwright/test";
import type { Template, Workspace, WorkspaceBuild, WorkspaceBuildParameter } from "../src/api/types";
import { expect, signIn, test } from "./fixtures";
import { apiJson, getWorkspace, settled } from "./support/api";
import { axeBothThemes } from "./support/axe";
import { basePort, spawnServer } from "./support/server";

// Build history and build page. The worker's server is shared with other specs: seeded workspaces
// are only read here; tests that build make (and delete) their own workspaces.

async function createWorkspace(page: Page, name: string): Promise<Workspace> {
  const templates = await apiJson<Template[]>(page, "GET", "/templates");
  const docker = templates.find((t) => t.name === "docker");
  expect(docker, "docker template").toBeTruthy();
  return apiJson<Workspace>(page, "POST", "/users/me/workspaces", { template_id: docker!.id, name });
}

async function removeWorkspace(page: Page, id: string): Promise<void> {
  await settled(page, id);
  await apiJson(page, "POST", `/workspaces/${id}/builds`, { transition: "delete" });
  await expect
    .poll(async () => (await page.request.get(`/api/v2/workspaces/${id}`)).status(), { timeout: 30_000 })
    .toBe(410);
}

const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

const historyRows = (page: Page) => page.getByRole("table", { name: "Builds" }).locator("tbody tr");
const headerStatus = (page: Page) => page.getByTestId("build-status").locator("[data-status]").first();

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe("build history", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "alice");
  });

  test("loads 25 builds, then the rest on scroll", async ({ page }) => {
    await page.goto("/@alice/long-history/builds");
    await expect(historyRows(page)).toHaveCount(25);
    await expect(historyRows(page).first()).toContainText("#50");
    await page.getByRole("button", { name: "Load older builds" }).scrollIntoViewIfNeeded();
    await expect(historyRows(page)).toHaveCount(50);
    await expect(historyRows(page).last()).toContainText("#1");
    await expect(page.getByText("That is the first build of this workspace.")).toBeVisible();
  });

  test("filtering by status shows only failed builds, fetching older pages to find them", async ({ page }) => {
    const ws = await getWorkspace(page, "alice", "long-history");
    const all = await apiJson<WorkspaceBuild[]>(page, "GET", `/workspaces/${ws.id}/builds?limit=100`);
    const failed = all.filter((b) => b.job.status === "failed").length;
    expect(failed).toBeGreaterThan(0);

    await page.goto("/@alice/long-history/builds");
    await expect(historyRows(page)).toHaveCount(25);
    await page.getByLabel("Status").selectOption("failed");
    await expect(page).toHaveURL(/[?&]status=failed/);
    await expect(page.getByText("End of history: every build has been searched.")).toBeVisible();
    await expect(historyRows(page)).toHaveCount(failed);
    for (const status of await historyRows(page)
      .locator("[data-status]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))) {
      expect(status).toBe("failed");
    }

    // The filter lives in the URL: a reload keeps it.
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("failed");
    await expect(historyRows(page)).toHaveCount(failed);
  });

  test("the trend chart has one point per build; hover highlights the row, click opens the build", async ({ page }) => {
    await page.goto("/@alice/long-history/builds");
    await expect(historyRows(page)).toHaveCount(25);
    const points = page.getByTestId("trend-point");
    await expect(points).toHaveCount(25);
    const numbers = await points.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute("data-build"))).sort((a, b) => a - b),
    );
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => 26 + i));

    await page.locator('[data-testid="trend-point"][data-build="45"]').hover();
    await expect(
      historyRows(page).filter({ has: page.getByRole("link", { name: "#45", exact: true }) }),
    ).toHaveAttribute("data-highlight", "");

    await page.locator('[data-testid="trend-point"][data-build="40"]').click();
    await expect(page).toHaveURL(/\/@alice\/long-history\/builds\/40$/);
    await expect(page.getByRole("heading", { name: "Build #40" })).toBeVisible();
  });

  test("390 px wide: cards, no sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/@alice/long-history/builds");
    await expect(page.getByRole("list", { name: "Builds" }).locator("li")).toHaveCount(25);
    await expect(page.getByTestId("trend-point")).toHaveCount(25);
    await expectNoHorizontalScroll(page);
  });

  test("axe in light and dark on a 25-build page with its trend chart: nothing serious or critical", async ({
    page,
  }) => {
    await page.goto("/@alice/long-history/builds");
    await expect(historyRows(page)).toHaveCount(25);
    await expect(page.getByTestId("trend-point")).toHaveCount(25);
    expect(await axeBothThemes(page)).toEqual([]);
  });
});

test.describe("build page", () => {
  test("a build refused for INSUFFICIENT_QUOTA explains why, with its cost and the failing log lines", async ({
    page,
  }) => {
    await signIn(page, "alice");
    const ws = await getWorkspace(page, "alice", "quota-fail");
    expect(ws.latest_build.job.error_code).toBe("INSUFFICIENT_QUOTA");
    await page.goto(`/@alice/quota-fail/builds/${ws.latest_build.build_number}`);

    const failure = page.getByTestId("build-failure");
    await expect(failure).toContainText("INSUFFICIENT_QUOTA");
    await expect(failure.getByTestId("error-guidance")).toContainText("Not enough workspace quota");
    await expect(failure.getByTestId("daily-cost")).toContainText(/\d+ quota credits? per day/);
    const lines = failure.getByTestId("failure-lines");
    await expect(lines).toContainText(/insufficient quota/i);

    // "Jump to line N" lands on that line of the full log.
    const jump = failure.getByRole("link", { name: /Jump to line \d+ in the log/ });
    const line = Number((await jump.textContent())!.match(/\d+/)![0]);
    await jump.click();
    await expect(page).toHaveURL(new RegExp(`#L${line}$`));
    await expect(page.locator(`[data-line="${line}"][data-selected]`)).toBeVisible();
    await expect(page.locator(`[data-line="${line}"]`)).toContainText(/insufficient quota/i);
  });

  test("#L deep link opens the log at that line; [ and ] step through builds", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/@alice/long-history/builds/50#L30");
    await expect(page.locator('[data-line="30"][data-selected]')).toBeVisible();
    await page.locator("body").press("[");
    await expect(page).toHaveURL(/\/builds\/49$/);
    await expect(page.getByRole("heading", { name: "Build #49" })).toBeVisible();
    await page.locator("body").press("]");
    await expect(page).toHaveURL(/\/builds\/50$/);
  });

  test("a cold deep link reads each thing once: the log the boot script asked for is the one shown", async ({
    page,
  }) => {
    await signIn(page, "alice");
    const asked: string[] = [];
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (url.pathname.startsWith("/api/v2/")) asked.push(url.pathname + url.search);
    });
    await page.goto("/@alice/long-history/builds/50");
    await expect(page.getByRole("heading", { name: "Build #50" })).toBeVisible();
    await expect(page.locator('[data-line="1"]')).toBeVisible();
    const once = (path: string | RegExp) => asked.filter((a) => (typeof path === "string" ? a === path : path.test(a)));
    expect(once("/api/v2/users/me")).toHaveLength(1);
    expect(once("/api/v2/users/alice/workspace/long-history/builds/50")).toHaveLength(1);
    expect(once(/^\/api\/v2\/workspacebuilds\/[^/]+\/logs\?after=0$/)).toHaveLength(1);

    // Signed out, the same link goes to sign-in (the boot's 401 is the app's to act on), then back.
    await page.context().clearCookies();
    await page.goto("/@alice/long-history/builds/50");
    await expect(page).toHaveURL(/\/login\?redirect=/);
  });

  test("state is for template admins: hidden for a member, a direct link is a clean not-found", async ({
    page,
    browser,
  }) => {
    await signIn(page, "alice");
    await page.goto("/@alice/long-history/builds/50");
    await expect(page.getByRole("tab", { name: "Parameters" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "State" })).toHaveCount(0);
    await page.goto("/@alice/long-history/builds/50?tab=state");
    await expect(page.getByRole("heading", { name: "Build state not found" })).toBeVisible();
    await expect(page.getByTestId("build-state")).toHaveCount(0);

    const admin = await browser.newPage();
    await signIn(admin, "admin");
    await admin.goto("/@alice/long-history/builds/50");
    await admin.getByRole("tab", { name: "State" }).click();
    await expect(admin).toHaveURL(/[?&]tab=state/);
    await expect(admin.getByTestId("build-state")).toContainText('"terraform_version"');

    // A deployment that answers an owner 404 (no state kept for the build): the role is not blamed.
    await admin.route("**/api/v2/workspacebuilds/*/state", (route) =>
      route.fulfill({
        status: 404,
        json: { message: "Resource not found or you do not have access to this resource" },
      }),
    );
    await admin.reload();
    await expect(admin.getByText("This build recorded no Terraform state.")).toBeVisible();
    await expect(admin.getByText(/template administrators/)).toHaveCount(0);
    await admin.close();
  });

  test("the parameter diff highlights a value changed since the previous build", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "alice");
    const ws = await createWorkspace(page, uniqueName("params"));
    try {
      await settled(page, ws.id);
      await apiJson(page, "POST", `/workspaces/${ws.id}/builds`, { transition: "stop" });
      await settled(page, ws.id);
      const changed: WorkspaceBuildParameter = { name: "image", value: "codercom/enterprise-golang:ubuntu" };
      const build = await apiJson<WorkspaceBuild>(page, "POST", `/workspaces/${ws.id}/builds`, {
        transition: "start",
        rich_parameter_values: [changed],
      });
      await settled(page, ws.id);

      await page.goto(`/@alice/${ws.name}/builds/${build.build_number}?tab=parameters`);
      const row = page.getByRole("table", { name: "Parameters" }).locator('tr[data-change="changed"]');
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(changed.value);
      await expect(row).toContainText("Changed");
      await expect(
        page.getByRole("table", { name: "Parameters" }).locator('tr[data-change="unchanged"]'),
      ).not.toHaveCount(0);
      await expect(page.getByText(`1 value differs from build #${build.build_number - 1}.`)).toBeVisible();
    } finally {
      await removeWorkspace(page, ws.id);
    }
  });

  // Its axe pass in both themes is in the route sweep (reliability/a11y.spec.ts).
  test("a failed build page is usable at 390 px", async ({ page }) => {
    await signIn(page, "alice");
    const ws = await getWorkspace(page, "alice", "quota-fail");
    const path = `/@alice/quota-fail/builds/${ws.latest_build.build_number}`;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${path}?tab=resources`);
    await expect(page.getByRole("heading", { name: /Build #\d+/ })).toBeVisible();
    await expect(page.getByTestId("failure-lines")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.getByRole("tab", { name: "Logs", exact: true }).click();
    await expect(page.locator("[data-line]").first()).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe("a running build, live", () => {
  // Slower simulation than the shared server, so the build is still running when the page opens.
  test("logs stream in and the header flips to Succeeded without a reload; Retry repeats it", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const server = await spawnServer(basePort() + 50 + testInfo.workerIndex, ["--speed", "2"]);
    try {
      const login = await page.request.post(`${server.url}/api/v2/users/login`, {
        data: { email: "alice@example.com", password: "coder-demo-1" },
      });
      expect(login.status()).toBe(201);
      const templates = (await (await page.request.get(`${server.url}/api/v2/templates`)).json()) as Template[];
      const docker = templates.find((t) => t.name === "docker")!;
      const name = uniqueName("live");
      const created = await page.request.post(`${server.url}/api/v2/users/me/workspaces`, {
        data: { template_id: docker.id, name },
      });
      expect(created.status()).toBe(201);

      await page.goto(`${server.url}/@alice/${name}/builds/1`);
      await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
      // Some log lines are on screen while the header still says the job is running.
      await page.waitForFunction(
        () =>
          document.querySelector("[data-line]") !== null &&
          document.querySelector('[data-testid="build-status"] [data-status]')?.getAttribute("data-status") ===
            "running",
        undefined,
        { polling: "raf", timeout: 20_000 },
      );
      await expect(headerStatus(page)).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
      expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
      const lines = await page.locator("[data-line]").count();
      expect(lines).toBeGreaterThan(1);

      await page.getByRole("button", { name: "Retry", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/@alice/${name}/builds/2$`));
      await expect(headerStatus(page)).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
      const ws = (await (
        await page.request.get(`${server.url}/api/v2/users/alice/workspace/${name}`)
      ).json()) as Workspace;
      const params = async (id: string) =>
        (await (
          await page.request.get(`${server.url}/api/v2/workspacebuilds/${id}/parameters`)
        ).json()) as WorkspaceBuildParameter[];
      const first = (await (
        await page.request.get(`${server.url}/api/v2/users/alice/workspace/${name}/builds/1`)
      ).json()) as WorkspaceBuild;
      expect(ws.latest_build.build_number).toBe(2);
      expect(ws.latest_build.transition).toBe("start");
      expect(await params(ws.latest_build.id)).toEqual(await params(first.id));

      // History: a build started elsewhere appears at the top while it runs, then settles.
      await page.goto(`${server.url}/@alice/${name}/builds`);
      await expect(historyRows(page)).toHaveCount(2);
      const stop = await page.request.post(`${server.url}/api/v2/workspaces/${ws.id}/builds`, {
        data: { transition: "stop" },
      });
      expect(stop.status()).toBe(201);
      await expect(historyRows(page)).toHaveCount(3);
      const top = historyRows(page).first();
      await expect(top).toContainText("#3");
      await expect(top).toContainText("Stop");
      await expect(top.locator("[data-status]").first()).toHaveAttribute("data-status", /^(pending|running)$/);
      await expect(top.locator("[data-status]").first()).toHaveAttribute("data-status", "succeeded", {
        timeout: 30_000,
      });
    } finally {
      await server.stop();
    }
  });
});
