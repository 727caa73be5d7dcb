// window.__bench for the log bench pages: the same measurement hooks around every variant.
// Times come from performance.mark/measure inside the page; see README.md.
import { longestTask, nextFrame } from "../frames";

export interface FollowStats {
  /** Lines fed during the run. */
  lines: number;
  frames: number;
  /** Frame intervals above 50 ms (a visibly dropped frame). */
  framesOver50: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longestTaskMs: number;
}

export interface SearchStats {
  firstMatchMs: number;
  doneMs: number;
  matches: number;
  longestTaskMs: number;
}

export interface LogBench {
  variant: string;
  lines: number;
  /** Resolves after the first paint that shows log lines. */
  ready: Promise<{ openMs: number }>;
  /** With `?manual=1` the page waits for this call before it opens the log (attach profilers first). */
  start: () => void;
  /** Appends n lines at once; resolves after they are painted. */
  append: (n: number) => Promise<{ ms: number }>;
  /** Feeds `rate` lines/s in 10 ms batches (like socket messages) for `seconds`. */
  follow: (rate: number, seconds: number) => Promise<FollowStats>;
  /** Types `query` into the viewer's search (variants that have a scriptable search). */
  search?: (query: string) => Promise<SearchStats>;
}

declare global {
  interface Window {
    __bench?: LogBench;
  }
}

/** Resolves after the frame in which `selector` first exists has been painted. */
export async function paintedWith(selector: string): Promise<void> {
  while (!document.querySelector(selector)) await nextFrame();
  await nextFrame();
}

export interface VariantHooks {
  variant: string;
  lines: number;
  /** Renders the initial lines (called between the open:start mark and the paint wait). */
  mount: () => void;
  /** CSS selector present once lines are on screen. */
  lineSelector: string;
  /** Synchronously adds n more lines (the variant batches them as it would a stream). */
  push: (n: number) => void;
  search?: (query: string) => Promise<SearchStats>;
}

export function installBench(hooks: VariantHooks): void {
  let start = () => {};
  const started =
    new URLSearchParams(location.search).get("manual") === "1"
      ? new Promise<void>((resolve) => (start = resolve))
      : Promise.resolve();
  const ready = (async () => {
    await started;
    // With --js-flags=--expose-gc, the freshly generated input is collected/promoted before the
    // clock starts, so no variant pays for the generator's garbage.
    (globalThis as { gc?: () => void }).gc?.();
    performance.mark("open:start");
    hooks.mount();
    await paintedWith(hooks.lineSelector);
    performance.mark("open:painted");
    const openMs = performance.measure("open", "open:start", "open:painted").duration;
    return { openMs };
  })();

  const append = async (n: number) => {
    const start = performance.now();
    hooks.push(n);
    await nextFrame();
    await nextFrame();
    return { ms: performance.now() - start };
  };

  const follow = async (rate: number, seconds: number): Promise<FollowStats> => {
    const start = performance.now();
    const end = start + seconds * 1000;
    let fed = 0;
    const timer = setInterval(() => {
      const due = Math.min(rate * seconds, Math.floor(((performance.now() - start) / 1000) * rate));
      if (due > fed) {
        hooks.push(due - fed);
        fed = due;
      }
    }, 10);
    const intervals: number[] = [];
    let last = await nextFrame();
    while (last < end) {
      const t = await nextFrame();
      intervals.push(t - last);
      last = t;
    }
    clearInterval(timer);
    const sorted = [...intervals].sort((a, b) => a - b);
    return {
      lines: fed,
      frames: intervals.length,
      framesOver50: intervals.filter((d) => d > 50).length,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      maxFrameMs: sorted[sorted.length - 1] ?? 0,
      longestTaskMs: longestTask(start, performance.now()),
    };
  };

  window.__bench = {
    variant: hooks.variant,
    lines: hooks.lines,
    ready,
    start: () => start(),
    append,
    follow,
    search: hooks.search,
  };
}
