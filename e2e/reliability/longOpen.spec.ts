// A page left open on a busy deployment (issue 11): 30 simulated minutes of continuous builds on
// the workspace being watched (plus ambient builds elsewhere) must not grow the JS heap or the
// number of open WebSockets, and the log panes must stay virtualized.
import { expect, test, type CDPSession } from "@playwright/test";
import { Api, collectErrors, ownServer, signInAt } from "../support/reliability";

const SPEED = 60;
const SIM_MINUTE_MS = 60_000 / SPEED;
const SIMULATED_MINUTES = 30;

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

test(`${SIMULATED_MINUTES} simulated minutes of builds on an open workspace page: heap ≤ 1.5× after GC, WebSockets bounded`, async ({
  page,
}, testInfo) => {
  test.setTimeout(SIMULATED_MINUTES * SIM_MINUTE_MS + 60_000);
  const server = await ownServer(testInfo, ["--speed", String(SPEED), "--ambient", "on"]);
  const sockets = { opened: 0, closed: 0, maxOpen: 0 };
  page.on("websocket", (ws) => {
    sockets.opened++;
    sockets.maxOpen = Math.max(sockets.maxOpen, sockets.opened - sockets.closed);
    ws.on("close", () => sockets.closed++);
  });
  let looping = true;
  let cycles = 0;
  let loop: Promise<void> = Promise.resolve();
  try {
    const errors = collectErrors(page);
    const api = await Api.login(server.url, "alice");
    const ws = await api.workspace("alice", "stopped-ws");
    await signInAt(page, server.url, "alice");
    await page.goto(`${server.url}/@alice/stopped-ws`);
    await expect(page.getByTestId("workspace-status")).toHaveAttribute("data-workspace-status", "stopped");
    const opened = Date.now();
    const cdp = await page.context().newCDPSession(page);

    // The watched workspace never rests: start, settle, stop, settle, again.
    let firstCycle!: () => void;
    const firstCycleDone = new Promise<void>((r) => (firstCycle = r));
    loop = (async () => {
      while (looping) {
        await api.transition(ws.id, "start");
        await api.transition(ws.id, "stop");
        cycles++;
        firstCycle();
      }
    })();
    // Baseline after the first simulated minute, and once the page has lived through a whole
    // build (every lazy chunk it needs is loaded by then).
    await firstCycleDone;
    await page.waitForTimeout(Math.max(0, opened + SIM_MINUTE_MS - Date.now()));
    const baseline = await heapAfterGc(cdp);
    const samples: number[] = [];
    while (Date.now() - opened < SIMULATED_MINUTES * SIM_MINUTE_MS) {
      await page.waitForTimeout(5_000);
      samples.push(await heapAfterGc(cdp));
      // Virtualized: the panes render a window of rows, not every line received.
      expect(
        await page.locator("[data-testid=build-log] [data-line], [data-testid=agent-log] [data-line]").count(),
      ).toBeLessThan(150);
    }
    looping = false;
    await loop;
    const final = await heapAfterGc(cdp);
    const mb = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
    testInfo.annotations.push({
      type: "long-open",
      description: `${cycles} start/stop cycles; heap baseline ${mb(baseline)}, samples ${samples.map(mb).join(", ")}, final ${mb(final)}; websockets opened ${sockets.opened}, max open ${sockets.maxOpen}, open at end ${sockets.opened - sockets.closed}`,
    });
    expect(cycles, "builds kept coming").toBeGreaterThanOrEqual(4);
    expect(final, `heap ${mb(final)} vs baseline ${mb(baseline)}`).toBeLessThanOrEqual(baseline * 1.5);
    // Watch + build log + agent log, with some overlap while a new build replaces the last one's
    // streams (more under a loaded CPU); a leak would grow with the number of builds instead.
    expect(sockets.maxOpen, "open WebSockets at any time").toBeLessThanOrEqual(8);
    expect(sockets.opened - sockets.closed, "open WebSockets once the last build settled").toBeLessThanOrEqual(3);
    expect(sockets.opened, "streams opened per build").toBeLessThanOrEqual(4 * 2 * cycles + 4);
    expect(errors.pageErrors).toEqual([]);
    expect(errors.consoleErrors).toEqual([]);
  } finally {
    looping = false;
    await loop.catch(() => undefined);
    await server.stop();
  }
});
