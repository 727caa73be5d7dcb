import type { Page } from "@playwright/test";
import type { Template, Workspace } from "../src/api/types";
import { expect, signIn, test } from "./fixtures";
import { apiJson, buildParameters, getWorkspace, removeWorkspace, settled } from "./support/api";
import { axeBothThemes } from "./support/axe";

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function createDocker(page: Page, name: string): Promise<Workspace> {
  const templates = await apiJson<Array<{ id: string; name: string }>>(page, "GET", "/templates");
  const docker = templates.find((t) => t.name === "docker")!;
  return apiJson<Workspace>(page, "POST", "/users/me/workspaces", { template_id: docker.id, name });
}

/** The template as a deployment with schedule rules would answer it (the built-in templates have none). */
async function withTemplateRules(page: Page, templateId: string, rules: Partial<Template>): Promise<void> {
  await page.route(`**/api/v2/templates/${templateId}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...((await response.json()) as Template), ...rules } });
  });
}

/** Saves the page's only settings form and waits for its "Saved". */
async function saveAndWait(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
}

/** Methods of the requests sent to a path, as they happen. */
function watchRequests(page: Page, path: string): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith(path)) seen.push(r.method());
  });
  return seen;
}

test.describe("workspace settings", () => {
  test("sets autostart to weekdays 09:30", async ({ page }) => {
    await signIn(page, "alice");
    const ws = await createDocker(page, uniqueName("e2e-sched"));
    await page.goto(`/@alice/${ws.name}/settings/schedule`);
    await page.getByRole("checkbox", { name: "Start automatically" }).check();
    await page.getByRole("button", { name: "Weekdays" }).click();
    await page.getByLabel("Start time").fill("09:30");
    await page.getByLabel("Timezone").selectOption("UTC");
    await expect(page.getByTestId("autostart-preview")).toHaveText("Starts weekdays at 09:30 (UTC).");
    await saveAndWait(page);
    expect((await getWorkspace(page, "alice", ws.name)).autostart_schedule).toBe("CRON_TZ=UTC 30 9 * * 1-5");
    // Reopened, the form shows what was saved.
    await page.reload();
    await expect(page.getByLabel("Start time")).toHaveValue("09:30");
    await expect(page.getByRole("checkbox", { name: "Saturday" })).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Friday" })).toBeChecked();
    await removeWorkspace(page, ws.id);
  });

  test("keeps to the template's rules: forbidden days, no autostop, its required stop named", async ({ page }) => {
    await signIn(page, "alice");
    const ws = await createDocker(page, uniqueName("e2e-rules"));
    await withTemplateRules(page, ws.template_id, {
      autostart_requirement: { days_of_week: ["monday", "tuesday", "wednesday", "thursday", "friday"] },
      allow_user_autostop: false,
      autostop_requirement: { days_of_week: ["sunday"], weeks: 2 },
    });
    const ttlCalls = watchRequests(page, `/workspaces/${ws.id}/ttl`);
    await page.goto(`/@alice/${ws.name}/settings/schedule`);
    await expect(page.getByTestId("autostop-requirement")).toHaveText(
      "The template also stops workspaces on Sunday, every 2 weeks, during your quiet hours.",
    );
    await expect(page.getByText("The template does not let users set autostop.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Stop automatically" })).toBeDisabled();
    await page.getByRole("checkbox", { name: "Start automatically" }).check();
    await expect(page.getByRole("checkbox", { name: "Saturday" })).toBeDisabled();
    await page.getByRole("button", { name: "Every day" }).click();
    await page.getByLabel("Timezone").selectOption("UTC");
    await expect(page.getByTestId("autostart-preview")).toHaveText("Starts weekdays at 09:00 (UTC).");
    await saveAndWait(page);
    expect((await getWorkspace(page, "alice", ws.name)).autostart_schedule).toBe("CRON_TZ=UTC 0 9 * * 1-5");
    // Coder refuses a ttl change outright on such a template, so none is sent.
    expect(ttlCalls).toEqual([]);
    await removeWorkspace(page, ws.id);
  });

  test("a template without user autostart still lets autostop be saved", async ({ page }) => {
    await signIn(page, "alice");
    const ws = await createDocker(page, uniqueName("e2e-noauto"));
    await withTemplateRules(page, ws.template_id, { allow_user_autostart: false });
    const autostartCalls = watchRequests(page, `/workspaces/${ws.id}/autostart`);
    await page.goto(`/@alice/${ws.name}/settings/schedule`);
    await expect(page.getByText("The template does not let users set autostart.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "Start automatically" })).toBeDisabled();
    await page.getByRole("checkbox", { name: "Stop automatically" }).check();
    await page.getByLabel("Hours until shutdown").fill("3");
    await expect(page.getByLabel("Hours until shutdown")).toHaveAccessibleDescription(
      "Stops 3 hours after each start. Activity pushes it back by 1 hour.",
    );
    await saveAndWait(page);
    expect((await getWorkspace(page, "alice", ws.name)).ttl_ms).toBe(3 * 3_600_000);
    expect(autostartCalls).toEqual([]);
    await removeWorkspace(page, ws.id);
  });

  test("rename lands on the new URL with no not-found in between", async ({ page }) => {
    await signIn(page, "alice");
    const ws = await createDocker(page, uniqueName("e2e-old"));
    await page.goto(`/@alice/${ws.name}/settings`);
    const newName = uniqueName("e2e-new");
    let sawNotFound = false;
    page.on("response", (r) => {
      if (r.url().includes(`/workspace/${ws.name}`) && r.status() === 404) sawNotFound = true;
    });
    // A name alice already uses: Coder's 409 is put beside the field.
    await page.getByRole("textbox", { name: "Workspace name" }).fill("dev");
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByText("This value is already in use and should be unique.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Workspace name" })).toHaveAttribute("aria-invalid", "true");

    await page.getByRole("textbox", { name: "Workspace name" }).fill(newName);
    await expect(page.getByRole("textbox", { name: "Workspace name" })).toHaveAccessibleDescription(
      /Depending on the template, renaming may recreate resources/,
    );
    await page.getByRole("button", { name: "Rename" }).click();
    await expect(page).toHaveURL(new RegExp(`/@alice/${newName}/settings$`));
    await expect(page.getByRole("link", { name: `alice/${newName}` })).toBeVisible();
    await expect(page.getByText("Workspace not found")).toHaveCount(0);
    expect(sawNotFound).toBe(false);
    await removeWorkspace(page, ws.id);
  });

  test("automatic updates: saved, or shown as forced when the template requires its active version", async ({
    page,
  }) => {
    await signIn(page, "alice");
    const ws = await createDocker(page, uniqueName("e2e-updates"));
    await page.goto(`/@alice/${ws.name}/settings`);
    const updates = page.getByRole("form", { name: "Automatic updates" });
    await updates.getByRole("checkbox", { name: "Update automatically on start" }).check();
    await updates.getByRole("button", { name: "Save" }).click();
    await expect(updates.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
    expect((await getWorkspace(page, "alice", ws.name)).automatic_updates).toBe("always");

    await apiJson(page, "PUT", `/workspaces/${ws.id}/autoupdates`, { automatic_updates: "never" });
    await page.route(`**/api/v2/users/alice/workspace/${ws.name}*`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        json: { ...((await response.json()) as Workspace), template_require_active_version: true },
      });
    });
    await page.reload();
    await expect(updates).toContainText("The template requires its active version");
    await expect(updates.getByRole("checkbox", { name: "Update automatically on start" })).toBeChecked();
    await expect(updates.getByRole("checkbox", { name: "Update automatically on start" })).toBeDisabled();
    await expect(updates.getByRole("button", { name: "Save" })).toBeDisabled();
    await removeWorkspace(page, ws.id);
  });

  test("parameters: a monotonic value may not shrink; a change rebuilds with it", async ({ page }) => {
    await signIn(page, "alice");
    const templates = await apiJson<Array<{ id: string; name: string }>>(page, "GET", "/templates");
    const ws = await apiJson<Workspace>(page, "POST", "/users/me/workspaces", {
      template_id: templates.find((t) => t.name === "devbox")!.id,
      name: uniqueName("e2e-params"),
      rich_parameter_values: [
        { name: "repo_url", value: "https://github.com/coder/coder.git" },
        { name: "region", value: "eu-west" },
      ],
    });
    await settled(page, ws.id);
    await page.goto(`/@alice/${ws.name}/settings/parameters`);
    const disk = page.locator('[data-testid=parameter][data-parameter="disk_gb"]');
    await disk.getByRole("spinbutton").fill("20");
    await page.getByRole("button", { name: "Save and rebuild" }).click();
    await expect(disk.getByTestId("parameter-problem")).toHaveText("Can only grow (now 30).");
    await expect(page.locator('[data-parameter="region"]').getByRole("radio", { name: /US East/ })).toBeDisabled();

    await disk.getByRole("spinbutton").fill("40");
    await page.getByRole("button", { name: "Save and rebuild" }).click();
    await expect(page).toHaveURL(new RegExp(`/@alice/${ws.name}$`));
    const rebuilt = await settled(page, ws.id);
    expect(rebuilt.latest_build.build_number).toBe(2);
    const values = await buildParameters(page, rebuilt.latest_build.id);
    expect(values).toContainEqual({ name: "disk_gb", value: "40" });
    await removeWorkspace(page, ws.id);
  });

  test("a member is refused another's settings", async ({ page }) => {
    await signIn(page, "bob");
    await page.goto("/@alice/dev/settings");
    await expect(page.getByRole("heading", { name: "Workspace not found" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Workspace name" })).toHaveCount(0);
  });

  test("axe on every settings section in both themes; 390 px", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "alice");
    for (const section of ["", "/schedule", "/parameters"]) {
      await page.goto(`/@alice/dev/settings${section}`);
      await expect(page.getByRole("heading", { name: "Workspace settings" })).toBeVisible();
      await expect(page.getByRole("button", { name: /Save|Rename/ }).first()).toBeVisible();
      expect(await axeBothThemes(page), section || "general").toEqual([]);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/@alice/dev/settings/schedule");
    await expect(page.getByRole("heading", { name: "Workspace settings" })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("connect", () => {
  test("copies the SSH command and opens VS Code Desktop with a freshly minted key", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // Record app links handed to the OS instead of leaving the page.
    await page.addInitScript(() => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (this.protocol === "vscode:") (window as unknown as { __opened: string[] }).__opened = [this.href];
        else click.call(this);
      };
    });
    await signIn(page, "alice");
    const keyRequests = watchRequests(page, "/users/me/keys");
    await page.goto("/@alice/dev");
    const connect = page.getByTestId("connect").first();
    await expect(connect.getByTestId("ssh-command")).toHaveText("ssh main.dev.alice.coder");
    await connect.getByRole("button", { name: "Copy SSH command" }).click();
    await expect(connect.getByRole("button", { name: "Copy SSH command" })).toHaveText(/Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("ssh main.dev.alice.coder");

    // No key exists before the click asks for one.
    expect(keyRequests).toEqual([]);
    const minted = page.waitForResponse((r) => r.url().endsWith("/api/v2/users/me/keys") && r.status() === 201);
    await connect.getByRole("button", { name: "VS Code Desktop" }).click();
    const key = ((await (await minted).json()) as { key: string }).key;
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __opened?: string[] }).__opened?.[0]))
      .toBeTruthy();
    const href = (await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened[0]))!;
    const url = new URL(href);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe("vscode://coder.coder-remote/open");
    expect(url.searchParams.get("owner")).toBe("alice");
    expect(url.searchParams.get("workspace")).toBe("dev");
    expect(url.searchParams.get("agent")).toBe("main");
    expect(url.searchParams.get("folder")).toBe("/home/coder");
    expect(url.searchParams.get("openRecent")).toBe("true");
    expect(url.searchParams.get("token")).toBe(key);
    expect(url.searchParams.get("url")).toBe(new URL(page.url()).origin);
    // The minted key is a working session key.
    const me = await page.request.get("/api/v2/users/me", { headers: { "Coder-Session-Token": key } });
    expect(me.status()).toBe(200);
  });

  test("the quota failure card shows the owner's quota figures, on the workspace and the build page", async ({
    page,
  }) => {
    await signIn(page, "alice");
    const ws = await getWorkspace(page, "alice", "quota-fail");
    const quota = await apiJson<{ credits_consumed: number; budget: number }>(
      page,
      "GET",
      `/organizations/${ws.organization_id}/members/me/workspace-quota`,
    );
    const figures = `use ${quota.credits_consumed} of ${quota.budget} quota credits a day`;
    await page.goto("/@alice/quota-fail");
    await expect(page.getByTestId("build-failure").getByTestId("quota-usage")).toContainText(figures);
    await page.goto(`/@alice/quota-fail/builds/${ws.latest_build.build_number}`);
    await expect(page.getByTestId("build-failure").getByTestId("quota-usage")).toContainText(figures);
  });
});
