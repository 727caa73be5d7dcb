import { WATCH_LATENCY_MEASURE } from "../../../src/api/watchLatency";
import { latencySamples, measureCount, measuredDurations, waitForMeasures } from "../harness/measures";
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
    const before = await measureCount(page, WATCH_LATENCY_MEASURE);
    for (let i = 0; i < events; i++) {
      const url = `${ctx.appUrl}/api/v2/workspaces/${ws.id}/favorite`;
      // Each event must change what the page shows; an unchanged workspace is (rightly) not re-rendered.
      const favorite = ws.favorite === (i % 2 === 1);
      const res = favorite ? await context.request.put(url) : await context.request.delete(url);
      if (!res.ok()) throw new Error(`favorite toggle answered ${res.status()}`);
      await waitForMeasures(page, WATCH_LATENCY_MEASURE, before + i + 1);
    }
    const measured = (await measuredDurations(page, WATCH_LATENCY_MEASURE)).slice(before);
    await context.close();
    return { samples: latencySamples(measured) };
  },
};
