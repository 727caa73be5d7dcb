// The overview strip as pixels. Drawing 5,000 items with fillRect costs a canvas call (and often a
// fillStyle change) per item; writing runs of packed pixels into one buffer and putting it once is
// an order of magnitude cheaper, and it is pure, so it is tested without a canvas.
import type { TimeAxis, TimingItem } from "../../lib/timings";

export interface MinimapRaster {
  items: readonly TimingItem[];
  axis: TimeAxis;
  /** Buffer size in device pixels. */
  width: number;
  height: number;
  now: number;
  /** Packed pixels (see packRgba). */
  background: number;
  colourOf: (item: TimingItem) => number;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One RGBA pixel as the Uint32 that a Uint32Array view over ImageData bytes holds. */
export function packRgba(r: number, g: number, b: number, a = 255): number {
  return littleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

/** Every item as a run on its pixel row (item i of n at row floor(i/n·height)), over the background. */
export function rasterizeMinimap(scene: MinimapRaster, pixels: Uint32Array): void {
  const { items, axis, width: w, height: h } = scene;
  pixels.fill(scene.background, 0, w * h);
  const n = items.length;
  if (n === 0 || w <= 0 || h <= 0) return;
  const scale = w / Math.max(axis.length, 1);
  const barH = Math.max(1, Math.ceil(h / n));
  for (let i = 0; i < n; i++) {
    const it = items[i];
    const end = it.running ? Math.max(it.end, scene.now) : it.end;
    const x0 = Math.max(0, Math.floor(axis.toAxis(it.start) * scale));
    const x1 = Math.min(w, Math.max(x0 + 1, Math.ceil(axis.toAxis(end) * scale)));
    if (x0 >= w) continue;
    const colour = scene.colourOf(it);
    const y0 = Math.floor((i / n) * h);
    const y1 = Math.min(h, y0 + barH);
    for (let y = y0; y < y1; y++) pixels.fill(colour, y * w + x0, y * w + x1);
  }
}
