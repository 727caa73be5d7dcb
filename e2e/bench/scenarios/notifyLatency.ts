import { NOTIFY_LATENCY_MEASURE } from "../../../src/app/notify/NotifyProvider";
import { latencySamples, measuredDurations, waitForMeasures } from "../harness/measures";
import type { Scenario } from "../harness/types";

/**
 * "Notify me when ready": the watch event that shows the build's ending → the notification shown
 * (src/app/notify/NotifyProvider.tsx measures it). The browser's Notification is a stub that
 * grants permission. Each round a second tab of the same user asks to be told about alice/dev
 * (ready), as the toggle does, through the shared localStorage list: the list page's watcher opens
 * a stream, whose first event already shows the ending.
 */
export const notifyLatencyScenario: Scenario = {
  id: "notify-latency",
  title: "Notify me: final watch event → notification",
  goals: { p95: 1000 },
  async run(ctx) {
    const rounds = ctx.quick ? 5 : 20;
    const context = await ctx.signedInContext("alice");
    await context.addInitScript(() => {
      class StubNotification {
        static permission = "granted";
        static requestPermission() {
          return Promise.resolve("granted");
        }
        onclick = null;
        close() {}
      }
      Object.assign(window, { Notification: StubNotification });
    });
    const me = (await (await context.request.get(`${ctx.appUrl}/api/v2/users/me`)).json()) as { id: string };
    const ws = (await (await context.request.get(`${ctx.appUrl}/api/v2/users/alice/workspace/dev`)).json()) as {
      id: string;
    };
    const page = await context.newPage();
    await page.goto(`${ctx.appUrl}/workspaces`);
    await page.getByRole("button", { name: /Search and run commands/ }).waitFor({ timeout: 30_000 });
    const writer = await context.newPage();
    await writer.goto(`${ctx.appUrl}/favicon.svg`);
    for (let i = 0; i < rounds; i++) {
      await writer.evaluate(([key, entry]) => localStorage.setItem(key as string, JSON.stringify([entry])), [
        `notify-awaited:${me.id}`,
        { workspaceId: ws.id, owner: "alice", name: "dev", since: Date.now() },
      ] as const);
      await waitForMeasures(page, NOTIFY_LATENCY_MEASURE, i + 1);
    }
    const measured = await measuredDurations(page, NOTIFY_LATENCY_MEASURE);
    await context.close();
    return { samples: latencySamples(measured) };
  },
};
