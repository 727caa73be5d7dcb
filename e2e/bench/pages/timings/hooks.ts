// window.__bench for the Gantt bench pages: the same measurement around every variant, on the same
// generated data. Times come from performance.now/mark/measure inside the page.
//
// Per-frame work = the wheel handler (synchronous; for recharts it includes React's render, forced
// with flushSync) + the canvas draw of that frame (ours reports it). Frame intervals are rAF to
// rAF, so they also catch style/layout/paint that JavaScript timers cannot see.
import { longestTask, nextFrame } from "../frames";

export interface ZoomStats {
  frames: number;
  p50WorkMs: number;
  p95WorkMs: number;
  maxWorkMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  framesOver33: number;
  longestTaskMs: number;
}

export interface TimingsBench {
  variant: string;
  items: number;
  /** Resolves after the first painted frame that shows the bars. */
  ready: Promise<{ firstRenderMs: number }>;
  /** One wheel step at the plot's centre (deltaY < 0 zooms in); resolves after the frame that shows it. */
  zoomStep: (deltaY: number) => Promise<{ workMs: number }>;
  /**
   * Zooms in and out continuously, one wheel event per animation frame, for `seconds` (and at least
   * MIN_ZOOM_FRAMES frames, so a peer that takes seconds per frame still yields a distribution).
   */
  zoom: (seconds: number) => Promise<ZoomStats>;
}

const MIN_ZOOM_FRAMES = 3;

export function param(name: string, fallback: number): number {
  const v = Number(new URLSearchParams(location.search).get(name));
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function applyTheme(): void {
  if (new URLSearchParams(location.search).get("theme") === "dark") document.documentElement.classList.add("dark");
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export interface TimingsVariant {
  variant: string;
  items: number;
  /** Renders the chart (called right after the render:start mark). */
  mount: () => void;
  /** Resolves once the variant has drawn its bars (ours: first canvas draw; recharts: SVG rects exist). */
  drawn: () => Promise<void>;
  /** The element that receives wheel events. */
  target: () => Element;
  /** Draw time spent since the last call, ms (0 for variants whose draw is the browser's). */
  takeDrawMs: () => number;
}

export function installTimingsBench(v: TimingsVariant): void {
  const ready = (async () => {
    // Collect the garbage left by generating the data, when the browser allows it
    // (--js-flags=--expose-gc), so a scavenge owed to setup does not land in the measured render.
    (globalThis as { gc?: () => void }).gc?.();
    performance.mark("render:start");
    v.mount();
    await v.drawn();
    await nextFrame();
    performance.mark("render:painted");
    const firstRenderMs = performance.measure("first-render", "render:start", "render:painted").duration;
    // Tells the bench without it polling the page (e2e/bench/harness/pageMarks.ts).
    (window as { __benchMark?: (name: string) => void }).__benchMark?.("ready");
    return { firstRenderMs };
  })();

  const wheel = (deltaY: number): number => {
    const el = v.target();
    const rect = el.getBoundingClientRect();
    const start = performance.now();
    el.dispatchEvent(
      new WheelEvent("wheel", {
        deltaY,
        deltaMode: 0,
        clientX: rect.left + rect.width / 2,
        clientY: rect.top + Math.min(rect.height / 2, 200),
        bubbles: true,
        cancelable: true,
      }),
    );
    return performance.now() - start;
  };

  const zoomStep = async (deltaY: number) => {
    await ready;
    v.takeDrawMs();
    const handler = wheel(deltaY);
    await nextFrame();
    await nextFrame();
    return { workMs: handler + v.takeDrawMs() };
  };

  const zoom = async (seconds: number): Promise<ZoomStats> => {
    await ready;
    const work: number[] = [];
    const intervals: number[] = [];
    const start = performance.now();
    let last = await nextFrame();
    v.takeDrawMs();
    let i = 0;
    let pendingHandler = wheel(-120);
    while (last - start < seconds * 1000 || work.length < MIN_ZOOM_FRAMES) {
      const t = await nextFrame();
      intervals.push(t - last);
      last = t;
      // The draw for the previous event happened in this frame's rAF callbacks.
      work.push(pendingHandler + v.takeDrawMs());
      i++;
      // 30 steps in, 30 out: a long zoom gesture that stays inside the data.
      pendingHandler = wheel(Math.floor(i / 30) % 2 === 0 ? -120 : 120);
    }
    return {
      frames: intervals.length,
      p50WorkMs: percentile(work, 0.5),
      p95WorkMs: percentile(work, 0.95),
      maxWorkMs: Math.max(0, ...work),
      p95FrameMs: percentile(intervals, 0.95),
      maxFrameMs: Math.max(0, ...intervals),
      framesOver33: intervals.filter((d) => d > 33).length,
      longestTaskMs: longestTask(start, performance.now()),
    };
  };

  // Not a global declaration: the log bench pages type window.__bench their own way.
  (window as unknown as { __bench: TimingsBench }).__bench = {
    variant: v.variant,
    items: v.items,
    ready,
    zoomStep,
    zoom,
  };
}
