// Accessibility (docs/conventions.md, issue 11): axe-core on every route in light and dark (support/axe.ts),
// 0 serious or critical violations; the stored theme applies before first paint; and the
// workspace page works from the keyboard alone, a visible focus ring on every stop, Enter starts it.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { axeBothThemes } from "../support/axe";
import { Api, ownServer, signInAt } from "../support/reliability";
import { appRoutes, navigate, ROUTES, waitForRoute } from "../support/routes";

// Routes per test: small enough that the tests spread over the workers, which they may (each test
// has a context and page of its own, and changes nothing on the shared server).
const CHUNK = 5;
test.describe.configure({ mode: "parallel" });

for (const user of [null, "alice", "admin"] as const) {
  const chunks = Math.ceil(ROUTES.filter((r) => r.user === user).length / CHUNK);
  for (let chunk = 0; chunk < chunks; chunk++) {
    test(`axe, light and dark, ${user ?? "signed out"} (${chunk + 1}/${chunks}): no serious or critical violation`, async ({
      browser,
      server,
    }) => {
      // Two themes of axe on up to five heavy pages: minutes on a loaded 2-core machine.
      test.setTimeout(300_000);
      const routes = (await appRoutes(server.url))
        .filter((r) => r.user === user)
        .slice(chunk * CHUNK, (chunk + 1) * CHUNK);
      // axe needs a page of a context made with newContext().
      const context = await browser.newContext();
      const page = await context.newPage();
      if (user) await signInAt(page, server.url, user);
      await page.goto(`${server.url}${routes[0].path}`);
      const found: string[] = [];
      for (const route of routes) {
        await navigate(page, route.path);
        await test.step(route.name, () => waitForRoute(page));
        // Disclosed content counts too (e.g. the charts' data tables on /builds).
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        for (const v of await test.step(`${route.name}: axe`, () => axeBothThemes(page)))
          found.push(`${route.name}, ${v}`);
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
}

test("a stored theme applies before the first paint", async ({ browser, server }) => {
  for (const theme of ["dark", "light"] as const) {
    const context = await browser.newContext({ colorScheme: theme === "dark" ? "light" : "dark" });
    await context.addInitScript((t) => localStorage.setItem("theme", t), theme);
    const page = await context.newPage();
    // The boot script runs before the app: the first frame already has the stored theme.
    await page.addInitScript(() => {
      requestAnimationFrame(
        () =>
          ((window as unknown as { firstFrameDark: boolean }).firstFrameDark =
            document.documentElement.classList.contains("dark")),
      );
    });
    await page.goto(`${server.url}/login`);
    await expect(page.locator("h1").first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { firstFrameDark: boolean }).firstFrameDark)).toBe(
      theme === "dark",
    );
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3 < 128, `body background ${background}`).toBe(theme === "dark");
    await context.close();
  }
});

/** The focused element and whether its focus indicator is visible (outline or ring). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== "none" && s.boxShadow !== "";
    return {
      label: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40),
      tag: el.tagName,
      ring: outline || ring,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
    };
  });
}

test("keyboard: tab through the workspace page to Start, each stop with a visible focus ring, Enter starts it", async ({
  browser,
}, testInfo) => {
  test.setTimeout(60_000);
  const own = await ownServer(testInfo, []);
  try {
    const page = await browser.newPage();
    await signInAt(page, own.url, "alice");
    await page.goto(`${own.url}/@alice/stopped-ws`);
    await expect(page.getByTestId("workspace-status")).toHaveAttribute("data-workspace-status", "stopped");
    const start = page.getByRole("button", { name: "Start", exact: true });
    await expect(start).toBeEnabled();
    // Everything above Start (top bar menus included) is on screen before the first Tab.
    await waitForRoute(page);
    await page.waitForTimeout(500);

    const stops: Array<{ label: string; tag: string; ring: boolean; outline: string }> = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) continue;
      stops.push(f);
      if (await start.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(start, `reached by Tab: ${stops.map((s) => s.label).join(" | ")}`).toBeFocused();
    expect(
      stops.filter((s) => !s.ring),
      "stops without a visible focus indicator",
    ).toEqual([]);
    // Every control before Start, in DOM order, was a tab stop (nothing skipped, nothing unreachable).
    // Compared by accessible label, not by element: a menu trigger is swapped for Radix's once its
    // code has loaded (on first focus), and the new element is the same control.
    const visited = stops.map((s) => `${s.tag} ${s.label}`);
    const skipped = await page.evaluate((visited) => {
      const start = document.activeElement!;
      const controls = [
        ...document.querySelectorAll<HTMLElement>(
          "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])",
        ),
      ];
      return controls
        .filter(
          (el) =>
            el.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING &&
            el.getClientRects().length > 0 &&
            !el.closest("[inert], [aria-hidden=true]"),
        )
        .filter(
          (el) =>
            !visited.includes(
              `${el.tagName} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}`,
            ),
        )
        .map((el) => el.outerHTML.slice(0, 100));
    }, visited);
    expect(
      skipped,
      `controls before Start never focused; stops: ${stops.map((s) => `${s.tag} ${s.label}`).join(" | ")}`,
    ).toEqual([]);

    await page.keyboard.press("Enter");
    await expect(page.getByTestId("workspace-status")).toHaveAttribute(
      "data-workspace-status",
      /^(pending|starting|running)$/,
    );
    const api = await Api.login(own.url, "alice");
    const ws = await api.workspace("alice", "stopped-ws");
    expect(ws.latest_build.transition).toBe("start");
    await expect(page.getByTestId("workspace-status")).toHaveAttribute("data-workspace-status", "running", {
      timeout: 20_000,
    });
    await page.close();
  } finally {
    await own.stop();
  }
});
