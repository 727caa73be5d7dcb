import { readFileSync } from "node:fs";
import { STARTUP_MARKS, type StartupMark } from "../../../src/lib/startupMarks";
import type { Page } from "@playwright/test";
import { listenForMarks } from "../harness/pageMarks";
import { waitForQuiet } from "../harness/quiet";
import type { Sample, Scenario } from "../harness/types";

/** The floor page (pages/logFloor/floor.js), served at the app's origin so it reads with the same cookie. */
const FLOOR_PATH = "/__bench/log-floor";
const floorHtml = () =>
  `<!doctype html><html><body style="margin:0"><div id="list" style="height:420px;overflow:auto"></div>` +
  `<script type="module">${readFileSync(new URL("../pages/logFloor/floor.js", import.meta.url), "utf8")}</script></body></html>`;

/**
 * Answers the floor page's own URL, and nothing else, from here. Playwright's `route` would pause
 * every request of the page (or of the whole context) for a round trip to this process: on this
 * 2-core machine that cost the app pages, with some 25 requests each to the floor's 3, tens of
 * milliseconds, which are the harness's and not the page's.
 */
async function serveFloorPage(page: Page, url: string, html: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on("Fetch.requestPaused", (event) => {
    void cdp.send("Fetch.fulfillRequest", {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: "content-type", value: "text/html; charset=utf-8" }],
      body: Buffer.from(html).toString("base64"),
    });
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: `${url}*`, requestStage: "Request" }] });
}

/** Frame after the first log row is on screen, and the longest main-thread task until then. */
const OBSERVE = `
  window.__page = { logPainted: 0, longestTask: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__page.longestTask = Math.max(window.__page.longestTask, e.duration);
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector("[data-line]")) {
      requestAnimationFrame(() => { window.__page.logPainted = performance.now(); window.__benchMark("logPainted"); });
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

type PageMarks = { logPainted: number; longestTask: number };
/** When the log's HTTP answer started (the server's serialization share) and finished arriving. */
type LogFetch = { responseStart: number; responseEnd: number };

/** The build log's own request (not an agent's), as a pattern the page rebuilds. */
const LOG_REQUEST = String.raw`/workspacebuilds/[^/]+/logs\?after=0$`;

/** Undefined until the whole answer is in (a resource timing entry appears once it is complete). */
const logFetchOf = (pattern: string): LogFetch | undefined => {
  const request = new RegExp(pattern);
  const entry = performance.getEntriesByType("resource").find((e) => request.test(e.name)) as
    PerformanceResourceTiming | undefined;
  return entry && { responseStart: entry.responseStart, responseEnd: entry.responseEnd };
};

/** The app's start-up milestones (src/lib/startupMarks.ts), in the order a cold open reaches them. */
const PHASES: Array<[StartupMark, string]> = [
  [STARTUP_MARKS.entry, "app entry run"],
  [STARTUP_MARKS.pageCode, "page code in"],
  [STARTUP_MARKS.logFirstLines, "log's first lines parsed"],
  [STARTUP_MARKS.pageCommitted, "page committed"],
];

const marksOf = (names: string[]): Record<string, number | undefined> =>
  Object.fromEntries(names.map((name) => [name, performance.getEntriesByName(name, "mark")[0]?.startTime]));

/** One row per milestone the page reached: where its time went before the paint. */
const phaseSamples = (page: string, marks: Record<string, number | undefined>): Sample[] =>
  PHASES.flatMap(([mark, label]) => {
    const value = marks[mark];
    return value === undefined ? [] : [{ metric: `${page}: start-up: ${label}`, variant: "ours", value, unit: "ms" }];
  });

/**
 * Issue 7's page-load budget: the build page of `alice/big-logs`'s 20k-line build and the workspace
 * page whose latest build has 100k lines (bench world), measured inside the page.
 */
export const workspacePageScenario: Scenario = {
  id: "log-pages",
  title: "Pages with long build logs (20k / 100k lines)",
  goals: { "build page, 20k-line log painted": 300, "workspace page, 100k: painted ÷ floor": 1.5 },
  async run(ctx) {
    const context = await ctx.signedInContext("alice");
    const ws = (await (await context.request.get(`${ctx.appUrl}/api/v2/users/alice/workspace/big-logs`)).json()) as {
      latest_build: { build_number: number; id: string };
    };
    // The simulation generates a historical build's log on its first read (real Coder has it in its
    // database): read both logs once first, so neither the page nor the floor pays for generating them.
    for (const path of [`/users/alice/workspace/big-logs/builds/${ws.latest_build.build_number - 1}`, undefined]) {
      const id = path
        ? ((await (await context.request.get(`${ctx.appUrl}/api/v2${path}`)).json()) as { id: string }).id
        : ws.latest_build.id;
      await context.request.get(`${ctx.appUrl}/api/v2/workspacebuilds/${id}/logs?after=0`);
    }
    const html = floorHtml();
    const measure = async (path: string) => {
      await waitForQuiet();
      const page = await context.newPage();
      if (path.startsWith(FLOOR_PATH)) await serveFloorPage(page, `${ctx.appUrl}${FLOOR_PATH}`, html);
      const marks = await listenForMarks(page);
      await page.addInitScript(OBSERVE);
      await page.goto(`${ctx.appUrl}${path}`, { waitUntil: "commit" });
      await marks.reached("logPainted");
      // Long tasks are reported after they end; one more frame lets the last one arrive.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const painted = await page.evaluate(() => (window as unknown as { __page: PageMarks }).__page);
      // A long log may still be arriving at the paint (the rest is read as the page has time).
      const settled = await page.waitForFunction(logFetchOf, LOG_REQUEST, { timeout: 60_000 });
      const fetched = (await settled.jsonValue()) as LogFetch;
      const phases = await page.evaluate(
        marksOf,
        PHASES.map(([mark]) => mark),
      );
      await page.close();
      return { ...painted, ...fetched, phases };
    };
    const build20k = await measure(`/@alice/big-logs/builds/${ws.latest_build.build_number - 1}`);
    const workspace100k = await measure(`/@alice/big-logs`);
    const floor100k = await measure(`${FLOOR_PATH}?build=${ws.latest_build.id}`);
    // Last, so the pages are measured in the order they always were (the workspace page after the
    // build page, with its code in the browser's cache).
    const floor20k = await measure(
      `${FLOOR_PATH}?owner=alice&workspace=big-logs&number=${ws.latest_build.build_number - 1}`,
    );

    await context.close();
    return {
      samples: [
        { metric: "build page, 20k-line log painted", variant: "ours", value: build20k.logPainted, unit: "ms" },
        { metric: "build page, 20k-line log painted", variant: "floor", value: floor20k.logPainted, unit: "ms" },
        { metric: "build page, 20k: longest task", variant: "ours", value: build20k.longestTask, unit: "ms" },
        ...phaseSamples("build page, 20k", build20k.phases),
        {
          metric: "build page, 20k: log response started (server share)",
          variant: "ours",
          value: build20k.responseStart,
          unit: "ms",
        },
        { metric: "build page, 20k: log response received", variant: "ours", value: build20k.responseEnd, unit: "ms" },
        {
          metric: "workspace page, 100k-line log painted",
          variant: "ours",
          value: workspace100k.logPainted,
          unit: "ms",
        },
        {
          metric: "workspace page, 100k-line log painted",
          variant: "floor",
          value: floor100k.logPainted,
          unit: "ms",
        },
        {
          metric: "workspace page, 100k: painted ÷ floor",
          variant: "ours",
          value: workspace100k.logPainted / floor100k.logPainted,
          unit: "×",
        },
        { metric: "workspace page, 100k: longest task", variant: "ours", value: workspace100k.longestTask, unit: "ms" },
        ...phaseSamples("workspace page, 100k", workspace100k.phases),
        {
          metric: "workspace page, 100k: log response started (server share)",
          variant: "ours",
          value: workspace100k.responseStart,
          unit: "ms",
        },
        {
          metric: "workspace page, 100k: log response received",
          variant: "ours",
          value: workspace100k.responseEnd,
          unit: "ms",
        },
        {
          metric: "workspace page, 100k: log response received",
          variant: "floor",
          value: floor100k.responseEnd,
          unit: "ms",
        },
      ],
    };
  },
};
