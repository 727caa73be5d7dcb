// Our chart on N generated items, every stage expanded, the way the timings page shows it.
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { TimingsChart } from "../../../../src/components/TimingsChart";
import { buildTimingTree, computeBaseline, durationsOf, STAGE_ORDER } from "../../../../src/lib/timings";
import { syntheticTimings } from "../../../../src/lib/timings/synthetic";
import { applyTheme, installTimingsBench, param } from "./hooks";
import "./bench.css";

applyTheme();
const items = param("items", 5000);
const raw = syntheticTimings(items);
// Usual times from ten earlier builds of the same shape (other seeds): markers, p90 bands and the
// "Slower than usual" panel are on, as on the timings page once its baseline has arrived.
const usual = {
  status: "ready" as const,
  baseline: computeBaseline(Array.from({ length: 10 }, (_, i) => durationsOf(syntheticTimings(items, i + 2)))),
  note: "Median and p90 of 10 generated builds.",
};
let drawMs = 0;
let drawn = false;
let onFirstDraw: () => void = () => {};
// The app has its React root long before a chart mounts: creating one is not part of the render.
const root = createRoot(document.getElementById("root")!);

installTimingsBench({
  variant: "ours",
  items,
  mount: () => {
    const tree = buildTimingTree(raw, { now: 0 });
    // Rendered synchronously in the measured task, as the floor is: scheduler latency is not render work.
    flushSync(() =>
      root.render(
        <TimingsChart
          tree={tree}
          label="#bench"
          initialState={{ expanded: [...STAGE_ORDER], critical: false, compress: false }}
          maxBodyHeight={600}
          usual={usual}
          onDrawn={(ms) => {
            drawMs += ms;
            if (!drawn) {
              drawn = true;
              onFirstDraw();
            }
          }}
        />,
      ),
    );
  },
  drawn: () => (drawn ? Promise.resolve() : new Promise<void>((resolve) => (onFirstDraw = resolve))),
  target: () => document.querySelector('[data-testid="timings-plot"]')!,
  takeDrawMs: () => {
    const ms = drawMs;
    drawMs = 0;
    return ms;
  },
});
