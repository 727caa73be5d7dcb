import { describe, expect, it } from "vitest";
import { clampView, fullView, isFullView, MIN_SPAN, panBy, wheelZoomFactor, zoomAround } from "./viewport";

describe("viewport math", () => {
  it("zooms around the anchor, keeping it at the same place", () => {
    const v = zoomAround({ from: 0, to: 100 }, 25, 0.5, 100);
    expect(v).toEqual({ from: 12.5, to: 62.5 });
    expect((25 - v.from) / (v.to - v.from)).toBeCloseTo(0.25);
  });

  it("stops at the minimum span and at the build (plus a little overscroll)", () => {
    const tiny = zoomAround({ from: 0, to: 10 }, 5, 1e-6, 100);
    expect(tiny.to - tiny.from).toBe(MIN_SPAN);
    expect(zoomAround({ from: 0, to: 100 }, 50, 10, 100)).toEqual({ from: -5, to: 105 });
    expect(panBy({ from: 0, to: 50 }, 500, 100)).toEqual({ from: 55, to: 105 });
    expect(panBy({ from: 0, to: 50 }, -500, 100)).toEqual({ from: -5, to: 45 });
  });

  it("knows the full view and converts wheel deltas (pinch is more sensitive)", () => {
    expect(fullView(0)).toEqual({ from: 0, to: MIN_SPAN });
    expect(isFullView(clampView({ from: 0, to: 100 }, 100), 100)).toBe(true);
    expect(isFullView({ from: 1, to: 100 }, 100)).toBe(false);
    expect(wheelZoomFactor(-100, 0, false)).toBeLessThan(1);
    expect(wheelZoomFactor(100, 0, false)).toBeGreaterThan(1);
    expect(wheelZoomFactor(-10, 0, true)).toBeLessThan(wheelZoomFactor(-10, 0, false));
    expect(wheelZoomFactor(-3, 1, false)).toBeCloseTo(wheelZoomFactor(-48, 0, false));
  });
});
