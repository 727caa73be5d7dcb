// The LogViewer on its test page (e2e/bench/pages/logs/test.html, built into dist-bench/ by
// `npx vite build -c e2e/bench/vite.bench.config.ts`). No Coder server: the page generates lines.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { test as base, expect, type Page } from "@playwright/test";
import { preview } from "vite";
import { xssCorpus } from "../src/server/world/xssCorpus";
import { axeBothThemes } from "./support/axe";

const DIST = "dist-bench/logs/test.html";

const test = base.extend<object, { benchUrl: string }>({
  benchUrl: [
    async ({}, use, workerInfo) => {
      if (!existsSync(DIST))
        throw new Error(`${DIST} is missing: run \`npx vite build -c e2e/bench/vite.bench.config.ts\` first`);
      const port = Number(process.env.LOG_TEST_BASE_PORT ?? 4350) + workerInfo.workerIndex;
      const server = await preview({
        configFile: "e2e/bench/vite.bench.config.ts",
        logLevel: "silent",
        preview: { port, strictPort: true, host: "127.0.0.1", open: false },
      });
      await use(`http://127.0.0.1:${port}/logs/test.html`);
      await new Promise<void>((resolve, reject) => server.httpServer.close((err) => (err ? reject(err) : resolve())));
    },
    { scope: "worker" },
  ],
});

const viewer = (page: Page) => page.getByRole("region", { name: "Build log", exact: true });
const lines = (page: Page) => page.getByRole("region", { name: "Build log lines" });
const row = (page: Page, n: number) => page.locator(`[data-line="${n}"]`);
const plain = (page: Page, n: number) => page.evaluate((line) => window.__logTest!.plain(line), n);
const counter = (page: Page) =>
  viewer(page)
    .getByRole("status")
    .filter({ hasText: /\/|No results|Searching/ });

test("a 100k-line log opens virtualized and #L99999 lands on that line", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?lines=100000#L99999`);
  const target = row(page, 99999);
  await expect(target).toBeInViewport();
  await expect(target).toHaveAttribute("data-selected", "true");
  await expect(target.locator("[data-log-text]")).toHaveText(await plain(page, 99999));
  // Only the rows on screen exist.
  expect(await page.locator("[data-line]").count()).toBeLessThan(150);
  await expect(viewer(page).getByText("Line 99999 selected")).toBeVisible();
});

test("line numbers are permalinks: click, shift-click, reload", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?lines=2000`);
  await row(page, 5).getByRole("link", { name: "Line 5" }).click();
  await expect(page).toHaveURL(/#L5$/);
  await row(page, 9)
    .getByRole("link", { name: "Line 9" })
    .click({ modifiers: ["Shift"] });
  await expect(page).toHaveURL(/#L5-L9$/);
  for (const n of [5, 7, 9]) await expect(row(page, n)).toHaveAttribute("data-selected", "true");
  await expect(row(page, 10)).not.toHaveAttribute("data-selected");
  await expect(viewer(page).getByText("Lines 5–9 selected")).toBeVisible();

  await page.goto(`${benchUrl}?lines=2000#L1500-L1510`);
  await expect(row(page, 1500)).toBeInViewport();
  await expect(row(page, 1510)).toHaveAttribute("data-selected", "true");
});

test("search finds, counts and walks matches; regex errors are explained", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?lines=5000`);
  const expected: number[] = await page.evaluate(() => {
    const out: number[] = [];
    for (let n = 1; n <= window.__logTest!.store.length; n++)
      if (window.__logTest!.plain(n).includes("forces replacement")) out.push(n);
    return out;
  });
  expect(expected.length).toBeGreaterThan(10);

  await page.locator("body").press("/");
  const box = page.getByRole("searchbox", { name: "Search logs" });
  await expect(box).toBeFocused();
  await box.fill("forces replacement");
  await expect(counter(page)).toHaveText(`1 / ${expected.length}`);
  const current = page.locator('[data-match="current"]');
  await expect(current).toHaveText("forces replacement");
  await expect(current.locator("xpath=ancestor::*[@data-line][1]")).toHaveAttribute("data-line", String(expected[0]));

  await box.press("Enter");
  await box.press("Enter");
  await expect(counter(page)).toHaveText(`3 / ${expected.length}`);
  await expect(current.locator("xpath=ancestor::*[@data-line][1]")).toHaveAttribute("data-line", String(expected[2]));
  await box.press("Shift+Enter");
  await expect(counter(page)).toHaveText(`2 / ${expected.length}`);
  // Walking backwards from the first wraps to the last, scrolled into view.
  await box.press("Shift+Enter");
  await box.press("Shift+Enter");
  await expect(counter(page)).toHaveText(`${expected.length} / ${expected.length}`);
  await expect(row(page, expected[expected.length - 1])).toBeInViewport();

  await viewer(page).getByRole("button", { name: "Match case" }).click();
  await box.fill("FORCES replacement");
  await expect(counter(page)).toHaveText("No results");

  await viewer(page).getByRole("button", { name: "Regular expression" }).click();
  await box.fill("forces (replacement");
  await expect(viewer(page).getByRole("alert")).toContainText("Invalid regular expression");
  // A new query starts from the first match at or below the top of the view.
  await box.fill("forces\\s+repl");
  await expect(counter(page)).toHaveText(new RegExp(`^\\d+ / ${expected.length}$`));
});

test("follow mode sticks to new lines, pauses on scroll up, jumps back", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?lines=200&live=1`);
  await expect(row(page, 200)).toBeInViewport();
  await page.evaluate(() => window.__logTest!.append(500));
  await expect(row(page, 700)).toBeInViewport();

  await lines(page).hover();
  await page.mouse.wheel(0, -800);
  const jump = viewer(page).getByRole("button", { name: /Jump to latest/ });
  await expect(jump).toBeVisible();
  await page.evaluate(() => window.__logTest!.append(300));
  await expect(jump).toHaveText("Jump to latest (300 new)");
  await expect(row(page, 1000)).toHaveCount(0);

  await jump.click();
  await expect(row(page, 1000)).toBeInViewport();
  await expect(jump).toBeHidden();
  await page.evaluate(() => window.__logTest!.append(50));
  await expect(row(page, 1050)).toBeInViewport();
});

test("the XSS corpus in log lines stays text: nothing runs, no element but spans and links", async ({
  page,
  benchUrl,
}) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    const record =
      (name: string) =>
      (...args: unknown[]) => {
        calls.push(`${name}(${args.map(String).join(",")})`);
      };
    Object.assign(window, {
      __calls: calls,
      xss: record("xss"),
      alert: record("alert"),
      confirm: record("confirm"),
      prompt: record("prompt"),
    });
    const added: string[] = [];
    Object.assign(window, { __added: added });
    // Every element ever added inside log text, including whole subtrees appended at once.
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const el of [node, ...node.querySelectorAll("*")])
            if (el.parentElement?.closest("[data-log-text]")) added.push(el.tagName.toLowerCase());
        }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${benchUrl}?xss=1`);
  await expect(row(page, 1)).toBeVisible();
  // Each payload is shown as text (a few checked verbatim).
  await expect(row(page, 1).locator("[data-log-text]")).toHaveText(xssCorpus[0]);
  const imgLine = xssCorpus.indexOf("<img src=x onerror=xss(6)>") + 1;
  await expect(row(page, imgLine).locator("[data-log-text]")).toHaveText("<img src=x onerror=xss(6)>");
  // Render every row: scroll to the bottom in steps.
  for (let n = 1; n <= xssCorpus.length; n += 20) {
    await page.evaluate((line) => document.querySelector(`[data-line="${line}"]`)?.scrollIntoView(), n);
    await lines(page).evaluate((el) => (el.scrollTop += 300));
  }
  await lines(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(row(page, xssCorpus.length)).toBeVisible();

  const report = await page.evaluate(() => {
    const textEls = [...document.querySelectorAll("[data-log-text] *")];
    return {
      calls: (window as unknown as { __calls: string[] }).__calls,
      tagsInText: [...new Set(textEls.map((el) => el.tagName.toLowerCase()))],
      addedInText: [...new Set((window as unknown as { __added: string[] }).__added)],
      dangerousInPage: document.querySelectorAll(
        "#root :is(script, img, iframe, object, embed, video, audio, source, form, textarea, meta, base, math, details, marquee, style, template, noscript, x, h1, table)",
      ).length,
      links: [...document.querySelectorAll("[data-log-text] a")].map((a) => ({
        href: a.getAttribute("href") ?? "",
        rel: a.getAttribute("rel"),
        target: a.getAttribute("target"),
      })),
      attrs: [...new Set(textEls.flatMap((el) => el.getAttributeNames()))],
      title: document.title,
    };
  });
  expect(report.calls).toEqual([]);
  expect(report.addedInText.filter((t) => t !== "span" && t !== "a")).toEqual([]);
  expect(report.dangerousInPage).toBe(0);
  expect(report.tagsInText.filter((t) => t !== "span" && t !== "a")).toEqual([]);
  expect(report.attrs.filter((a) => !["style", "data-match", "href", "target", "rel", "class"].includes(a))).toEqual(
    [],
  );
  expect(report.links.length).toBeGreaterThan(0);
  for (const link of report.links) {
    expect(link.href).toMatch(/^https?:\/\//);
    expect(link.rel).toBe("noopener noreferrer");
    expect(link.target).toBe("_blank");
  }
  expect(report.title).toBe("Log viewer test page");
});

test("download gives the full text of the log", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?lines=5000`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    viewer(page).getByRole("button", { name: "Download log" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("build.log");
  const text = await readFile(await download.path(), "utf8");
  const out = text.split("\n");
  expect(out).toHaveLength(5001);
  expect(out[5000]).toBe("");
  for (const n of [1, 2500, 5000]) {
    expect(out[n - 1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[(trace|debug|info|warn|error)\] \[[^\]]+\] /);
    expect(out[n - 1].endsWith(` ${await plain(page, n)}`)).toBe(true);
  }
  expect(text).not.toContain("\x1b");
});

test("level filter and collapsed stages never renumber lines", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?lines=2000`);
  const levels: number[] = await page.evaluate(() =>
    Array.from({ length: 60 }, (_, i) => window.__logTest!.store.level(i)),
  );
  const hidden = levels.findIndex((l) => l < 2) + 1;
  expect(hidden).toBeGreaterThan(0);
  await expect(row(page, hidden)).toBeVisible();
  await viewer(page).getByRole("combobox", { name: "Levels shown" }).selectOption({ label: "Info and up" });
  await expect(row(page, hidden)).toHaveCount(0);
  await expect(row(page, hidden + 1).getByRole("link")).toHaveText(String(hidden + 1));

  const header = viewer(page).getByRole("button", { name: /^Setting up/ });
  await expect(header).toHaveAttribute("aria-expanded", "true");
  await header.click();
  await expect(header).toHaveAttribute("aria-expanded", "false");
  await expect(row(page, 1)).toHaveCount(0);
  const next = viewer(page).getByRole("button", { name: /^Parsing template parameters/ });
  await next.click();
  await next.click();
  const firstOfNext: number = await page.evaluate(() => window.__logTest!.store.groups[1].firstLine + 1);
  await expect(row(page, firstOfNext).getByRole("link")).toHaveText(String(firstOfNext));
});

test("agent logs: a tab per source over one numbering", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?kind=agent&lines=300`);
  const agent = page.getByRole("region", { name: "Agent logs", exact: true });
  await expect(agent.getByRole("tab", { name: /^All/ })).toHaveAttribute("aria-selected", "true");
  await agent.getByRole("tab", { name: /^Dotfiles/ }).click();
  // Dotfiles holds every third line starting at line 2.
  await expect(row(page, 2)).toBeVisible();
  await expect(row(page, 1)).toHaveCount(0);
  await expect(row(page, 5).getByRole("button", { name: "Select line 5" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(agent.getByRole("tab", { name: /^Coder Agent/ })).toBeFocused();
  await expect(row(page, 3)).toBeVisible();
});

test("loading, stream error and truncated states", async ({ page, benchUrl }) => {
  await page.goto(`${benchUrl}?loading=1`);
  await expect(page.getByRole("status", { name: "Loading logs" })).toBeVisible();
  await page.goto(`${benchUrl}?lines=50&error=1&truncated=1`);
  await expect(viewer(page).getByRole("alert")).toContainText("Log stream interrupted");
  await expect(viewer(page).getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(viewer(page).getByRole("note")).toContainText("Log truncated");
  await expect(row(page, 1)).toBeVisible();
});

test("no serious accessibility violations in light and dark", async ({ page, benchUrl }) => {
  // Fewer rows on screen: axe's contrast check costs per text node.
  await page.setViewportSize({ width: 1280, height: 560 });
  for (const query of ["lines=3000&error=1&truncated=1", "kind=agent&lines=3000"]) {
    await page.goto(`${benchUrl}?${query}`);
    await expect(row(page, 1)).toBeVisible();
    await page.getByRole("searchbox", { name: "Search logs" }).fill("creating");
    await expect(page.locator('[data-match="current"]')).toBeVisible();
    // Rows around an error line (its own tint), a selected line and a search highlight.
    await page.getByRole("button", { name: "Next error" }).click();
    await expect(page.locator("[data-selected]").first()).toBeInViewport();
    expect(await axeBothThemes(page, { include: "main" })).toEqual([]);
  }
});
