import { listenForMarks } from "../harness/pageMarks";
import type { Scenario } from "../harness/types";

/** Marks, from inside the page, the frame after the first history row and the first chart point appear. */
const OBSERVE = `
  window.__history = { firstRow: 0, chart: 0 };
  new MutationObserver(() => {
    const h = window.__history;
    if (!h.firstRow && document.querySelector('main tbody tr a[href*="/builds/"]')) requestAnimationFrame(() => { if (!h.firstRow) { h.firstRow = performance.now(); window.__benchMark("firstRow"); } });
    if (!h.chart && document.querySelector('[data-testid="trend-point"]')) requestAnimationFrame(() => { if (!h.chart) { h.chart = performance.now(); window.__benchMark("chart"); } });
  }).observe(document, { childList: true, subtree: true });
`;

type HistoryMarks = { firstRow: number; chart: number };

/** Scenario 6: build history of a workspace with 1,000 builds (bench world `alice/thousand-builds`). */
export const buildHistoryScenario: Scenario = {
  id: "build-history",
  title: "Build history, 1,000 builds",
  goals: { "first row": 1000 },
  async run(ctx) {
    const context = await ctx.signedInContext("alice");
    const page = await context.newPage();
    const reached = await listenForMarks(page);
    await page.addInitScript(OBSERVE);
    await page.goto(`${ctx.appUrl}/@alice/thousand-builds/builds`, { waitUntil: "commit" });
    await reached.reached("firstRow", 30_000);
    await reached.reached("chart", 30_000);
    const marks = await page.evaluate(() => (window as unknown as { __history: HistoryMarks }).__history);
    const start = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "Load whole history" }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="trend-point"]').length >= 1000, null, {
      timeout: 60_000,
    });
    const loadedAll =
      (await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))))) -
      start;
    await context.close();
    return {
      samples: [
        { metric: "first row", variant: "ours", value: marks.firstRow, unit: "ms" },
        { metric: "chart first paint", variant: "ours", value: marks.chart, unit: "ms" },
        { metric: "load all 1,000 (table + chart)", variant: "ours", value: loadedAll, unit: "ms" },
      ],
    };
  },
};
