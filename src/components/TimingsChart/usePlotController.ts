import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { PlotController, type PlotCallbacks, type PlotData } from "./controller";
import { readPalette } from "./palette";
import { wheelZoomFactor } from "./viewport";

export const MINIMAP_HEIGHT = 32;

export interface PlotElements {
  plot: RefObject<HTMLDivElement | null>;
  canvas: RefObject<HTMLCanvasElement | null>;
  minimap: RefObject<HTMLCanvasElement | null>;
  axis: RefObject<HTMLDivElement | null>;
}

/**
 * The PlotController of one plot, fed from React: its data, its size (drawn in the commit, so the
 * first frame is on screen at the next paint), the theme's colours, and wheel zoom.
 */
export function usePlotController({
  elements,
  data,
  bodyHeight,
  initialRange,
  callbacks,
}: {
  elements: PlotElements;
  data: Omit<PlotData, "palette">;
  bodyHeight: number;
  /** Zoom range to start with, real ms from the build start. */
  initialRange?: [number, number];
  callbacks: PlotCallbacks;
}): PlotController {
  const controller = useMemo(() => new PlotController(), []);
  const [palette, setPalette] = useState(readPalette);

  controller.setCallbacks(callbacks);

  const initialised = useRef(false);
  if (!initialised.current) {
    initialised.current = true;
    controller.setInitialRange(initialRange, data.axis);
  }

  useLayoutEffect(() => {
    controller.attach(elements.canvas.current, elements.minimap.current, elements.axis.current);
    return () => controller.dispose();
  }, [controller, elements]);

  // Everything a frame depends on; the controller draws on the next animation frame.
  const { rows, items, axis, now, live, highlight, baseline, verdictOf, selectedId, focusIndex } = data;
  useLayoutEffect(() => {
    controller.setData({
      rows,
      items,
      axis,
      now,
      live,
      palette,
      highlight,
      baseline,
      verdictOf,
      selectedId,
      focusIndex,
    });
  }, [controller, rows, items, axis, now, live, palette, highlight, baseline, verdictOf, selectedId, focusIndex]);

  // The first frame is drawn here, in the commit, so it is on screen at the next paint. Reading the
  // width forces the layout the browser was about to do anyway; the width never goes through React
  // state (the label column is a container query), so there is no second render and no second layout.
  const bodyHeightRef = useRef(bodyHeight);
  bodyHeightRef.current = bodyHeight;
  useLayoutEffect(() => {
    if (controller.setSize(controller.width(), bodyHeight, MINIMAP_HEIGHT)) controller.draw();
  }, [controller, bodyHeight]);

  useLayoutEffect(() => {
    const plot = elements.plot.current;
    if (!plot) return;
    const resize = (width: number) => {
      if (controller.setSize(Math.floor(width), bodyHeightRef.current, MINIMAP_HEIGHT)) controller.draw();
    };
    resize(plot.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => resize(entries[entries.length - 1].contentRect.width));
    observer.observe(plot);
    return () => observer.disconnect();
  }, [controller, elements]);

  // Theme switches change the CSS variables the canvas paints with.
  useEffect(() => {
    if (typeof MutationObserver === "undefined") return;
    const observer = new MutationObserver(() => setPalette(readPalette()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style"] });
    return () => observer.disconnect();
  }, []);

  // Wheel zooms around the pointer (trackpad pinch arrives as ctrl+wheel); horizontal swipes pan.
  // A native listener, because React's is passive and could not keep the page from scrolling.
  useEffect(() => {
    const plot = elements.plot.current;
    if (!plot) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const x = e.clientX - plot.getBoundingClientRect().left;
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) controller.panPx(e.deltaMode === 1 ? e.deltaX * 16 : e.deltaX);
      else controller.zoomAt(x, wheelZoomFactor(e.deltaY, e.deltaMode, e.ctrlKey));
    };
    plot.addEventListener("wheel", onWheel, { passive: false });
    return () => plot.removeEventListener("wheel", onWheel);
  }, [controller, elements]);

  return controller;
}
