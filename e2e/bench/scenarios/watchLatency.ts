import { WATCH_LATENCY_MEASURE } from "../../../src/api/watchLatency";
import { percentile } from "../harness/stats";
import type { Scenario } from "../harness/types";

/**
 * Scenario 3: watch event → DOM. The workspace page measures from the WebSocket `message` event
 * to the frame after React committed it (src/api/watch.ts); the bench makes the server publish
 * changes by toggling the favourite flag, one event at a time.
 */
export const watchLatencyScenario: Scenario = {
  id: "watch-latency",
  title: "Workspace page: watch message → committed frame",
  goals: { p95: 16.7 },
  async run(ctx) {
    const events = ctx.quick ? 40 : 200;
    const context = await ctx.signedInContext("alice");
    const page = await context.newPage();
    const ws = (await (await context.request.get(`${ctx.appUrl}/api/v2/users/alice/workspace/dev`)).json()) as {
      id: string;
      favorite: boolean;
    };
    await page.goto(`${ctx.appUrl}/@alice/dev`);
    await page.getByText("Live", { exact: true }).first().waitFor({ timeout: 30_000 });
    const count = () =>
      page.evaluate((name) => performance.getEntriesByName(name, "measure").length, WATCH_LATENCY_MEASURE);
    const before = await count();
    for (let i = 0; i < events; i++) {
      const url = `${ctx.appUrl}/api/v2/workspaces/${ws.id}/favorite`;
      // Each event must change what the page shows; an unchanged workspace is (rightly) not re-rendered.
      const favorite = ws.favorite === (i % 2 === 1);
      const res = favorite ? await context.request.put(url) : await context.request.delete(url);
      if (!res.ok()) throw new Error(`favorite toggle answered ${res.status()}`);
      await page.waitForFunction(
        ([name, n]) => performance.getEntriesByName(name as string, "measure").length >= n,
        [WATCH_LATENCY_MEASURE, before + i + 1] as const,
        { timeout: 10_000 },
      );
    }
    const latencies = await page.evaluate(
      (name) => performance.getEntriesByName(name, "measure").map((m) => m.duration),
      WATCH_LATENCY_MEASURE,
    );
    const measured = latencies.slice(before);
    await context.close();
    return {
      samples: [
        { metric: "p50", variant: "ours", value: percentile(measured, 0.5), unit: "ms" },
        { metric: "p95", variant: "ours", value: percentile(measured, 0.95), unit: "ms" },
        { metric: "events", variant: "ours", value: measured.length, unit: "count" },
      ],
    };
  },
};
