// The workspace page (issue 7) against the built app and the built-in server: live status, logs,
// agents and apps without reloads; failures explained; cancel; stream drops; refusals; 404/deleted;
// accessibility, phone width and keyboard.
import { readFile } from "node:fs/promises";
import type { APIRequestContext, Page } from "@playwright/test";
import type { ProvisionerJobLog, Template, Workspace } from "../src/api/types";
import { stripAnsi } from "../src/lib/logs/ansi";
import { test, expect, signIn } from "./fixtures";
import { axeBothThemes } from "./support/axe";
import { countLinesWhileStarting, recordAttribute, recorded } from "./support/reliability";
import { basePort, spawnServer, type SpawnedServer } from "./support/server";

// ---- helpers ----------------------------------------------------------------------------------

/** `base` is empty for the worker's server (the baseURL), or another server's URL. */
async function api<T>(
  request: APIRequestContext,
  method: "GET" | "POST" | "PUT",
  path: string,
  data?: unknown,
  base = "",
): Promise<T> {
  const res = await request.fetch(`${base}/api/v2${path}`, { method, data });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

async function waitForJob(
  request: APIRequestContext,
  workspaceId: string,
  done: (ws: Workspace) => boolean,
): Promise<Workspace> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ws = await api<Workspace>(request, "GET", `/workspaces/${workspaceId}`);
    if (done(ws)) return ws;
    if (Date.now() > deadline) throw new Error(`workspace ${ws.name} stuck in ${ws.latest_build.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Workspaces a test created on the shared server; deleted after it so other specs' lists stay as seeded. */
const created: string[] = [];

test.afterEach(async ({ page }) => {
  for (const id of created.splice(0)) {
    await waitForJob(
      page.request,
      id,
      (ws) => !["pending", "running", "canceling"].includes(ws.latest_build.job.status),
    );
    await api(page.request, "POST", `/workspaces/${id}/builds`, { transition: "delete" });
  }
});

/** A new docker workspace of alice's, built and then stopped: what "start a stopped workspace" needs, untouched by other specs. */
async function stoppedWorkspace(request: APIRequestContext, prefix: string): Promise<Workspace> {
  const templates = await api<Template[]>(request, "GET", "/templates");
  const docker = templates.find((t) => t.name === "docker");
  if (!docker) throw new Error("no docker template");
  const name = `${prefix}-${Date.now().toString(36)}`.slice(0, 32);
  const workspace = await api<Workspace>(request, "POST", "/users/me/workspaces", { template_id: docker.id, name });
  created.push(workspace.id);
  await waitForJob(request, workspace.id, (ws) => ws.latest_build.job.status === "succeeded");
  await api(request, "POST", `/workspaces/${workspace.id}/builds`, { transition: "stop" });
  return waitForJob(request, workspace.id, (ws) => ws.latest_build.status === "stopped");
}

function inOrder(values: string[], expected: string[]): boolean {
  let i = 0;
  for (const v of values) if (v === expected[i]) i++;
  return i === expected.length;
}

const status = (page: Page) => page.getByTestId("workspace-status");

/** signIn() talks to the worker's server; this signs alice in on another one. */
async function signInAt(page: Page, url: string): Promise<void> {
  const res = await page.request.post(`${url}/api/v2/users/login`, {
    data: { email: "alice@example.com", password: "coder-demo-1" },
  });
  expect(res.status(), await res.text()).toBe(201);
}

// ---- failures and refusals --------------------------------------------------------------------

test("a build that fails with INSUFFICIENT_QUOTA explains what to do", async ({ page, server }) => {
  await signIn(page, "alice");
  const ws = await stoppedWorkspace(page.request, "e2e-quota");
  const res = await page.request.post(`${server.url}/__sim/next-outcome`, {
    data: { workspace_id: ws.id, outcome: "insufficient_quota" },
  });
  expect(res.ok()).toBe(true);
  await page.goto(`/@alice/${ws.name}`);
  await page.getByRole("button", { name: "Start", exact: true }).click();

  await expect(status(page)).toHaveAttribute("data-workspace-status", "failed");
  const failure = page.getByTestId("build-failure");
  await expect(failure).toContainText("INSUFFICIENT_QUOTA");
  await expect(failure.getByTestId("error-guidance")).toContainText("Not enough workspace quota");
  await expect(failure.getByTestId("error-guidance")).toContainText("Stop or delete workspaces you are not using");
  await expect(failure.getByLabel("Log lines around the failure")).toBeVisible();
});

test("a 409 on a double start is shown beside the button and the page keeps the server's state", async ({ page }) => {
  await signIn(page, "alice");
  const ws = await stoppedWorkspace(page.request, "e2e-conflict");
  // The page must not hear about the other start, as if it happened a moment before the click.
  await page.routeWebSocket(/\/watch-ws$/, () => {});
  await page.goto(`/@alice/${ws.name}`);
  await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
  // Nor through a refetch that happens to run between the other start and the click (on a loaded
  // machine that window is wide): reads of the workspace keep answering the stopped snapshot.
  const snapshot = JSON.stringify(ws);
  const workspaceRead = new RegExp(`/api/v2/(workspaces/${ws.id}|users/alice/workspace/${ws.name})(\\?|$)`);
  await page.route(workspaceRead, (route) =>
    route.request().method() === "GET"
      ? route.fulfill({ status: 200, contentType: "application/json", body: snapshot })
      : route.fallback(),
  );
  await api(page.request, "POST", `/workspaces/${ws.id}/builds`, { transition: "start" });

  await page.getByRole("button", { name: "Start", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "A workspace build is already active." });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Start failed");
  await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
  await expect(page.getByRole("button", { name: "Start", exact: true })).toBeEnabled();
});

test("Build with parameters: the dialog validates, then starts a build with the chosen value", async ({ page }) => {
  await signIn(page, "alice");
  const ws = await stoppedWorkspace(page.request, "e2e-params");
  await page.goto(`/@alice/${ws.name}`);
  await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Build with parameters…" }).click();
  const dialog = page.getByRole("dialog", { name: "Build with parameters" });
  await expect(dialog).toBeVisible();
  const image = dialog.getByLabel("Container image");
  // Focus starts on the first field, not on the close button.
  await expect(image).toBeFocused();
  await image.selectOption({ index: 1 });
  const chosen = await image.inputValue();
  expect(chosen).not.toBe("codercom/enterprise-base:ubuntu");
  await dialog.getByRole("button", { name: "Start" }).click();
  await expect(dialog).toBeHidden();
  const started = await waitForJob(
    page.request,
    ws.id,
    (w) => w.latest_build.build_number > ws.latest_build.build_number,
  );
  expect(started.latest_build.transition).toBe("start");
  const params = await api<Array<{ name: string; value: string }>>(
    page.request,
    "GET",
    `/workspacebuilds/${started.latest_build.id}/parameters`,
  );
  expect(params.find((p) => p.name === "image")?.value).toBe(chosen);
});

test("+1h moves the autostop time (PUT /extend) and the page shows the server's new deadline", async ({ page }) => {
  await signIn(page, "alice");
  let dev = await api<Workspace>(page.request, "GET", "/users/alice/workspace/dev");
  if (dev.latest_build.status !== "running") {
    await waitForJob(
      page.request,
      dev.id,
      (ws) => !["pending", "running", "canceling"].includes(ws.latest_build.job.status),
    );
    await api(page.request, "POST", `/workspaces/${dev.id}/builds`, { transition: "start" });
    dev = await waitForJob(page.request, dev.id, (ws) => ws.latest_build.status === "running");
  }
  const before = Date.parse(dev.latest_build.deadline ?? "");
  expect(Number.isNaN(before)).toBe(false);
  await page.goto("/@alice/dev");
  const autostop = page.getByTestId("autostop");
  await expect(autostop).toContainText("Stops");
  await page.getByRole("button", { name: "Stop one hour later" }).click();
  const after = new Date(before + 3_600_000);
  // Coder stores the deadline to the second.
  const seconds = (iso: string | null | undefined) => Math.floor(Date.parse(iso ?? "") / 1000);
  await expect
    .poll(async () =>
      seconds((await api<Workspace>(page.request, "GET", `/workspaces/${dev.id}`)).latest_build.deadline),
    )
    .toBe(Math.floor(after.getTime() / 1000));
  const hhmm = `${String(after.getUTCHours()).padStart(2, "0")}:${String(after.getUTCMinutes()).padStart(2, "0")} UTC`;
  await expect(autostop).toContainText(hhmm);
});

// ---- not found, deleted -------------------------------------------------------------------------

test("bob's workspace is not found for alice", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/@bob/api-server");
  await expect(page.getByRole("heading", { name: "Workspace not found" })).toBeVisible();
});

test("a deleted workspace gets its own page", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/@alice/deleted-ws");
  await expect(page.getByTestId("workspace-deleted")).toBeVisible();
  await expect(page.getByRole("heading", { name: "alice/deleted-ws was deleted" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Build history" })).toBeVisible();
});

// ---- accessibility, phone, keyboard ---------------------------------------------------------------

// States the route sweep (reliability/a11y) does not reach: mid-build and outdated.
test("axe in light and dark: mid-build and outdated pages have nothing serious or critical", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "alice");
  const found: string[] = [];
  for (const name of ["starting-ws", "outdated"]) {
    await page.goto(`/@alice/${name}`);
    await expect(status(page)).toBeVisible();
    await expect(page.getByTestId("build-log").locator("[data-line]").first()).toBeVisible();
    for (const v of await axeBothThemes(page)) found.push(`${name}: ${v}`);
  }
  expect(found).toEqual([]);
});

test("usable at 390px: nothing overflows sideways and the actions are reachable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "alice");
  await page.goto("/@alice/dev");
  await expect(page.getByTestId("agent")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeInViewport();
  await expect(page.getByTestId("build-log").locator("[data-line]").first()).toBeVisible();
});

test("keyboard: Tab to Start and Enter starts the workspace", async ({ page }) => {
  await signIn(page, "alice");
  const ws = await stoppedWorkspace(page.request, "e2e-keys");
  await page.goto(`/@alice/${ws.name}`);
  const start = page.getByRole("button", { name: "Start", exact: true });
  await expect(start).toBeVisible();
  for (let i = 0; i < 40 && !(await start.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(start).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status(page)).not.toHaveAttribute("data-workspace-status", "stopped");
  await expect(status(page)).toHaveAttribute("data-workspace-status", "running");
});

// ---- own servers: a slower live start, cancel (a build held in apply), streams that drop ---------

test.describe("with a server of its own", () => {
  let own: SpawnedServer | undefined;
  test.afterEach(async () => {
    await own?.stop();
    own = undefined;
  });

  test("starting a stopped workspace goes live: Pending → Starting → Running, logs, agent ready, apps — no reload", async ({
    page,
  }, info) => {
    // Slower than the shared server, so "log lines while the build runs" does not depend on how busy the machine is.
    own = await spawnServer(basePort() + 40 + info.workerIndex, ["--speed", "5"]);
    await signInAt(page, own.url);
    await page.goto(`${own.url}/@alice/stopped-ws`);
    await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await recordAttribute(page, "__statuses", "[data-testid=workspace-status]", "data-workspace-status");
    // Log lines present while the build is still starting.
    const linesWhileStarting = await countLinesWhileStarting(page);

    await page.getByRole("button", { name: "Start", exact: true }).click();

    await expect(status(page)).toHaveAttribute("data-workspace-status", "running", { timeout: 30_000 });
    const statuses = await recorded(page, "__statuses");
    expect(inOrder(statuses, ["stopped", "pending", "starting", "running"]), statuses.join(" → ")).toBe(true);
    expect(await linesWhileStarting()).toBeGreaterThan(0);

    const agent = page.getByTestId("agent");
    await expect(agent).toHaveAttribute("data-agent-lifecycle", "ready", { timeout: 15_000 });
    await expect(status(page)).toHaveAttribute("data-ready", "true");
    await expect(status(page)).toHaveText("Running");
    await expect(agent.getByRole("link", { name: /code-server/ })).toHaveAttribute(
      "href",
      /\/@alice\/.+\.main\/apps\/code-server\/$/,
    );
    await expect(agent.getByTestId("app")).not.toHaveCount(0);
    await expect(page.getByTestId("agent-log").locator("[data-line]").first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test("canceling a running build: Canceling → Canceled", async ({ page }, info) => {
    // A fresh world: alice/starting-ws is held in apply until canceled (README "Built-in server").
    own = await spawnServer(basePort() + 40 + info.workerIndex);
    await signInAt(page, own.url);
    await page.goto(`${own.url}/@alice/starting-ws`);
    await expect(status(page)).toHaveAttribute("data-workspace-status", "starting");
    await recordAttribute(page, "__statuses", "[data-testid=workspace-status]", "data-workspace-status");
    await page.getByRole("button", { name: "Cancel build" }).click();
    await expect(status(page)).toHaveAttribute("data-workspace-status", "canceled");
    const statuses = await recorded(page, "__statuses");
    expect(inOrder(statuses, ["starting", "canceling", "canceled"]), statuses.join(" → ")).toBe(true);
    await expect(page.getByRole("button", { name: "Start", exact: true })).toBeVisible();
  });

  test("streams dropping mid-build: Reconnecting then Live, and the log equals the server's", async ({
    page,
  }, info) => {
    // Slow enough that the build outlives several drops.
    own = await spawnServer(basePort() + 40 + info.workerIndex, ["--drop-streams-after-ms", "1500", "--speed", "3"]);
    await signInAt(page, own.url);
    await page.goto(`${own.url}/@alice/stopped-ws`);
    await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
    await recordAttribute(page, "__live", "[data-live-state]", "data-live-state");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await expect(status(page)).toHaveAttribute("data-workspace-status", "starting");
    await expect(status(page)).toHaveAttribute("data-workspace-status", "running", { timeout: 40_000 });
    const live = await recorded(page, "__live");
    expect(inOrder(live, ["live", "reconnecting", "live"]), live.join(" → ")).toBe(true);

    const ws = await api<Workspace>(page.request, "GET", "/users/alice/workspace/stopped-ws", undefined, own.url);
    const logs = await api<ProvisionerJobLog[]>(
      page.request,
      "GET",
      `/workspacebuilds/${ws.latest_build.id}/logs`,
      undefined,
      own.url,
    );
    expect(new Set(logs.map((l) => l.id)).size).toBe(logs.length);
    const expected = logs.map(
      (l) => `${new Date(Date.parse(l.created_at)).toISOString()} [${l.log_level}] [${l.stage}] ${stripAnsi(l.output)}`,
    );

    // The pane's whole log, as its download writes it (generated from what the page received).
    await expect(page.getByTestId("build-log")).toHaveAttribute("data-stream-state", "done");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("build-log").getByRole("button", { name: "Download log" }).click(),
    ]);
    const shown = (await readFile(await download.path(), "utf8")).split("\n").filter((line) => line !== "");
    expect(shown).toEqual(expected);
    // Watched live to its end: the viewer stays at the last line after the build finished.
    await expect(page.getByTestId("build-log").locator("[data-line]").last()).toHaveAttribute(
      "data-line",
      String(logs.length),
    );
  });
});
