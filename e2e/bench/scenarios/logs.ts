import type { Page } from "@playwright/test";
import type { BenchContext, Sample, Scenario } from "../harness/types";
import { waitForQuiet } from "../harness/quiet";

interface OpenResult {
  openMs: number;
}
interface FollowResult {
  framesOver50: number;
  maxFrameMs: number;
  longestTaskMs: number;
  lines: number;
}
interface SearchResult {
  firstMatchMs: number;
  longestTaskMs: number;
  matches: number;
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize / (1024 * 1024);
}

async function openVariant(ctx: BenchContext, variant: string, lines: number, follow = false) {
  // What ran before (the naive list's half minute, the log pages' 27 MB) must not still hold the CPU.
  await waitForQuiet();
  const page = await ctx.browser.newPage();
  await page.goto(`${ctx.pagesUrl}/logs/${variant}.html?lines=${lines}${follow ? "&follow=1" : ""}`);
  const open = await page.evaluate(
    () => (window as unknown as { __bench: { ready: Promise<OpenResult> } }).__bench.ready,
  );
  return { page, openMs: open.openMs };
}

const VARIANT_NAMES: Record<string, string> = { ours: "ours", peer: "react-logviewer", naive: "naive list" };

/** Scenario 4: the log viewer beside @melloware/react-logviewer and a naive list, same generated ANSI lines. */
export const logsScenario: Scenario = {
  id: "log-viewer",
  title: "Log viewer (100k / 1M ANSI lines)",
  goals: { "100k first paint": 200, "1M open": 1200, "1M heap": 350, "follow 5k/s longest task": 50 },
  async run(ctx) {
    const samples: Sample[] = [];
    const small = 100_000;
    // The naive list takes half a minute at 100k lines: the quick smoke leaves it out.
    for (const variant of ctx.quick ? ["ours", "peer"] : ["ours", "peer", "naive"]) {
      const { page, openMs } = await openVariant(ctx, variant, small);
      samples.push({ metric: "100k first paint", variant: VARIANT_NAMES[variant], value: openMs, unit: "ms" });
      samples.push({ metric: "100k heap", variant: VARIANT_NAMES[variant], value: await heapMB(page), unit: "MB" });
      await page.close();
    }
    if (!ctx.quick) {
      for (const variant of ["ours", "peer"]) {
        const { page, openMs } = await openVariant(ctx, variant, 1_000_000);
        samples.push({ metric: "1M open", variant: VARIANT_NAMES[variant], value: openMs, unit: "ms" });
        samples.push({ metric: "1M heap", variant: VARIANT_NAMES[variant], value: await heapMB(page), unit: "MB" });
        if (variant === "ours") {
          const search = await page.evaluate(() =>
            (window as unknown as { __bench: { search: (q: string) => Promise<SearchResult> } }).__bench.search(
              "kubernetes_pod",
            ),
          );
          samples.push({ metric: "1M search first match", variant: "ours", value: search.firstMatchMs, unit: "ms" });
          samples.push({ metric: "1M search longest task", variant: "ours", value: search.longestTaskMs, unit: "ms" });
        }
        await page.close();
      }
    }
    const seconds = ctx.quick ? 2 : 10;
    for (const variant of ["ours", "peer"]) {
      const { page } = await openVariant(ctx, variant, 1_000, true);
      const follow = await page.evaluate(
        (s) =>
          (
            window as unknown as { __bench: { follow: (r: number, s: number) => Promise<FollowResult> } }
          ).__bench.follow(5000, s),
        seconds,
      );
      samples.push({
        metric: "follow 5k/s longest task",
        variant: VARIANT_NAMES[variant],
        value: follow.longestTaskMs,
        unit: "ms",
      });
      samples.push({
        metric: "follow 5k/s frames > 50 ms",
        variant: VARIANT_NAMES[variant],
        value: follow.framesOver50,
        unit: "count",
      });
      await page.close();
    }
    return { samples };
  },
};
