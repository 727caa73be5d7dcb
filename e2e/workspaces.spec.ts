import type { Locator, Page, WebSocket } from "@playwright/test";
import type { Template, Workspace, WorkspacesResponse } from "../src/api/types";
import { expect, signIn, test } from "./fixtures";
import { apiJson, getWorkspace } from "./support/api";
import { axeBothThemes } from "./support/axe";

// The worker's server is shared by every spec that runs on it, so tests that change state make
// their own workspaces, or put the seeded ones into the state they need first.

async function waitForStatus(page: Page, id: string, status: string): Promise<void> {
  await expect
    .poll(async () => (await apiJson<Workspace>(page, "GET", `/workspaces/${id}`)).latest_build.status, {
      timeout: 20_000,
    })
    .toBe(status);
}

/** Puts a workspace into `running` or `stopped` through the API, waiting for the build to finish. */
async function ensureStatus(page: Page, ws: Workspace, status: "running" | "stopped"): Promise<void> {
  const current = await apiJson<Workspace>(page, "GET", `/workspaces/${ws.id}`);
  if (current.latest_build.status === status) return;
  if (
    current.latest_build.status !== "running" &&
    current.latest_build.status !== "stopped" &&
    current.latest_build.status !== "failed"
  ) {
    await waitForStatus(page, ws.id, status === "running" ? "running" : "stopped");
    return;
  }
  await apiJson(page, "POST", `/workspaces/${ws.id}/builds`, { transition: status === "running" ? "start" : "stop" });
  await waitForStatus(page, ws.id, status);
}

async function createWorkspace(page: Page, name: string, template = "docker"): Promise<Workspace> {
  const templates = await apiJson<Template[]>(page, "GET", "/templates");
  const t = templates.find((x) => x.name === template);
  expect(t, `template ${template}`).toBeTruthy();
  return apiJson<Workspace>(page, "POST", "/users/me/workspaces", { template_id: t!.id, name });
}

/** Leaves the shared world as it was: waits for the workspace's build to settle, then deletes it. */
async function removeWorkspace(page: Page, id: string): Promise<void> {
  await expect
    .poll(async () => (await apiJson<Workspace>(page, "GET", `/workspaces/${id}`)).latest_build.job.status, {
      timeout: 20_000,
    })
    .toMatch(/^(succeeded|failed|canceled)$/);
  await apiJson(page, "POST", `/workspaces/${id}/builds`, { transition: "delete" });
  await expect
    .poll(async () => (await page.request.get(`/api/v2/workspaces/${id}`)).status(), { timeout: 20_000 })
    .toBe(410);
}

/** Held, the server's provisioners take no job: builds stay pending until released. */
async function holdBuilds(page: Page, held: boolean): Promise<void> {
  const res = await page.request.post("/__sim/hold", { data: { held } });
  expect(res.ok(), await res.text()).toBe(true);
}

/**
 * Until thawed, list reads answer what they answered before freezing, so the table cannot learn
 * about a build started behind its back.
 */
async function freezableListReads(page: Page): Promise<{ freeze(): void; thaw(): void }> {
  const answered = new Map<string, string>();
  let frozen = false;
  await page.route(/\/api\/v2\/workspaces\?/, async (route) => {
    const url = route.request().url();
    const before = answered.get(url);
    if (frozen && before !== undefined)
      return route.fulfill({ status: 200, contentType: "application/json", body: before });
    const response = await route.fetch();
    const body = await response.text();
    answered.set(url, body);
    return route.fulfill({ response, body });
  });
  return {
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
  };
}

const uniqueName = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

function table(page: Page): Locator {
  return page.getByRole("table", { name: "Workspaces" });
}

function bodyRows(page: Page): Locator {
  return table(page).locator("tbody tr");
}

function row(page: Page, name: string): Locator {
  return bodyRows(page).filter({ has: page.getByRole("link", { name, exact: true }) });
}

const badge = (r: Locator) => r.locator("[data-col=status] [data-status]");

async function rowNames(page: Page): Promise<string[]> {
  return bodyRows(page).locator("td a[href^='/@']").allTextContents();
}

/** Every row's status, selection and batch note, read in one go. */
async function rowStates(
  page: Page,
): Promise<Record<string, { status: string | null; checked: boolean; batch: string | null }>> {
  const rows = await bodyRows(page).evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector("td a[href^='/@']")?.textContent ?? "",
      status: tr.querySelector("[data-col=status] [data-status]")?.getAttribute("data-status") ?? null,
      checked: tr.querySelector<HTMLInputElement>("input[type=checkbox]")?.checked ?? false,
      batch: tr.querySelector("[data-batch-state]")?.getAttribute("data-batch-state") ?? null,
    })),
  );
  return Object.fromEntries(rows.map(({ name, ...rest }) => [name, rest]));
}

async function openList(page: Page, query = ""): Promise<void> {
  await page.goto(`/workspaces${query}`);
  await expect(bodyRows(page).first()).toBeVisible();
}

test.describe("workspace list", () => {
  test("status:running shows only running rows, the URL holds it, and back restores the filter", async ({ page }) => {
    await signIn(page, "alice");
    await openList(page);
    const search = page.getByRole("searchbox", { name: "Search workspaces" });
    await expect(search).toHaveValue("owner:me");

    await search.fill("status:running");
    await expect(page).toHaveURL(/[?&]filter=status%3Arunning(&|$)/);
    await expect
      .poll(
        async () =>
          new Set(
            await bodyRows(page)
              .locator("[data-col=status] [data-status]")
              .evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))),
          ),
      )
      .toEqual(new Set(["running"]));
    expect(await bodyRows(page).count()).toBeGreaterThan(0);

    await page.goBack();
    await expect(search).toHaveValue("owner:me");
    await expect(bodyRows(page).locator("[data-col=status] [data-status='stopped']").first()).toBeVisible();
  });

  test("a bad query shows the server's validation inline and keeps the old rows", async ({ page }) => {
    await signIn(page, "alice");
    await openList(page);
    const before = await rowNames(page);
    const search = page.getByRole("searchbox", { name: "Search workspaces" });
    await search.fill("owner:me status:bogus");
    await search.press("Enter");
    const alert = page.getByRole("alert").filter({ hasText: "status:bogus" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("invalid value");
    await expect(search).toHaveAttribute("aria-invalid", "true");
    expect(await rowNames(page)).toEqual(before);
  });

  test("starting a stopped workspace from its row goes Starting → Running without a reload", async ({ page }) => {
    await signIn(page, "alice");
    const ws = await createWorkspace(page, uniqueName("e2e-start"));
    await waitForStatus(page, ws.id, "running");
    await ensureStatus(page, ws, "stopped");

    const watches: WebSocket[] = [];
    page.on("websocket", (socket) => {
      if (socket.url().includes(`/workspaces/${ws.id}/watch`)) watches.push(socket);
    });
    await openList(page, `?filter=${encodeURIComponent(`name:${ws.name}`)}`);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const r = row(page, ws.name);
    await expect(badge(r)).toHaveAttribute("data-status", "stopped");
    expect(watches, "a settled row is not watched").toHaveLength(0);

    await r.getByRole("button", { name: `Start ${ws.name}` }).click();
    // One assertion for attribute and text: "starting" lasts about a second at the test speed, so
    // two separate polls could see it and then miss it.
    await expect(r.locator('[data-col=status] [data-status="starting"]')).toHaveText("Starting", { timeout: 10_000 });
    expect(watches.length, "a transitioning row is watched").toBeGreaterThan(0);
    await expect(badge(r)).toHaveAttribute("data-status", "running", { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await expect
      .poll(() => watches.every((w) => w.isClosed()), { message: "the stream closes once the row settles" })
      .toBe(true);
    await removeWorkspace(page, ws.id);
  });

  test("batch stop: one 409 is reported on its row, the others stop, nothing else changes", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "admin");
    const targets = await Promise.all([
      getWorkspace(page, "bob", "sandbox"),
      getWorkspace(page, "carol", "frontend"),
      getWorkspace(page, "dave", "data-pipeline"),
    ]);
    await Promise.all(targets.map((ws) => ensureStatus(page, ws, "running")));
    const [ok1, ok2, busy] = targets;

    // The table must not learn about the build started behind its back before the click (a poll
    // landing in between would rightly mark the row busy and skip it): list reads answer what
    // they answered before, until the batch has been started.
    const lists = await freezableListReads(page);
    // Sorted by name, so a workspace that stops keeps its place: in the server's order running
    // workspaces come first, and one that stops can move to the next page mid-test.
    await openList(page, "?filter=&sort=name:asc");
    const selected = new Set(targets.map((t) => t.name));
    const others = async () =>
      Object.fromEntries(Object.entries(await rowStates(page)).filter(([name]) => !selected.has(name)));
    const othersBefore = await others();
    expect(Object.keys(othersBefore).length).toBeGreaterThan(5);

    for (const ws of targets) await row(page, ws.name).getByRole("checkbox").click();
    const bar = page.getByRole("toolbar", { name: "Batch actions" });
    await expect(bar).toContainText("3 selected");

    // Make one build active behind the table's back: its stop must then be refused with a 409.
    lists.freeze();
    await apiJson(page, "POST", `/workspaces/${busy.id}/builds`, { transition: "stop" });
    await bar.getByRole("button", { name: /^Stop/ }).click();
    lists.thaw();

    await expect(row(page, busy.name).locator("[data-batch-state]")).toHaveAttribute("data-batch-state", "failed");
    await expect(row(page, busy.name).locator("[data-batch-state]")).toContainText("409");
    await expect(row(page, busy.name).locator("[data-batch-state]")).toContainText("already active");
    for (const ws of [ok1, ok2]) {
      await expect(row(page, ws.name).locator("[data-batch-state]")).toHaveAttribute("data-batch-state", "succeeded");
      await expect(badge(row(page, ws.name))).toHaveAttribute("data-status", /stopping|stopped/);
    }
    await expect(bar).toContainText("3 selected");
    for (const ws of targets) await expect(row(page, ws.name).getByRole("checkbox")).toBeChecked();

    expect(await others()).toEqual(othersBefore);
    await Promise.all([ok1, ok2, busy].map((ws) => waitForStatus(page, ws.id, "stopped")));
  });

  test("batch stop in the server's order: rows that move to page 2 stay selected and their results stay in view", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, "admin");
    // A page and two rows of running workspaces of our own, alone under a name filter: page 1 is
    // -00 to -24. Once -00 to -02 stop, the server lists the 24 still running first, so -01 and
    // -02 move to page 2.
    const prefix = uniqueName("mv");
    const created = await Promise.all(
      Array.from({ length: 27 }, (_, i) => createWorkspace(page, `${prefix}-${String(i).padStart(2, "0")}`)),
    );
    const running = async () =>
      (
        await apiJson<WorkspacesResponse>(
          page,
          "GET",
          `/workspaces?q=${encodeURIComponent(`name:${prefix} status:running`)}&limit=1`,
        )
      ).count;
    await expect.poll(running, { timeout: 90_000 }).toBe(created.length);
    const [ok1, ok2, busy] = created;

    // As in the test above, the table must not see the build started behind its back before the
    // click; reads thaw at the batch's first request, so the batch's own refetch gets fresh rows.
    const lists = await freezableListReads(page);
    await page.route(/\/api\/v2\/workspaces\/[^/?]+\/builds$/, (route) => {
      if (route.request().method() === "POST") lists.thaw();
      return route.continue();
    });
    await openList(page, `?filter=${encodeURIComponent(`name:${prefix}`)}`);
    await expect(bodyRows(page)).toHaveCount(25);
    for (const ws of [ok1, ok2, busy]) await row(page, ws.name).getByRole("checkbox").click();
    const bar = page.getByRole("toolbar", { name: "Batch actions" });
    await expect(bar).toContainText("3 selected");

    const results = page.getByRole("region", { name: "Batch results" });
    // Held, the provisioners take no job: the build started behind the table's back is surely
    // still active when the batch asks (a 409), however fast the server would have finished it.
    await holdBuilds(page, true);
    try {
      lists.freeze();
      await apiJson(page, "POST", `/workspaces/${busy.id}/builds`, { transition: "stop" });
      await bar.getByRole("button", { name: /^Stop/ }).click();

      // The batch's refetch reorders the page: -01 and -02 are gone from it, yet still selected.
      await expect.poll(() => rowNames(page), { timeout: 20_000 }).not.toContain(ok2.name);
      expect(await rowNames(page)).not.toContain(busy.name);
      await expect(bar).toContainText("3 selected · 2 not on this page");
      await expect(row(page, ok1.name).getByRole("checkbox")).toBeChecked();

      await expect(results).toContainText("Stop: 2 stopped, 1 failed");
      const moved = results.locator(`[data-result-for="${ok2.name}"]`);
      await expect(moved.locator("[data-batch-state]")).toHaveAttribute("data-batch-state", "succeeded");
      await expect(moved).toContainText("not on this page");
      const failed = results.locator(`[data-result-for="${busy.name}"]`);
      await expect(failed.locator("[data-batch-state]")).toHaveAttribute("data-batch-state", "failed");
      await expect(failed).toContainText("409");
      await expect(failed).toContainText("already active");
      await expect(results.locator(`[data-result-for="${ok1.name}"]`)).toHaveCount(0);
      expect(await axeBothThemes(page)).toEqual([]);
    } finally {
      await holdBuilds(page, false);
    }
    // The moved rows are counted by their status now, not as they left (busy's last copy on this
    // page said running): all three stopped, so Start applies to all and Stop to none.
    await expect(bar.getByRole("button", { name: /^Start/ })).toBeEnabled({ timeout: 20_000 });
    await expect(bar.getByRole("button", { name: /^Start/ })).toHaveText("Start");
    await expect(bar.getByRole("button", { name: /^Stop/ })).toBeDisabled();

    // Going to page 2 is the user's choice: the selection becomes what it shows, the two moved rows.
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(row(page, ok2.name).getByRole("checkbox")).toBeChecked();
    await expect(row(page, busy.name).locator("[data-batch-state]")).toHaveAttribute("data-batch-state", "failed");
    await expect(bar).toContainText("2 selected");
    await expect(bar).not.toContainText("not on this page");
    await expect(results.locator(`[data-result-for="${ok1.name}"]`)).toContainText("not on this page");

    await results.getByRole("button", { name: "Clear results" }).click();
    await expect(results).toHaveCount(0);
    await Promise.all(created.map((ws) => removeWorkspace(page, ws.id)));
  });

  test("shift-click selects a range", async ({ page }) => {
    await signIn(page, "alice");
    await openList(page);
    const boxes = bodyRows(page).getByRole("checkbox");
    await boxes.nth(0).click();
    await boxes.nth(3).click({ modifiers: ["Shift"] });
    for (let i = 0; i <= 3; i++) await expect(boxes.nth(i)).toBeChecked();
    await expect(boxes.nth(4)).not.toBeChecked();
    await expect(page.getByRole("toolbar", { name: "Batch actions" })).toContainText("4 selected");
  });

  test("sorting by last used orders rows (favourites first) and lives in the URL", async ({ page }) => {
    await signIn(page, "alice");
    await openList(page);
    await table(page)
      .getByRole("columnheader", { name: /Last used/ })
      .getByRole("button")
      .click();
    await expect(page).toHaveURL(/sort=last_used%3Adesc|sort=last_used:desc/);
    await expect(table(page).getByRole("columnheader", { name: /Last used/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    // Sorting spans every match, so the rows settle once all pages are in (and live updates may
    // move a row meanwhile): wait for the order, then check it.
    const order = async () => {
      const rows = await bodyRows(page).evaluateAll((trs) =>
        trs.map((tr) => ({
          favorite: tr.querySelector("button[aria-pressed]")?.getAttribute("aria-pressed") === "true",
          lastUsed: Date.parse(tr.querySelector("[data-last-used]")?.getAttribute("data-last-used") ?? ""),
        })),
      );
      const firstNonFavourite = rows.findIndex((r) => !r.favorite);
      const times = rows.slice(firstNonFavourite).map((r) => r.lastUsed);
      return {
        favouritesFirst: rows.slice(firstNonFavourite).every((r) => !r.favorite),
        newestFirst: times.every((t, i) => i === 0 || times[i - 1] >= t),
      };
    };
    await expect.poll(order).toEqual({ favouritesFirst: true, newestFirst: true });

    await table(page)
      .getByRole("columnheader", { name: /Last used/ })
      .getByRole("button")
      .click();
    await expect(page).toHaveURL(/sort=last_used%3Aasc|sort=last_used:asc/);
  });

  test("favourites sort first, optimistically", async ({ page }) => {
    await signIn(page, "alice");
    const target = await createWorkspace(page, uniqueName("aaa-fav"));
    await openList(page, "?sort=name:asc");
    const names = await rowNames(page);
    expect(names.indexOf(target.name)).toBeGreaterThan(0);

    await row(page, target.name)
      .getByRole("button", { name: `Add ${target.name} to favourites` })
      .click();
    await expect(
      row(page, target.name).getByRole("button", { name: `Remove ${target.name} from favourites` }),
    ).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => {
        const rows = await bodyRows(page).evaluateAll((trs) =>
          trs.map((tr) => tr.querySelector("button[aria-pressed]")?.getAttribute("aria-pressed") === "true"),
        );
        const lastFavourite = rows.lastIndexOf(true);
        return (
          rows.slice(0, lastFavourite + 1).every(Boolean) &&
          (await rowNames(page)).indexOf(target.name) <= lastFavourite
        );
      })
      .toBe(true);
    const favs = (
      await apiJson<WorkspacesResponse>(page, "GET", `/workspaces?q=${encodeURIComponent(`name:${target.name}`)}`)
    ).workspaces;
    expect(favs[0].favorite).toBe(true);
    await apiJson(page, "DELETE", `/workspaces/${target.id}/favorite`);
    await removeWorkspace(page, target.id);
  });

  test("pagination: 25 per page with the range shown, page in the URL, back restores it", async ({ page }) => {
    await signIn(page, "admin");
    const { count: seeded } = await apiJson<WorkspacesResponse>(page, "GET", "/workspaces?q=&limit=1");
    const extra = await Promise.all(
      Array.from({ length: Math.max(0, 26 - seeded) }, (_, i) => createWorkspace(page, uniqueName(`pager${i}`))),
    );
    const count = seeded + extra.length;
    await openList(page, "?filter=");
    await expect(page.getByText(`Showing 1–25 of ${count}`)).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(25);
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(page.getByText(new RegExp(`Showing 26–\\d+ of ${count}`))).toBeVisible();
    await page.goBack();
    await expect(page.getByText(`Showing 1–25 of ${count}`)).toBeVisible();
    await Promise.all(extra.map((ws) => removeWorkspace(page, ws.id)));
  });

  test("alice never sees bob's workspaces; admin sees everyone's with an owner column", async ({
    page,
    browser,
    server,
  }) => {
    await signIn(page, "alice");
    await openList(page, "?filter=");
    const aliceSees = await rowNames(page);
    for (const name of ["api-server", "ml-box", "sandbox"]) expect(aliceSees).not.toContain(name);
    await page.goto(`/workspaces?filter=${encodeURIComponent("owner:bob")}`);
    await expect(page.getByText("No workspace matches this filter")).toBeVisible();

    await openList(page, "");
    await expect(table(page).getByRole("columnheader", { name: "Owner" })).toHaveCount(0);

    const adminContext = await browser.newContext({ baseURL: server.url });
    const admin = await adminContext.newPage();
    await signIn(admin, "admin");
    await openList(admin, "?filter=");
    await expect(table(admin).getByRole("columnheader", { name: "Owner" })).toBeVisible();
    await admin.getByRole("searchbox", { name: "Search workspaces" }).fill("owner:bob");
    await expect(row(admin, "sandbox")).toBeVisible();
    await expect(row(admin, "sandbox")).toContainText("bob");
    await adminContext.close();
  });

  test("keyboard: / focuses search, j moves between rows, Enter opens", async ({ page }) => {
    await signIn(page, "alice");
    await openList(page);
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: "Search workspaces" });
    await expect(search).toBeFocused();
    await page.keyboard.press("Escape");
    // Escape leaves the box and keeps the query (a search input would clear itself).
    await expect(search).not.toBeFocused();
    await expect(search).toHaveValue("owner:me");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await expect(bodyRows(page).nth(1)).toBeFocused();
    const name = (await bodyRows(page).nth(1).locator("td a[href^='/@']").textContent())!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/@alice/${name}$`));
  });

  test("New workspace: picks a template, validates the name on its create page, creates and opens the workspace", async ({
    page,
  }) => {
    await signIn(page, "alice");
    await openList(page);
    await page.getByRole("button", { name: "New workspace" }).click();
    const dialog = page.getByRole("dialog", { name: "New workspace" });
    await dialog.getByRole("radio", { name: /Docker/ }).check();
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/templates\/docker\/workspace$/);
    const form = page.getByRole("form", { name: "New workspace" });
    const nameBox = form.getByRole("textbox", { name: /^Name/ });
    await nameBox.fill("bad--name");
    await form.getByRole("button", { name: "Create workspace" }).click();
    await expect(form.getByText("Cannot contain two dashes in a row.")).toBeVisible();
    await expect(nameBox).toHaveAttribute("aria-invalid", "true");

    const name = uniqueName("e2e-new");
    await nameBox.fill(name);
    await form.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(new RegExp(`/@alice/${name}$`));
    const created = await getWorkspace(page, "alice", name);
    expect(created.template_name).toBe("docker");
    await removeWorkspace(page, created.id);
  });

  test("axe in light and dark, with a row selected (the batch bar showing): nothing serious or critical", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, "alice");
    await openList(page);
    await bodyRows(page).first().getByRole("checkbox").click();
    expect(await axeBothThemes(page)).toEqual([]);
  });

  test("390 px wide shows cards instead of the table", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, "alice");
    await page.goto("/workspaces");
    await expect(page.getByTestId("workspace-card").first()).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    // The New workspace dialog fits too: long template descriptions are cut, not pushed outside.
    await page.getByRole("button", { name: "New workspace" }).click();
    const dialog = page.getByRole("dialog", { name: "New workspace" });
    await expect(dialog.getByRole("radio").first()).toBeVisible();
    const dialogRight = (await dialog.boundingBox())!.x + (await dialog.boundingBox())!.width;
    for (const option of await dialog
      .locator("label")
      .filter({ has: page.getByRole("radio") })
      .all()) {
      const box = (await option.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(dialogRight);
    }
  });
});
