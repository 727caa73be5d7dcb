import type { Sample, Scenario } from "../harness/types";

interface ZoomResult {
  p95WorkMs: number;
  maxFrameMs: number;
  framesOver33: number;
}

const VARIANTS: Array<[string, string]> = [
  ["ours", "ours"],
  ["recharts", "recharts Gantt"],
  // The least code that draws the bars (PERF.md's "floor"): how close the full component gets.
  ["floor", "floor (bare canvas)"],
];

/** Scenario 5: the Gantt with 5,000 bars beside a naive recharts bar Gantt on the same data. */
export const timingsScenario: Scenario = {
  id: "gantt",
  title: "Timings Gantt, 5,000 bars",
  goals: { "first render": 100, "zoom work p95": 8, "zoom longest frame": 33 },
  async run(ctx) {
    const samples: Sample[] = [];
    const seconds = ctx.quick ? 1 : 2;
    for (const [page_, variant] of VARIANTS) {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${ctx.pagesUrl}/timings/${page_}.html?items=5000`);
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
    return { samples };
  },
};
