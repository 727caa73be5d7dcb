// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildTimingTree, linearAxis, STAGE_ORDER } from "../../lib/timings";
import { syntheticTimings } from "../../lib/timings/synthetic";
import { PlotController } from "./controller";
import { drawPlot, paintMinimap } from "./draw";
import { readPalette } from "./palette";
import { chartRows } from "./rows";

vi.mock("./draw", () => ({ drawPlot: vi.fn(), paintMinimap: vi.fn(), drawMinimapView: vi.fn() }));

/** A canvas whose 2D context does nothing (jsdom has none). */
function fakeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  const ctx = { setTransform: () => undefined } as unknown as CanvasRenderingContext2D;
  vi.spyOn(canvas, "getContext").mockReturnValue(ctx as never);
  return canvas;
}

/** A controller with `n` generated items, every stage expanded, sized and attached. */
function controllerOf(n: number, axisEl: HTMLElement | null): PlotController {
  const tree = buildTimingTree(syntheticTimings(n), { now: 0 });
  const controller = new PlotController();
  controller.attach(fakeCanvas(), fakeCanvas(), axisEl);
  controller.setSize(800, 400, 32);
  controller.setData({
    rows: chartRows(tree, { expanded: new Set(STAGE_ORDER) }).rows,
    items: tree.items,
    axis: linearAxis(tree.start, tree.end),
    now: tree.end,
    live: false,
    palette: readPalette(),
  });
  return controller;
}

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe("PlotController's first frame", () => {
  it("draws the bars at once and the overview strip only after that frame is painted", () => {
    vi.useFakeTimers();
    const controller = controllerOf(200, document.createElement("div"));
    controller.draw();
    expect(drawPlot).toHaveBeenCalledTimes(1);
    expect(paintMinimap).not.toHaveBeenCalled();

    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
    expect(paintMinimap).toHaveBeenCalledTimes(1);

    // From then on the strip is drawn with the bars, from its raster (painted once).
    controller.draw();
    expect(drawPlot).toHaveBeenCalledTimes(2);
    expect(paintMinimap).toHaveBeenCalledTimes(1);
    controller.dispose();
  });

  it("does not draw the strip for a controller disposed before the frame", () => {
    vi.useFakeTimers();
    const controller = controllerOf(50, null);
    controller.draw();
    controller.dispose();
    vi.advanceTimersToNextFrame();
    vi.runOnlyPendingTimers();
    expect(paintMinimap).not.toHaveBeenCalled();
  });
});
