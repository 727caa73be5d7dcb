// Bench instrumentation only: the watch-latency figure of `npm run bench` (e2e/bench/scenarios/
// watchLatency.ts). It costs one layout effect per render of the watched data and changes nothing
// on screen.
import { useLayoutEffect } from "react";
import { WATCH_MESSAGE_MARK } from "./watch";

/** `performance` measure: message arrival → the frame after React committed it. */
export const WATCH_LATENCY_MEASURE = "workspace-watch:latency";

/** Keeps the latency buffer bounded on a page left open all day. */
const MAX_LATENCY_ENTRIES = 1_000;

/**
 * Records watch latency for the bench: call it in the component that renders the watched data,
 * passing that data. After the commit that shows it, on the next frame, it measures from the
 * latest message mark (`performance.getEntriesByName(WATCH_LATENCY_MEASURE)`): earlier unconsumed
 * marks belong to events that changed nothing on screen and so were never committed.
 */
export function useWatchLatency(renderedValue: unknown): void {
  // A layout effect runs inside the commit, so the frame requested here is the one that paints it.
  useLayoutEffect(() => {
    const marks = performance.getEntriesByName(WATCH_MESSAGE_MARK, "mark");
    if (marks.length === 0) return;
    const start = marks[marks.length - 1].startTime;
    performance.clearMarks(WATCH_MESSAGE_MARK);
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(WATCH_LATENCY_MEASURE, "measure").length >= MAX_LATENCY_ENTRIES) {
        performance.clearMeasures(WATCH_LATENCY_MEASURE);
      }
      performance.measure(WATCH_LATENCY_MEASURE, { start, end: performance.now() });
    });
  }, [renderedValue]);
}
