import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { apiJson, buildParameters, getWorkspace, removeWorkspace } from "./support/api";
import { axeBothThemes } from "./support/axe";

const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const form = (page: Page) => page.getByRole("form", { name: "New workspace" });
const field = (page: Page, name: string) => page.locator(`[data-testid=parameter][data-parameter="${name}"]`);

test.describe("create page", () => {
  test("creates from the parameter-rich template filling only required values; a bad value is refused beside its field", async ({
    page,
  }) => {
    await signIn(page, "alice");
    await page.goto("/templates/devbox/workspace");
    await expect(page.getByRole("heading", { name: "New workspace" })).toBeVisible();
    const name = uniqueName("e2e-devbox");
    await form(page).getByRole("textbox", { name: /^Name/ }).fill(name);

    // Required values left empty, and a regex refusal with the template's own text.
    await field(page, "repo_url").getByRole("textbox").fill("git@github.com:coder/coder.git");
    await form(page).getByRole("button", { name: "Create workspace" }).click();
    await expect(field(page, "repo_url").getByTestId("parameter-problem")).toHaveText(
      /Use an https:\/\/ clone URL ending in \.git/,
    );
    await expect(field(page, "region").getByTestId("parameter-problem")).toHaveText("A value is required.");
    await expect(field(page, "repo_url").getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/templates\/devbox\/workspace$/);

    await field(page, "repo_url").getByRole("textbox").fill("https://github.com/coder/coder.git");
    await field(page, "region")
      .getByRole("radio", { name: /Europe/ })
      .check();
    await form(page).getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(new RegExp(`/@alice/${name}$`));
    // The workspace page opens on its first build, and shows the values it runs with (defaults included).
    await expect(page.getByTestId("parameter-values")).toContainText("eu-west");
    await expect(page.getByTestId("parameter-values")).toContainText("CPU cores");
    // Followed live: the first build reaches Running on this page, with no reload.
    await expect(page.getByTestId("workspace-status")).toHaveAttribute("data-workspace-status", "running", {
      timeout: 30_000,
    });
    const created = await getWorkspace(page, "alice", name);
    expect(created.template_name).toBe("devbox");
    expect(created.latest_build.build_number).toBe(1);
    await removeWorkspace(page, created.id);
  });

  test("a 400 from the server is put beside the field it names", async ({ page }) => {
    await signIn(page, "alice");
    // Coder can refuse values the page cannot check itself (dynamic parameters): answer as Coder does.
    await page.route("**/api/v2/users/me/workspaces", (route) =>
      route.fulfill({
        status: 400,
        contentType: "application/json",
        body: JSON.stringify({
          message: "Unable to validate parameters",
          validations: [{ field: "cpu_cores", detail: "Invalid parameter value; only 4 cores are free in eu-west" }],
        }),
      }),
    );
    await page.goto(
      "/templates/devbox/workspace?name=refused&param.repo_url=https%3A%2F%2Fgithub.com%2Fcoder%2Fcoder.git&param.region=eu-west",
    );
    await form(page).getByRole("button", { name: "Create workspace" }).click();
    await expect(field(page, "cpu_cores").getByTestId("parameter-problem")).toHaveText(
      "Invalid parameter value; only 4 cores are free in eu-west",
    );
    await expect(page).toHaveURL(/\/templates\/devbox\/workspace/);
  });

  test("?param. prefill fills the form; ?mode=auto asks for consent, then creates", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/templates/devbox/workspace?param.region=us-east&param.cpu_cores=8&param.nope=1");
    await expect(field(page, "region").getByRole("radio", { name: /US East/ })).toBeChecked();
    await expect(field(page, "cpu_cores").getByRole("spinbutton")).toHaveValue("8");
    await expect(page.getByText(/does not have: nope/)).toBeVisible();

    // Something required missing: mode=auto falls back to the form.
    await page.goto("/templates/devbox/workspace?mode=auto&param.region=us-east");
    await expect(page.getByText(/asked to create the workspace at once/)).toBeVisible();
    await expect(page.getByRole("alertdialog").or(page.getByRole("dialog"))).toHaveCount(0);

    const name = uniqueName("e2e-auto");
    await page.goto(
      `/templates/devbox/workspace?mode=auto&name=${name}&param.repo_url=${encodeURIComponent("https://github.com/coder/coder.git")}&param.region=ap-south`,
    );
    const consent = page.getByRole("dialog", { name: "Create this workspace automatically?" });
    await expect(consent).toContainText("region: ap-south");
    // Only what the link set is listed, as Coder's dialog does; defaults are not the link's doing.
    await expect(consent).not.toContainText("cpu_cores");
    await consent.getByRole("button", { name: "Confirm and create" }).click();
    await expect(page).toHaveURL(new RegExp(`/@alice/${name}$`));
    const created = await getWorkspace(page, "alice", name);
    const values = await buildParameters(page, created.latest_build.id);
    expect(values).toContainEqual({ name: "region", value: "ap-south" });
    await removeWorkspace(page, created.id);
  });

  test("a preset fills its values; quota is shown before creating", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/templates/devbox/workspace");
    await form(page).getByRole("combobox", { name: "Preset" }).selectOption({ label: "Large (US East)" });
    await expect(field(page, "cpu_cores").getByRole("spinbutton")).toHaveValue("12");
    await expect(field(page, "features").getByRole("checkbox", { name: "docker-in-docker" })).toBeChecked();
    const template = (await apiJson<Array<{ name: string; organization_id: string }>>(page, "GET", "/templates")).find(
      (t) => t.name === "devbox",
    )!;
    const quota = await apiJson<{ credits_consumed: number; budget: number }>(
      page,
      "GET",
      `/organizations/${template.organization_id}/members/me/workspace-quota`,
    );
    await expect(page.getByTestId("quota-usage")).toContainText(
      `use ${quota.credits_consumed} of ${quota.budget} quota credits a day`,
    );
  });

  test("?version=ID opens that version and creates from it", async ({ page }) => {
    await signIn(page, "alice");
    const template = (
      await apiJson<Array<{ id: string; name: string; active_version_id: string }>>(page, "GET", "/templates")
    ).find((t) => t.name === "devbox")!;
    const versions = await apiJson<Array<{ id: string; name: string }>>(
      page,
      "GET",
      `/templates/${template.id}/versions`,
    );
    const older = versions.find((v) => v.id !== template.active_version_id)!;
    const name = uniqueName("e2e-version");
    await page.goto(
      `/templates/devbox/workspace?version=${older.id}&name=${name}&param.repo_url=${encodeURIComponent("https://github.com/coder/coder.git")}&param.region=eu-west`,
    );
    await expect(page.getByText(`version ${older.name} (not the active version)`)).toBeVisible();
    await form(page).getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(new RegExp(`/@alice/${name}$`));
    const created = await getWorkspace(page, "alice", name);
    expect(created.latest_build.template_version_id).toBe(older.id);
    await removeWorkspace(page, created.id);

    await page.goto("/templates/devbox/workspace?version=00000000-0000-0000-0000-000000000000");
    await expect(page.getByRole("heading", { name: "Template version not found" })).toBeVisible();
  });

  test("descriptions render their markdown, and never the HTML in them", async ({ page }) => {
    await signIn(page, "alice");
    await page.route("**/api/v2/templateversions/*/rich-parameters", async (route) => {
      const response = await route.fetch();
      const params = (await response.json()) as Array<{ name: string; description: string }>;
      const hostile =
        '<img src=x onerror="window.__pwned=1"> see [docs](javascript:window.__pwned=1) or [guide](https://coder.com/docs)';
      await route.fulfill({
        response,
        json: params.map((p) => (p.name === "dotfiles" ? { ...p, description: hostile } : p)),
      });
    });
    await page.goto("/templates/devbox/workspace");
    const repo = field(page, "repo_url");
    await expect(repo.locator("code")).toHaveText("~/src");
    await expect(repo.locator("strong")).toHaveText("https");
    const dotfiles = field(page, "dotfiles");
    await expect(dotfiles).toContainText('<img src=x onerror="window.__pwned=1">');
    await expect(dotfiles.locator("img")).toHaveCount(0);
    await expect(dotfiles.getByRole("link")).toHaveCount(1);
    await expect(dotfiles.getByRole("link", { name: "guide" })).toHaveAttribute("href", "https://coder.com/docs");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Marks a developer needs before choosing: what cannot change later, what lasts one build.
    await expect(field(page, "region")).toContainText("Cannot be changed later");
    await expect(field(page, "debug_build")).toContainText("This build only");
    await expect(field(page, "features").getByRole("group", { name: "Features" })).toBeVisible();
  });

  test("axe in both themes, and 390 px without sideways scrolling", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "alice");
    await page.goto("/templates/devbox/workspace");
    await expect(field(page, "repo_url")).toBeVisible();
    await form(page).getByRole("button", { name: "Create workspace" }).click();
    await expect(field(page, "region").getByTestId("parameter-problem")).toBeVisible();
    expect(await axeBothThemes(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test("the workspace list's New workspace leads to the picked template's create page", async ({ page }) => {
  await signIn(page, "alice");
  await page.goto("/workspaces");
  await page.getByRole("button", { name: "New workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "New workspace" });
  await dialog.getByRole("radio", { name: /Dev Box/ }).check();
  await dialog.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/templates\/devbox\/workspace$/);
  await expect(field(page, "repo_url")).toBeVisible();
});
