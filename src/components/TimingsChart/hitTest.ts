import type { TimeAxis } from "../../lib/timings";
import type { ChartRow } from "./rows";
import type { Viewport } from "./viewport";

/** Bars thinner than this are drawn this wide, and hit-tested the same. */
export const MIN_BAR_PX = 2;
const SLOP_PX = 3;

export interface PlotGeometry {
  axis: TimeAxis;
  view: Viewport;
  widthPx: number;
  rowHeight: number;
  /** Pixels scrolled off the top of the row list. */
  scrollTop: number;
  /** End used for running bars (the live clock). */
  now: number;
}

export function barEnd(row: Pick<ChartRow, "end" | "running">, now: number): number {
  return row.running ? Math.max(row.end, now) : row.end;
}

/** Pixel x of a real time. */
export function xOf(t: number, g: Pick<PlotGeometry, "axis" | "view" | "widthPx">): number {
  return ((g.axis.toAxis(t) - g.view.from) / (g.view.to - g.view.from)) * g.widthPx;
}

/** Horizontal pixel extent of a row's bar, widened to the minimum visible width. */
export function barSpan(row: ChartRow, g: PlotGeometry): { x0: number; x1: number } {
  const x0 = xOf(row.start, g);
  const x1 = xOf(barEnd(row, g.now), g);
  return { x0, x1: Math.max(x1, x0 + MIN_BAR_PX) };
}

/** The row under a pointer, and whether the pointer is on (or within a few pixels of) its bar. */
export function hitTest(
  rows: readonly ChartRow[],
  g: PlotGeometry,
  x: number,
  y: number,
): { index: number; onBar: boolean } | undefined {
  const index = Math.floor((y + g.scrollTop) / g.rowHeight);
  if (index < 0 || index >= rows.length) return undefined;
  const { x0, x1 } = barSpan(rows[index], g);
  return { index, onBar: x >= x0 - SLOP_PX && x <= x1 + SLOP_PX };
}
