import { describe, expect, it } from "vitest";
import { linearAxis, type TimingItem } from "../../lib/timings";
import { packRgba, rasterizeMinimap } from "./minimapRaster";

const item = (start: number, end: number, extra: Partial<TimingItem> = {}) =>
  ({ start, end, running: false, stage: "apply", ...extra }) as TimingItem;

describe("rasterizeMinimap", () => {
  const BG = packRgba(1, 2, 3);
  const A = packRgba(200, 0, 0);
  const B = packRgba(0, 0, 200);

  it("puts each item on its own row over its share of the time, on the background", () => {
    const pixels = new Uint32Array(10 * 2);
    const items = [item(0, 500), item(500, 1000)];
    rasterizeMinimap(
      {
        items,
        axis: linearAxis(0, 1000),
        width: 10,
        height: 2,
        now: 0,
        background: BG,
        colourOf: (it) => (it.start === 0 ? A : B),
      },
      pixels,
    );
    expect([...pixels.slice(0, 10)]).toEqual([A, A, A, A, A, BG, BG, BG, BG, BG]);
    expect([...pixels.slice(10, 20)]).toEqual([BG, BG, BG, BG, BG, B, B, B, B, B]);
  });

  it("keeps a zero-length item visible as one pixel and stretches a running one to now", () => {
    const pixels = new Uint32Array(10);
    rasterizeMinimap(
      {
        items: [item(300, 300)],
        axis: linearAxis(0, 1000),
        width: 10,
        height: 1,
        now: 0,
        background: BG,
        colourOf: () => A,
      },
      pixels,
    );
    expect(pixels.indexOf(A)).toBe(3);
    expect(pixels.filter((p) => p === A)).toHaveLength(1);
    rasterizeMinimap(
      {
        items: [item(0, 100, { running: true })],
        axis: linearAxis(0, 1000),
        width: 10,
        height: 1,
        now: 800,
        background: BG,
        colourOf: () => A,
      },
      pixels,
    );
    expect(pixels.filter((p) => p === A)).toHaveLength(8);
  });

  it("shares pixel rows when there are more items than rows, and clips to the buffer", () => {
    const pixels = new Uint32Array(4 * 2);
    const items = [item(0, 2000), item(0, 250), item(0, 250), item(750, 1000)];
    rasterizeMinimap(
      { items, axis: linearAxis(0, 1000), width: 4, height: 2, now: 0, background: BG, colourOf: () => A },
      pixels,
    );
    expect([...pixels]).toEqual([A, A, A, A, A, BG, BG, A]);
  });
});
