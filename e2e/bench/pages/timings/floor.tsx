// The floor (docs/bench.md): the least code that shows the bars, a canvas drawing every bar on each frame,
// no React, no labels, no interaction beyond wheel zoom. Measured in the same run as ours and the
// peer, so the figures share one machine state.
import { buildTimingTree, stageMeta } from "../../../../src/lib/timings";
import { syntheticTimings } from "../../../../src/lib/timings/synthetic";
import { STAGE_HUES } from "../../../../src/components/TimingsChart/palette";
import { applyTheme, installTimingsBench, param } from "./hooks";
import "./bench.css";

applyTheme();
const items = param("items", 5000);
const raw = syntheticTimings(items);
const W = 1200;
const H = 600;
let drawMs = 0;
let drawn = false;
let frame = 0;
let canvas: HTMLCanvasElement;
let draw: () => void = () => {};

installTimingsBench({
  variant: "floor",
  items,
  mount: () => {
    const tree = buildTimingTree(raw, { now: 0 });
    canvas = document.createElement("canvas");
    canvas.width = W * devicePixelRatio;
    canvas.height = H * devicePixelRatio;
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    document.getElementById("root")!.appendChild(canvas);
    const ctx = canvas.getContext("2d")!;
    let from = 0;
    let to = tree.duration;
    draw = () => {
      const t0 = performance.now();
      ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
      ctx.clearRect(0, 0, W, H);
      const scale = W / (to - from);
      const rowH = H / tree.items.length;
      tree.items.forEach((it, i) => {
        ctx.fillStyle = STAGE_HUES[stageMeta(it.stage).hue];
        ctx.fillRect(
          (it.start - tree.start - from) * scale,
          i * rowH,
          Math.max(1, it.duration * scale),
          Math.max(1, rowH),
        );
      });
      drawMs += performance.now() - t0;
      drawn = true;
    };
    canvas.addEventListener("wheel", (e) => {
      e.preventDefault();
      const anchor = from + ((e.clientX - canvas.getBoundingClientRect().left) / W) * (to - from);
      const k = Math.exp(e.deltaY * 0.002);
      from = anchor - (anchor - from) * k;
      to = anchor + (to - anchor) * k;
      if (!frame) frame = requestAnimationFrame(() => ((frame = 0), draw()));
    });
    draw();
  },
  drawn: () => (drawn ? Promise.resolve() : new Promise<void>((r) => requestAnimationFrame(() => r()))),
  target: () => canvas,
  takeDrawMs: () => {
    const ms = drawMs;
    drawMs = 0;
    return ms;
  },
});
