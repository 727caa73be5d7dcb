import type { Page, Request } from "@playwright/test";
import type { Workspace, WorkspacesResponse } from "../../../src/api/types";
import { listenForMarks } from "../harness/pageMarks";
import { percentile } from "../harness/stats";
import type { Sample, Scenario } from "../harness/types";

/**
 * Marks, from inside the page before any app code runs:
 * - `meaningful`: the first frame showing both the Now counters and a Recent builds row (admins see
 *   the queue and the newest builds; that is what the page is opened for);
 * - `history`: the frame after the page marked its history complete (every workspace's 8-day
 *   window is in, so charts and regressions are complete);
 * - `charts`: the first frame with a drawn health chart (recharts arrives lazily).
 */
const OBSERVE = `
  window.__overview = { meaningful: 0, history: 0, charts: 0 };
  const o = window.__overview;
  const frame = (key) => requestAnimationFrame(() => { if (!o[key]) { o[key] = performance.now(); window.__benchMark(key); } });
  new MutationObserver(() => {
    const now = document.querySelector('[data-testid="now-pending-count"]');
    const row = document.querySelector('table[aria-label="Recent builds"] tbody tr');
    if (!o.meaningful && now && row) frame("meaningful");
    if (!o.history && document.querySelector('[data-history="complete"]')) frame("history");
    if (!o.charts && document.querySelector('[data-testid="chart-status"] .recharts-surface')) frame("charts");
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-history"] });
`;

interface Marks {
  meaningful: number;
  history: number;
  charts: number;
}

interface Traffic {
  url: URL;
  start: number;
  end: number;
  bytes: number;
}

/** Every finished /api request with its body size and wall-clock span (ms since the recorder started). */
function recordApi(page: Page): Traffic[] {
  const log: Traffic[] = [];
  const t0 = Date.now();
  const started = new Map<Request, number>();
  page.on("request", (req) => started.set(req, Date.now() - t0));
  page.on("requestfinished", (req) => {
    const url = new URL(req.url());
    if (!url.pathname.startsWith("/api/")) return;
    void req.sizes().then((sizes) => {
      log.push({
        url,
        start: started.get(req) ?? 0,
        end: Date.now() - t0,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      });
    });
  });
  return log;
}

const isPoll = (t: Traffic) => t.url.pathname.endsWith("/provisionerjobs") && t.url.searchParams.has("status");

/** Splits traffic into poll cycles: each starts with the in-flight job list request. */
function cycles(traffic: readonly Traffic[]): Traffic[][] {
  const sorted = [...traffic].sort((a, b) => a.start - b.start);
  const out: Traffic[][] = [];
  for (const t of sorted) {
    if (isPoll(t)) out.push([t]);
    else out[out.length - 1]?.push(t);
  }
  return out;
}

function cycleCost(cycle: readonly Traffic[]) {
  return {
    requests: cycle.length,
    bytes: cycle.reduce((s, t) => s + t.bytes, 0),
    ms: Math.max(...cycle.map((t) => t.end)) - Math.min(...cycle.map((t) => t.start)),
  };
}

/**
 * Scenario: the builds overview on the bench world (1,000 workspaces, 200 of them with 50 builds),
 * as an admin. Cold load (first meaningful paint, history complete, requests and bytes), then the
 * live refresh: what an idle poll cycle costs, and how fast a build started elsewhere shows in Now.
 */
export const buildsOverviewScenario: Scenario = {
  id: "builds-overview",
  title: "Builds overview /builds (bench world, admin): cold load and refresh cycles",
  goals: { "build started → Now": 2000 },
  async run(ctx) {
    const context = await ctx.signedInContext("admin");
    const page = await context.newPage();
    const reached = await listenForMarks(page);
    await page.addInitScript(OBSERVE);
    const traffic = recordApi(page);
    await page.goto(`${ctx.appUrl}/builds`, { waitUntil: "commit" });
    const marks = () => page.evaluate(() => (window as unknown as { __overview: Marks }).__overview);
    await reached.reached("meaningful", 60_000);
    await reached.reached("history", 180_000);
    await reached.reached("charts", 30_000);
    const loaded = await marks();
    const loadTraffic = [...traffic];
    const heapMb = await page.evaluate(
      () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20,
    );

    // Idle refresh: nothing changes in the world (ambient builds are off), so this is the floor.
    const idleFrom = traffic.length;
    await page.waitForTimeout(ctx.quick ? 4_000 : 9_000);
    const idle = cycles(traffic.slice(idleFrom)).slice(1, -1).map(cycleCost);

    // A build started elsewhere: how long until Now shows it, and what that cycle costs.
    const stopped = (await (
      await context.request.get(`${ctx.appUrl}/api/v2/workspaces?q=${encodeURIComponent("status:stopped")}&limit=100`)
    ).json()) as WorkspacesResponse;
    const target: Workspace | undefined = stopped.workspaces.find((w) => w.name.startsWith("bench-") && !w.dormant_at);
    if (!target) throw new Error("no stopped bench workspace to start");
    // The page notes (same clock as this process) the frame in which the row appears.
    await page.evaluate((name) => {
      const w = window as unknown as { __rowShown: number };
      w.__rowShown = 0;
      new MutationObserver((_, observer) => {
        if (!document.querySelector(`[data-testid="now-row"][data-workspace="${name}"]`)) return;
        observer.disconnect();
        requestAnimationFrame(() => (w.__rowShown = Date.now()));
      }).observe(document.body, { childList: true, subtree: true });
    }, target.name);
    const changeFrom = traffic.length;
    const posted = Date.now();
    const res = await context.request.post(`${ctx.appUrl}/api/v2/workspaces/${target.id}/builds`, {
      data: { transition: "start" },
    });
    if (res.status() !== 201) throw new Error(`starting ${target.name} answered ${res.status()}`);
    await page.waitForFunction(() => (window as unknown as { __rowShown: number }).__rowShown > 0, null, {
      timeout: 10_000,
    });
    const latency = (await page.evaluate(() => (window as unknown as { __rowShown: number }).__rowShown)) - posted;
    await page.waitForTimeout(2_000);
    const changed = cycles(traffic.slice(changeFrom))
      .filter((c) => c.some((t) => t.url.pathname.endsWith("/builds")))
      .map(cycleCost)[0];
    await context.close();

    const loadBytes = loadTraffic.reduce((s, t) => s + t.bytes, 0);
    const median = (xs: number[]) => (xs.length ? percentile(xs, 0.5) : 0);
    const samples: Sample[] = [
      { metric: "first meaningful paint (Now + first row)", variant: "ours", value: loaded.meaningful, unit: "ms" },
      { metric: "history complete (8 days, all workspaces)", variant: "ours", value: loaded.history, unit: "ms" },
      { metric: "charts drawn", variant: "ours", value: loaded.charts, unit: "ms" },
      { metric: "load: API requests", variant: "ours", value: loadTraffic.length, unit: "count" },
      { metric: "load: API bytes", variant: "ours", value: loadBytes / 2 ** 20, unit: "MB" },
      { metric: "JS heap after load", variant: "ours", value: heapMb, unit: "MB" },
      { metric: "idle cycle: requests", variant: "ours", value: median(idle.map((c) => c.requests)), unit: "count" },
      { metric: "idle cycle: bytes", variant: "ours", value: median(idle.map((c) => c.bytes)) / 1024, unit: "KB" },
      { metric: "idle cycle: ms", variant: "ours", value: median(idle.map((c) => c.ms)), unit: "ms" },
      { metric: "build started → Now", variant: "ours", value: latency, unit: "ms" },
    ];
    if (changed) {
      samples.push(
        { metric: "changed cycle: requests", variant: "ours", value: changed.requests, unit: "count" },
        { metric: "changed cycle: bytes", variant: "ours", value: changed.bytes / 1024, unit: "KB" },
        { metric: "changed cycle: ms", variant: "ours", value: changed.ms, unit: "ms" },
      );
    }
    return { samples };
  },
};
