// Faults (issue 11): each test runs its own server with the fault flags of docs/conventions.md and checks that
// what the page ends up showing is exactly what the server holds — no lost or doubled log line,
// no doubled build, no reload needed — and that nothing in the page threw.
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type { ProvisionerJobLog, Workspace, WorkspaceAgentLog, WorkspacesResponse } from "../../src/api/types";
import { exportLog } from "../../src/lib/logs/exportText";
import { fromAgentLogs, fromBuildLogs } from "../../src/lib/logs/store";
import { spawnServer, type SpawnedServer } from "../support/server";
import {
  Api,
  collectErrors,
  markDocument,
  ownServer,
  recordAttribute,
  recorded,
  reliabilityPort,
  sameDocument,
  signInAt,
} from "../support/reliability";

const status = (page: Page) => page.getByTestId("workspace-status");

/** The LogViewer's own "Download log" (text generated from what the page received). */
async function downloadLog(page: Page, pane: Locator): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    pane.getByRole("button", { name: "Download log" }).click(),
  ]);
  return readFile(await download.path(), "utf8");
}

async function expectedBuildLog(api: Api, buildId: string): Promise<{ text: string; logs: ProvisionerJobLog[] }> {
  const logs = await api.get<ProvisionerJobLog[]>(`/workspacebuilds/${buildId}/logs`);
  return { text: (await exportLog(fromBuildLogs(logs))).join(""), logs };
}

function expectStrictlyIncreasing(ids: number[], what: string): void {
  for (let i = 1; i < ids.length; i++)
    expect(ids[i], `${what}: id ${ids[i]} after ${ids[i - 1]}`).toBeGreaterThan(ids[i - 1]);
}

/** The list's rows as name → status. */
async function listStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await page
    .getByRole("table", { name: "Workspaces" })
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelector("td a[href^='/@']")?.textContent ?? "",
        tr.querySelector("[data-col=status] [data-status]")?.getAttribute("data-status") ?? "",
      ]),
    );
  return Object.fromEntries(rows);
}

const sorted = (o: Record<string, string>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

async function serverStatuses(api: Api): Promise<Record<string, string>> {
  const { workspaces } = await api.get<WorkspacesResponse>(`/workspaces?q=${encodeURIComponent("owner:me")}&limit=100`);
  return Object.fromEntries(workspaces.map((w) => [w.name, w.latest_build.status]));
}

test("latency 400 ms, 10 % 500s, streams dropped every 3 s: a start is watched to the end and the page matches the server", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // --speed 5: the build and the agent's scripts outlive several stream drops.
  const server = await ownServer(testInfo, [
    "--speed=5",
    "--latency-ms=400",
    "--error-rate=0.1",
    "--drop-streams-after-ms=3000",
  ]);
  try {
    const errors = collectErrors(page);
    const sockets = { opened: 0, dropped: 0 };
    // Everything the app puts in a URL or the console, to check the session token never shows.
    const exposed: string[] = [];
    page.on("request", (r) => exposed.push(r.url()));
    page.on("console", (m) => exposed.push(m.text()));
    page.on("websocket", (ws) => {
      exposed.push(ws.url());
      sockets.opened++;
      ws.on("close", () => sockets.dropped++);
    });
    const api = await Api.login(server.url, "alice");
    const before = await api.workspace("alice", "stopped-ws");
    await signInAt(page, server.url, "alice");
    await page.goto(`${server.url}/@alice/stopped-ws`);
    await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped", { timeout: 30_000 });
    await markDocument(page);
    await recordAttribute(page, "__statuses", "[data-testid=workspace-status]", "data-workspace-status");

    await page.getByRole("button", { name: "Start", exact: true }).click();
    await expect(status(page)).toHaveAttribute("data-workspace-status", "running", { timeout: 45_000 });
    const agent = page.getByTestId("agent");
    await expect(agent).toHaveAttribute("data-agent-lifecycle", "ready", { timeout: 45_000 });
    const final = await api.settled(before.id);
    expect(final.latest_build.build_number, "exactly one new build").toBe(before.latest_build.build_number + 1);
    await expect(status(page)).toHaveAttribute("data-workspace-status", final.latest_build.status);
    const statuses = await recorded(page, "__statuses");
    expect(statuses[0]).toBe("stopped");
    expect(statuses, statuses.join(" → ")).toContain("starting");
    expect(statuses.at(-1)).toBe("running");

    // Build log: every line the server has, in order, each once.
    const build = await expectedBuildLog(api, final.latest_build.id);
    expectStrictlyIncreasing(
      build.logs.map((l) => l.id),
      "server build log",
    );
    expect(build.logs.length).toBeGreaterThan(20);
    await expect.poll(() => downloadLog(page, page.getByTestId("build-log")), { timeout: 15_000 }).toBe(build.text);

    // Agent log likewise (sources named as the agent names them).
    const serverAgent = final.latest_build.resources.flatMap((r) => r.agents ?? [])[0];
    const agentLogs = await api.get<WorkspaceAgentLog[]>(`/workspaceagents/${serverAgent.id}/logs`);
    expectStrictlyIncreasing(
      agentLogs.map((l) => l.id),
      "server agent log",
    );
    expect(agentLogs.length).toBeGreaterThan(5);
    const agentText = (await exportLog(fromAgentLogs(agentLogs, serverAgent.log_sources))).join("");
    await expect.poll(() => downloadLog(page, page.getByTestId("agent-log")), { timeout: 15_000 }).toBe(agentText);
    expect(await sameDocument(page), "no reload").toBe(true);
    expect(sockets.dropped, "streams were really dropped").toBeGreaterThan(0);

    // The list converges to the server's state (its own queries meet the same 500s).
    await page.goto(`${server.url}/workspaces`);
    const expected = sorted(await serverStatuses(api));
    await expect.poll(async () => sorted(await listStatuses(page)), { timeout: 30_000 }).toBe(expected);
    expect(errors.pageErrors, "uncaught errors").toEqual([]);
    expect(errors.consoleErrors, "console errors").toEqual([]);
    const token = (await page.context().cookies()).find((c) => c.name === "coder_session_token");
    expect(token?.httpOnly, "session cookie is HttpOnly").toBe(true);
    expect(exposed.length).toBeGreaterThan(50);
    expect(
      exposed.filter((x) => x.includes(token!.value)),
      "session token in a URL or console message",
    ).toEqual([]);
    expect(
      await page.evaluate(
        () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
      ),
    ).not.toContain(token!.value);
  } finally {
    await server.stop();
  }
});

test("mutations are never retried: a start answered 500 after its effect makes exactly one build", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // Half of all non-stream requests fail; queries ride it out with retries, a mutation must not.
  const server = await ownServer(testInfo, ["--error-rate", "0.5"]);
  try {
    const errors = collectErrors(page);
    const api = await Api.login(server.url, "alice");
    const ws = await api.workspace("alice", "stopped-ws");
    await signInAt(page, server.url, "alice");
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && /\/api\/v2\/workspaces\/[^/]+\/builds$/.test(r.url())) posts.push(r.url());
    });
    let failedStart = false;
    await page.goto(`${server.url}/@alice/stopped-ws`);
    const start = page.getByRole("button", { name: "Start", exact: true });
    // The 500 is seeded but the page's request order is not: try until the start itself got one.
    // The page stays open; the test stops the workspace in between and the watch shows it.
    for (let attempt = 0; attempt < 12 && !failedStart; attempt++) {
      if ((await api.settled(ws.id)).latest_build.transition !== "stop") await api.transition(ws.id, "stop");
      try {
        await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped", { timeout: 10_000 });
        await expect(start).toBeEnabled();
      } catch {
        await page.reload(); // the first load lost every retry of a query: load it again
        continue;
      }
      const before = (await api.get<Workspace>(`/workspaces/${ws.id}`)).latest_build.build_number;
      posts.length = 0;
      const answer = page.waitForResponse(
        (r) => r.request().method() === "POST" && /\/workspaces\/[^/]+\/builds$/.test(r.url()),
      );
      await start.click();
      const res = await answer;
      if (res.status() !== 500) {
        expect(res.status()).toBe(201);
        continue;
      }
      failedStart = true;
      // Long enough for an automatic retry to have gone out (React Query's first one comes after
      // ~1 s) and for the build to finish (~2 s), so a retry would have made a second build.
      await page.waitForTimeout(4_000);
      const after = await api.settled(ws.id);
      expect(posts, "the page sent the start once").toHaveLength(1);
      expect(after.latest_build.build_number, "exactly one build").toBe(before + 1);
      expect(after.latest_build.transition).toBe("start");
      // The page learns the truth from the watch stream despite the 500.
      await expect(status(page)).toHaveAttribute("data-workspace-status", after.latest_build.status, {
        timeout: 15_000,
      });
      await expect(
        page.getByRole("alert").filter({ hasText: "Start failed:" }),
        "the failed start is reported",
      ).toBeVisible();
    }
    expect(failedStart, "a start POST was answered 500 within 12 tries").toBe(true);
    expect(errors.pageErrors, "uncaught errors").toEqual([]);
  } finally {
    await server.stop();
  }
});

test("server restart mid-stream (--state-file): Reconnecting/Offline, then back without reload, still signed in", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const port = reliabilityPort(testInfo);
  const stateFile = path.join(os.tmpdir(), `reliability-state-${port}-${process.pid}.json`);
  // --speed 5: the build is still streaming when the server goes away.
  const args = ["--speed", "5", "--state-file", stateFile];
  let server: SpawnedServer = await spawnServer(port, args);
  try {
    const errors = collectErrors(page);
    await signInAt(page, server.url, "alice");
    await page.goto(`${server.url}/@alice/stopped-ws`);
    await expect(status(page)).toHaveAttribute("data-workspace-status", "stopped");
    await markDocument(page);
    await recordAttribute(page, "__live", "[data-live-state]", "data-live-state");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await expect(status(page)).toHaveAttribute("data-workspace-status", "starting");
    await expect(page.getByTestId("build-log").locator("[data-line]").first()).toBeVisible();

    await server.stop();
    await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", /^(reconnecting|offline)$/);
    server = await spawnServer(port, args);
    await expect(page.locator("[data-live-state]")).toHaveAttribute("data-live-state", "live", { timeout: 30_000 });

    const api = await Api.login(server.url, "alice");
    const ws = await api.settled((await api.workspace("alice", "stopped-ws")).id, 45_000);
    await expect(status(page)).toHaveAttribute("data-workspace-status", ws.latest_build.status, { timeout: 30_000 });
    await expect(page.getByTestId("agent")).toHaveAttribute("data-agent-lifecycle", "ready", { timeout: 30_000 });
    const build = await expectedBuildLog(api, ws.latest_build.id);
    await expect.poll(() => downloadLog(page, page.getByTestId("build-log")), { timeout: 15_000 }).toBe(build.text);

    const live = await recorded(page, "__live");
    expect(live, live.join(" → ")).toEqual(expect.arrayContaining(["live"]));
    expect(live.some((s) => s === "reconnecting" || s === "offline")).toBe(true);
    expect(live.at(-1)).toBe("live");
    expect(await sameDocument(page), "no reload").toBe(true);
    expect(new URL(page.url()).pathname).toBe("/@alice/stopped-ws");
    const me = await page.request.get(`${server.url}/api/v2/users/me`);
    expect(me.status(), "the session survived the restart").toBe(200);
    expect(errors.pageErrors, "uncaught errors").toEqual([]);
  } finally {
    await server.stop();
  }
});
