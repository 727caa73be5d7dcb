import { listenForMarks } from "../harness/pageMarks";
import { waitForQuiet } from "../harness/quiet";
import type { BenchContext, Sample, Scenario } from "../harness/types";

interface ZoomResult {
  p95WorkMs: number;
  maxFrameMs: number;
  framesOver33: number;
}

const VARIANTS: Array<[string, string]> = [
  ["ours", "ours"],
  ["recharts", "recharts Gantt"],
  // The least code that draws the bars (docs/bench.md's "floor"): how close the full component gets.
  ["floor", "floor (bare canvas)"],
];

/** Marks, from inside the page, the frame after the chart first shows its bars and the one after its baseline is drawn. */
const OBSERVE = `
  window.__timings = { chart: 0, baseline: 0 };
  new MutationObserver(() => {
    const t = window.__timings;
    if (!t.chart && document.querySelector('[data-testid="timings-plot"]')) requestAnimationFrame(() => { if (!t.chart) t.chart = performance.now(); });
    if (!t.baseline && document.querySelector('[data-testid="timings-chart"][data-baseline="ready"]')) requestAnimationFrame(() => { if (!t.baseline) { t.baseline = performance.now(); window.__benchMark("baseline"); } });
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-baseline"] });
`;

/**
 * "Baseline ready" (issue 22): the app's timings page for the bench world's 5,000-item build, from
 * the chart's first frame to the frame with its usual-time markers drawn (ten earlier builds of
 * 5,000 rows each fetched, parsed and reduced). A cold browser context, as a person opening the link.
 */
async function baselineReady(ctx: BenchContext): Promise<Sample> {
  const context = await ctx.signedInContext("alice");
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const ws = await (await page.request.get(`${ctx.appUrl}/api/v2/users/alice/workspace/big-timings`)).json();
  const reached = await listenForMarks(page);
  await page.addInitScript(OBSERVE);
  await page.goto(`${ctx.appUrl}/@alice/big-timings/builds/${ws.latest_build.build_number}/timings`, {
    waitUntil: "commit",
  });
  await reached.reached("baseline");
  const marks = await page.evaluate(() => (window as unknown as { __timings: TimingsMarks }).__timings);
  await context.close();
  return { metric: "baseline ready", variant: "ours", value: marks.baseline - marks.chart, unit: "ms" };
}

type TimingsMarks = { chart: number; baseline: number };

/** Scenario 5: the Gantt with 5,000 bars beside a naive recharts bar Gantt on the same data. */
export const timingsScenario: Scenario = {
  id: "gantt",
  title: "Timings Gantt, 5,000 bars",
  goals: { "first render": 100, "zoom work p95": 8, "zoom longest frame": 33 },
  async run(ctx) {
    const samples: Sample[] = [];
    const seconds = ctx.quick ? 1 : 2;
    for (const [page_, variant] of VARIANTS) {
      // recharts' page, just closed, can still be tearing down.
      await waitForQuiet();
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const reached = await listenForMarks(page);
      await page.goto(`${ctx.pagesUrl}/timings/${page_}.html?items=5000`, { waitUntil: "commit" });
      await reached.reached("ready");
      const ready = await page.evaluate(
        () => (window as unknown as { __bench: { ready: Promise<{ firstRenderMs: number }> } }).__bench.ready,
      );
      samples.push({ metric: "first render", variant, value: ready.firstRenderMs, unit: "ms" });
      const zoom = await page.evaluate(
        (s) => (window as unknown as { __bench: { zoom: (s: number) => Promise<ZoomResult> } }).__bench.zoom(s),
        seconds,
      );
      samples.push({ metric: "zoom work p95", variant, value: zoom.p95WorkMs, unit: "ms" });
      samples.push({ metric: "zoom longest frame", variant, value: zoom.maxFrameMs, unit: "ms" });
      await page.close();
    }
    samples.push(await baselineReady(ctx));
    return { samples };
  },
};
