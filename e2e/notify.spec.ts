// "Notify me when ready" (issue 21): the toggle is set on the workspace or build page, the news
// arrives while the person is on another page of the app (or after a reload), through a stubbed
// browser Notification installed before the app loads; and the in-app path when it is denied.
import type { Page } from "@playwright/test";
import type { Template, Workspace } from "../src/api/types";
import { test as base, expect, signIn } from "./fixtures";
import { apiJson, getWorkspace } from "./support/api";
import { basePort, spawnServer, type SpawnedServer } from "./support/server";

// A server of its own (a test holds its provisioners, see below), at the usual test speed. Each
// test starts a different one of alice's seeded workspaces, so none needs a setup build; a failed
// test gets a new worker, so a fresh server.
const test = base.extend<object, { notifyServer: SpawnedServer }>({
  notifyServer: [
    async ({}, use, info) => {
      const server = await spawnServer(basePort() + 56 + info.workerIndex);
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ notifyServer }, use) => {
    await use(notifyServer.url);
  },
});

interface Shown {
  title: string;
  body: string;
  tag: string;
}

/**
 * A browser Notification that records what it is asked to show (in sessionStorage, so a reload
 * keeps the record) and keeps the instances so a test can click one. `requestPermission` answers
 * "granted" when asked from "default"; the answer is remembered across reloads like a browser's.
 * How often permission was asked and the window focused are counted too.
 */
async function stubNotification(page: Page, initial: NotificationPermission): Promise<void> {
  await page.addInitScript((start) => {
    const store = window.sessionStorage;
    const current = () => (store.getItem("e2e-permission") as NotificationPermission | null) ?? start;
    const instances: unknown[] = [];
    class FakeNotification {
      static get permission() {
        return current();
      }
      static requestPermission() {
        store.setItem("e2e-asked", String(Number(store.getItem("e2e-asked") ?? 0) + 1));
        if (current() === "default") store.setItem("e2e-permission", "granted");
        return Promise.resolve(current());
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        if (current() !== "granted") throw new TypeError("permission not granted");
        const shown = JSON.parse(store.getItem("e2e-shown") ?? "[]") as unknown[];
        store.setItem("e2e-shown", JSON.stringify([...shown, { title, body: options.body, tag: options.tag }]));
        instances.push(this);
      }
      close() {}
    }
    const focus = window.focus.bind(window);
    window.focus = () => {
      store.setItem("e2e-focused", String(Number(store.getItem("e2e-focused") ?? 0) + 1));
      focus();
    };
    Object.assign(window, { Notification: FakeNotification, e2eNotifications: instances });
  }, initial);
}

const counted = (page: Page, what: "e2e-asked" | "e2e-focused") =>
  page.evaluate((key) => Number(sessionStorage.getItem(key) ?? 0), what);

/** The watch streams the page opens for one workspace, and whether each is still open. */
function watchStreams(page: Page, workspaceId: string): { open: () => number; opened: () => number } {
  const streams: Array<{ closed: boolean }> = [];
  page.on("websocket", (socket) => {
    if (!socket.url().includes(`/workspaces/${workspaceId}/watch-ws`)) return;
    const stream = { closed: false };
    streams.push(stream);
    socket.on("close", () => (stream.closed = true));
  });
  return { open: () => streams.filter((s) => !s.closed).length, opened: () => streams.length };
}

const shown = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem("e2e-shown") ?? "[]") as Array<Shown>);

async function clickLatestNotification(page: Page): Promise<void> {
  await page.evaluate(() => {
    const list = (window as unknown as { e2eNotifications: Array<{ onclick: (() => void) | null }> }).e2eNotifications;
    list[list.length - 1].onclick?.();
  });
}

async function newWorkspace(page: Page, prefix: string): Promise<Workspace> {
  const templates = await apiJson<Template[]>(page, "GET", "/templates");
  const docker = templates.find((t) => t.name === "docker")!;
  const name = `${prefix}-${Date.now().toString(36)}`.slice(0, 32);
  return apiJson<Workspace>(page, "POST", "/users/me/workspaces", { template_id: docker.id, name });
}

async function nextOutcome(page: Page, workspaceId: string, outcome: string): Promise<void> {
  const res = await page.request.post("/__sim/next-outcome", {
    data: { workspace_id: workspaceId, outcome },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * Held, the server's provisioners take no job: a build stays pending, surely still on its way
 * while the page loads and the toggle is clicked however loaded the machine is; released, it runs
 * at full test speed.
 */
async function holdBuilds(page: Page, held: boolean): Promise<void> {
  const res = await page.request.post("/__sim/hold", { data: { held } });
  expect(res.ok(), await res.text()).toBe(true);
}

const toggle = (page: Page) => page.getByRole("button", { name: /Notify me when ready|Notifying when ready/ });

async function armFromWorkspacePage(page: Page, ws: Workspace): Promise<void> {
  await page.goto(`/@alice/${ws.name}`);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await expect(toggle(page)).toHaveText("Notifying when ready");
}

async function leaveFor(page: Page, link: "Workspaces" | "Builds"): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(link === "Builds" ? /\/builds$/ : /\/workspaces/);
}

test("ready: set on the workspace page, shown on the builds page, a click opens the workspace", async ({ page }) => {
  await stubNotification(page, "default");
  await signIn(page, "alice");
  await holdBuilds(page, true);
  const ws = await newWorkspace(page, "nt-ready");
  const streams = watchStreams(page, ws.id);
  await page.goto(`/@alice/${ws.name}`);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  // Not asked on load: only the click asks.
  expect(await counted(page, "e2e-asked")).toBe(0);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  expect(await counted(page, "e2e-asked")).toBe(1);
  expect(await page.evaluate(() => Notification.permission)).toBe("granted");
  // Off and on again: the browser is not asked a second time.
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  expect(await counted(page, "e2e-asked")).toBe(1);
  await leaveFor(page, "Builds");
  // The page's own stream has closed; the watcher holds one for the awaited workspace.
  await expect.poll(streams.open).toBe(1);
  expect(await shown(page)).toEqual([]);
  await holdBuilds(page, false);

  await expect.poll(() => shown(page), { timeout: 30_000 }).toHaveLength(1);
  // Delivered: its stream is closed.
  await expect.poll(streams.open).toBe(0);
  const [note] = await shown(page);
  expect(note.title).toBe(`${ws.name} is ready`);
  expect(note.body).toContain(`alice/${ws.name}`);
  expect(note.body).toContain("every agent ready");
  // The agent really is ready when it says so.
  const now = await apiJson<Workspace>(page, "GET", `/workspaces/${ws.id}`);
  expect(now.latest_build.resources[0].agents?.[0].lifecycle_state).toBe("ready");

  const focused = await counted(page, "e2e-focused");
  await clickLatestNotification(page);
  await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}$`));
  expect(await counted(page, "e2e-focused")).toBe(focused + 1);
  // Done: the toggle is gone (nothing left to wait for) and the stored list is empty.
  await expect(page.getByTestId("workspace-status")).toHaveAttribute("data-ready", "true");
  await expect(toggle(page)).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("notify-awaited:")))).toEqual(
    [],
  );
});

test("failed: still waiting after a reload, names the quota error, a click opens the failed build", async ({
  page,
}) => {
  await stubNotification(page, "default");
  await signIn(page, "alice");
  const ws = await getWorkspace(page, "alice", "quota-fail");
  await nextOutcome(page, ws.id, "insufficient_quota");
  await holdBuilds(page, true);
  await page.goto(`/@alice/${ws.name}`);
  await page.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByTestId("workspace-status")).not.toHaveAttribute("data-workspace-status", "failed");
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");

  // A full load of another page: the watcher picks the stored wish up again.
  await page.goto("/workspaces");
  const stored = await page.evaluate(() =>
    Object.entries(localStorage).filter(([k]) => k.startsWith("notify-awaited:")),
  );
  expect(stored).toHaveLength(1);
  const me = await apiJson<{ id: string }>(page, "GET", "/users/me");
  expect(stored[0][0]).toBe(`notify-awaited:${me.id}`);
  expect(stored[0][1]).toContain(ws.id);
  expect(stored[0][1]).not.toMatch(/token/i);
  for (const cookie of await page.context().cookies()) {
    if (cookie.value.length >= 8) expect(stored[0][1]).not.toContain(cookie.value);
  }
  expect(await shown(page)).toEqual([]);
  await holdBuilds(page, false);

  await expect.poll(() => shown(page), { timeout: 30_000 }).toHaveLength(1);
  const [note] = await shown(page);
  expect(note.title).toBe(`${ws.name} failed`);
  expect(note.body).toContain("Not enough workspace quota");
  const failed = await apiJson<Workspace>(page, "GET", `/workspaces/${ws.id}`);
  expect(failed.latest_build.status).toBe("failed");

  await clickLatestNotification(page);
  await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}/builds/${failed.latest_build.build_number}$`));
  await expect(page.getByTestId("build-status")).toContainText("Failed");
});

test("startup script failure: set on the page of the build on its way, shown on the workspaces list after a reload", async ({
  page,
}) => {
  await stubNotification(page, "default");
  await signIn(page, "alice");
  const ws = await getWorkspace(page, "alice", "canceled-ws");
  await nextOutcome(page, ws.id, "script_timeout");
  await holdBuilds(page, true);
  const build = await apiJson<{ build_number: number }>(page, "POST", `/workspaces/${ws.id}/builds`, {
    transition: "start",
  });
  await page.goto(`/@alice/${ws.name}/builds/${build.build_number}`);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await leaveFor(page, "Workspaces");
  await page.reload();
  expect(await shown(page)).toEqual([]);
  await holdBuilds(page, false);

  await expect.poll(() => shown(page), { timeout: 30_000 }).toHaveLength(1);
  const [note] = await shown(page);
  expect(note.title).toBe(`${ws.name} is running, but a startup script failed`);
  expect(note.body).toContain("start timeout");
  await clickLatestNotification(page);
  await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}$`));
});

test("canceled: the news names the cancel, after a reload of the builds page; a click opens the workspace", async ({
  page,
}) => {
  await stubNotification(page, "default");
  await signIn(page, "alice");
  // Pending until canceled: no provisioner serves its tags.
  const ws = await getWorkspace(page, "alice", "pending-ws");
  await armFromWorkspacePage(page, ws);
  await leaveFor(page, "Builds");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Builds", level: 1 })).toBeVisible();
  const res = await page.request.patch(`/api/v2/workspacebuilds/${ws.latest_build.id}/cancel`);
  expect(res.ok(), await res.text()).toBe(true);

  await expect.poll(() => shown(page), { timeout: 30_000 }).toHaveLength(1);
  const [note] = await shown(page);
  expect(note.title).toBe(`${ws.name}: build canceled`);
  expect(note.body).toContain(`alice/${ws.name} · build #${ws.latest_build.build_number} was canceled`);
  await clickLatestNotification(page);
  await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}$`));
});

test("denied: the toggle says so, and an in-app alert and a tab badge stand in", async ({ page }) => {
  await stubNotification(page, "denied");
  await signIn(page, "alice");
  await holdBuilds(page, true);
  const ws = await newWorkspace(page, "nt-denied");
  await page.goto(`/@alice/${ws.name}`);
  const button = page.getByRole("button", { name: "Notify me when ready" });
  await expect(button).toHaveAccessibleDescription(/Browser notifications are blocked for this site/);
  await button.click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await leaveFor(page, "Builds");
  const alert = page.getByRole("status").filter({ hasText: `${ws.name} is ready` });
  await expect(alert).toHaveCount(0);
  await holdBuilds(page, false);

  await expect(alert).toBeVisible({ timeout: 30_000 });
  expect(await shown(page)).toEqual([]);
  await expect(page).toHaveTitle(/^\(1\) /);
  expect(await page.locator('link[rel="icon"]').getAttribute("href")).toMatch(/^data:image\/svg\+xml/);

  await alert.getByRole("button", { name: "Open workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}$`));
  // Coming back to the tab (any click or key) clears the badge.
  await expect(page).not.toHaveTitle(/^\(\d+\) /);
  expect(await page.locator('link[rel="icon"]').getAttribute("href")).toBe("/favicon.svg");
});

test("no Notification API: the toggle says so, and the in-app alert stands in", async ({ page }) => {
  await page.addInitScript(() => Reflect.deleteProperty(window, "Notification"));
  await signIn(page, "alice");
  await holdBuilds(page, true);
  const ws = await newWorkspace(page, "nt-none");
  await page.goto(`/@alice/${ws.name}`);
  expect(await page.evaluate(() => typeof Notification)).toBe("undefined");
  const button = page.getByRole("button", { name: "Notify me when ready" });
  await expect(button).toHaveAccessibleDescription(/This browser can't show notifications/);
  await button.click();
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await leaveFor(page, "Workspaces");
  await holdBuilds(page, false);

  const alert = page.getByRole("status").filter({ hasText: `${ws.name} is ready` });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle(/^\(1\) /);
  await alert.getByRole("button", { name: "Open workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}$`));
});
