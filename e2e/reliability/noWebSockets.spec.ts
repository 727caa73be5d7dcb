// Behind a proxy that refuses WebSockets (`--refuse-websockets`): every page still shows its logs
// and follows them live over HTTP, says so, and stops knocking on the socket after a few tries.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { ProvisionerJobLog, Workspace } from "../../src/api/types";
import { basePort, spawnServer, type SpawnedServer } from "../support/server";
import { Api, countLinesWhileStarting, recordAttribute, recorded, signInAt } from "../support/reliability";

let server: SpawnedServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const status = (page: Page) => page.getByTestId("workspace-status");
const lines = (page: Page, testId: string) => page.getByTestId(testId).locator("[data-line]");

test("workspace, build and timings pages show and follow logs over HTTP when WebSockets are refused", async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  // Slow enough that the build's log is followed while it is written.
  server = await spawnServer(basePort() + 50 + info.workerIndex, ["--refuse-websockets", "--speed", "3"]);
  const api = await Api.login(server.url, "alice");
  await signInAt(page, server.url, "alice");
  const sockets: string[] = [];
  page.on("websocket", (ws) => sockets.push(ws.url()));

  // A finished build: its log is shown (no skeleton waiting for a stream that never comes).
  await page.goto(`${server.url}/@alice/stopped-ws`);
  await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
  await expect(lines(page, "build-log").first()).toBeVisible();
  await expect(page.getByTestId("build-log")).toHaveAttribute("data-stream-state", "done");
  await expect(page.locator("[data-live-state=live]")).toHaveText("Live over HTTP", { timeout: 15_000 });

  // A live build: lines arrive while it runs, polled with after=.
  const polls: string[] = [];
  page.on("request", (r) => {
    if (/\/workspacebuilds\/[^/]+\/logs\?after=\d+$/.test(r.url())) polls.push(r.url());
  });
  const linesWhileStarting = await countLinesWhileStarting(page);
  await recordAttribute(page, "__logStates", "[data-testid=build-log]", "data-stream-state");
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(status(page)).toHaveAttribute("data-workspace-status", "running", { timeout: 60_000 });
  expect(await linesWhileStarting()).toBeGreaterThan(0);
  await expect(page.getByTestId("build-log")).toHaveAttribute("data-stream-state", "done");
  expect(await recorded(page, "__logStates")).toContain("polling");
  expect(
    polls.some((url) => !url.endsWith("after=0")),
    polls.join("\n"),
  ).toBe(true);
  await expect(lines(page, "agent-log").first()).toBeVisible({ timeout: 30_000 });

  // Every line the server has, once, in order.
  const ws = await api.get<Workspace>("/users/alice/workspace/stopped-ws");
  const logs = await api.get<ProvisionerJobLog[]>(`/workspacebuilds/${ws.latest_build.id}/logs`);
  await expect(page.getByTestId("build-log").locator('[role="toolbar"]')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("build-log").getByRole("button", { name: "Download log" }).click(),
  ]);
  const shown = (await readFile(await download.path(), "utf8")).split("\n").filter((l) => l !== "");
  expect(shown).toHaveLength(logs.length);
  // Watched live to its end, the viewer is still there after the build finished.
  await expect(lines(page, "build-log").last()).toHaveAttribute("data-line", String(logs.length));

  // Sockets were tried a few times, with backoff, then left alone.
  const tried = sockets.length;
  expect(tried).toBeGreaterThan(0);
  await page.waitForTimeout(8_000);
  expect(sockets.length, sockets.join("\n")).toBe(tried);

  // The workspace list (its rows watch over SSE) and the builds overview (polled) load as usual.
  await page.goto(`${server.url}/workspaces`);
  await expect(page.locator('a[href="/@alice/stopped-ws"]').first()).toBeVisible();
  await page.goto(`${server.url}/builds`);
  await expect(page.locator("[data-live-state=live]")).toBeVisible({ timeout: 15_000 });

  // The build history: its live indicator says the updates come over HTTP.
  await page.goto(`${server.url}/@alice/stopped-ws/builds`);
  await expect(page.locator("[data-live-state=live]")).toHaveText("Live over HTTP", { timeout: 15_000 });

  // The build page: its log and the agent's log.
  await page.goto(`${server.url}/@alice/stopped-ws/builds/${ws.latest_build.build_number}`);
  await expect(lines(page, "build-log").first()).toBeVisible();
  await page.goto(`${server.url}/@alice/stopped-ws/builds/${ws.latest_build.build_number}?tab=agent-logs`);
  await expect(lines(page, "agent-log").first()).toBeVisible();

  // The timings page: a provisioner bar opens its build log beside the chart.
  await page.goto(`${server.url}/@alice/stopped-ws/builds/${ws.latest_build.build_number}/timings`);
  await page.getByTestId("timings-plot").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("timings-log-pane").locator("[data-line]").first()).toBeVisible();
});

test("a build page opened while the build runs follows its log to the end over HTTP", async ({ page }, info) => {
  test.setTimeout(120_000);
  // Slow enough that the build's log is followed while it is written (as above).
  server = await spawnServer(basePort() + 50 + info.workerIndex, ["--refuse-websockets", "--speed", "3"]);
  const api = await Api.login(server.url, "alice");
  await signInAt(page, server.url, "alice");
  const ws = await api.get<Workspace>("/users/alice/workspace/stopped-ws");
  // Held until the page follows it, however long the page takes to load on a loaded machine.
  const holdUrl = `${server.url}/__sim/hold`;
  const hold = (held: boolean) => fetch(holdUrl, { method: "POST", body: JSON.stringify({ held }) });
  expect((await hold(true)).ok).toBe(true);
  const res = await api.send("POST", `/workspaces/${ws.id}/builds`, { transition: "start" });
  expect(res.status, res.text).toBe(201);
  const started = JSON.parse(res.text) as { build_number: number; id: string };
  await page.goto(`${server.url}/@alice/stopped-ws/builds/${started.build_number}`);
  await expect(page.getByTestId("build-log")).toHaveAttribute("data-stream-state", "polling", { timeout: 15_000 });
  await expect(page.getByText(/Following over HTTP/)).toBeVisible();
  expect((await hold(false)).ok).toBe(true);
  await expect(page.getByTestId("build-log")).toHaveAttribute("data-stream-state", "done", { timeout: 60_000 });
  const logs = await api.get<ProvisionerJobLog[]>(`/workspacebuilds/${started.id}/logs`);
  await expect(lines(page, "build-log").last()).toBeVisible();
  // The viewer follows: its last line is the server's last line.
  await expect(lines(page, "build-log").last()).toHaveAttribute("data-line", String(logs.length));
});
