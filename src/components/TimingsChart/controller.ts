import { axisTicks, stageMeta, type TimeAxis, type TimingItem, type Verdict } from "../../lib/timings";
import { formatDuration } from "../../lib/format";
import { drawMinimapView, drawPlot, paintMinimap, type BaselineBar } from "./draw";
import { hitTest, type PlotGeometry } from "./hitTest";
import type { ChartPalette } from "./palette";
import type { ChartRow } from "./rows";
import { clampView, fullView, isFullView, panBy, zoomAround, type Viewport } from "./viewport";

export const ROW_HEIGHT = 28;
const COMMIT_DELAY_MS = 300;

export interface PlotData {
  rows: readonly ChartRow[];
  items: readonly TimingItem[];
  axis: TimeAxis;
  now: number;
  live: boolean;
  palette: ChartPalette;
  highlight?: ReadonlySet<string>;
  baseline?: ReadonlyMap<string, BaselineBar>;
  /** Each row against its usual duration (median marker, p90 band, tint past the p90). */
  verdictOf?: (row: ChartRow) => Verdict | undefined;
  selectedId?: string;
  focusIndex?: number;
}

export interface PlotCallbacks {
  /** The zoom range settled (debounced): real ms from the build start, or undefined at full view. */
  onViewCommit?: (range: [number, number] | undefined) => void;
  /** How long the last frame's drawing took, ms (benchmarks read this). */
  onDrawn?: (ms: number) => void;
}

/**
 * Owns the canvas, the view window and the axis labels, outside React: zoom and pan touch only a
 * ref and a canvas per frame, never a React render, so frames stay within a few milliseconds.
 */
export class PlotController {
  private canvas?: HTMLCanvasElement;
  private minimap?: HTMLCanvasElement;
  private axisEl?: HTMLElement;
  private minimapCache?: HTMLCanvasElement;
  private minimapKey: unknown[] = [];
  private data?: PlotData;
  private widthPx = 0;
  private heightPx = 0;
  private minimapHeightPx = 0;
  private scrollTop = 0;
  private viewport: Viewport = { from: 0, to: 1 };
  /** Real-time twin of the viewport, so a change of axis (gaps compressed, live growth) keeps the range. */
  private realRange?: [number, number];
  /** While true the view tracks the whole build (a live build keeps fitting). */
  private following = true;
  private hover?: number;
  private selection?: { x0: number; x1: number };
  private frame = 0;
  private commitTimer?: ReturnType<typeof setTimeout>;
  private tickPool: HTMLSpanElement[] = [];
  private callbacks: PlotCallbacks;

  constructor(callbacks: PlotCallbacks = {}) {
    this.callbacks = callbacks;
  }

  setCallbacks(callbacks: PlotCallbacks): void {
    this.callbacks = callbacks;
  }

  attach(canvas: HTMLCanvasElement | null, minimap: HTMLCanvasElement | null, axisEl: HTMLElement | null): void {
    this.canvas = canvas ?? undefined;
    this.minimap = minimap ?? undefined;
    this.axisEl = axisEl ?? undefined;
    this.disposed = false;
    this.requestDraw();
  }

  /** Starts zoomed to `range` (real ms from the build start) instead of the whole build. */
  setInitialRange(range: [number, number] | undefined, axis: TimeAxis): void {
    if (!range) return;
    this.following = false;
    this.realRange = [axis.start + range[0], axis.start + range[1]];
  }

  setData(data: PlotData): void {
    const axisChanged = this.data?.axis !== data.axis;
    this.data = data;
    if (axisChanged) {
      if (this.following || !this.realRange) this.viewport = fullView(data.axis.length);
      else
        this.viewport = clampView(
          { from: data.axis.toAxis(this.realRange[0]), to: data.axis.toAxis(this.realRange[1]) },
          data.axis.length,
        );
    }
    if (this.hover !== undefined && this.hover >= data.rows.length) this.hover = undefined;
    this.requestDraw();
  }

  /** Returns whether anything changed (the caller then draws at once instead of next frame). */
  setSize(widthPx: number, heightPx: number, minimapHeightPx: number): boolean {
    if (widthPx === this.widthPx && heightPx === this.heightPx && minimapHeightPx === this.minimapHeightPx)
      return false;
    this.widthPx = widthPx;
    this.heightPx = heightPx;
    this.minimapHeightPx = minimapHeightPx;
    this.minimapKey = [];
    this.requestDraw();
    return true;
  }

  setScrollTop(px: number): void {
    this.scrollTop = px;
    this.requestDraw();
  }

  view(): Viewport {
    return this.viewport;
  }

  width(): number {
    return this.widthPx;
  }

  geometry(): PlotGeometry | undefined {
    if (!this.data) return undefined;
    return {
      axis: this.data.axis,
      view: this.viewport,
      widthPx: this.widthPx,
      rowHeight: ROW_HEIGHT,
      scrollTop: this.scrollTop,
      now: this.data.now,
    };
  }

  hit(x: number, y: number): { index: number; onBar: boolean } | undefined {
    const g = this.geometry();
    return g && this.data ? hitTest(this.data.rows, g, x, y) : undefined;
  }

  setHover(index: number | undefined): void {
    if (index === this.hover) return;
    this.hover = index;
    this.requestDraw();
  }

  setSelection(selection: { x0: number; x1: number } | undefined): void {
    this.selection = selection;
    this.requestDraw();
  }

  // ---- view changes -------------------------------------------------------------------------

  setView(view: Viewport): void {
    if (!this.data) return;
    this.viewport = clampView(view, this.data.axis.length);
    this.following = isFullView(this.viewport, this.data.axis.length);
    this.realRange = this.following
      ? undefined
      : [this.data.axis.fromAxis(this.viewport.from), this.data.axis.fromAxis(this.viewport.to)];
    this.requestDraw();
    this.scheduleCommit();
  }

  /** Axis units at a pixel x of the plot. */
  axisAt(x: number): number {
    const span = this.viewport.to - this.viewport.from;
    return this.viewport.from + (x / Math.max(this.widthPx, 1)) * span;
  }

  zoomAt(x: number, factor: number): void {
    if (!this.data) return;
    this.setView(zoomAround(this.viewport, this.axisAt(x), factor, this.data.axis.length));
  }

  zoomCentre(factor: number): void {
    this.zoomAt(this.widthPx / 2, factor);
  }

  panPx(dx: number): void {
    if (!this.data) return;
    const span = this.viewport.to - this.viewport.from;
    this.setView(panBy(this.viewport, (dx / Math.max(this.widthPx, 1)) * span, this.data.axis.length));
  }

  /** Pans from a view captured at drag start, so a drag is exact however many events arrive. */
  panFrom(start: Viewport, dxPx: number): void {
    if (!this.data) return;
    const span = start.to - start.from;
    this.setView(panBy(start, (-dxPx / Math.max(this.widthPx, 1)) * span, this.data.axis.length));
  }

  zoomToPixels(x0: number, x1: number): void {
    const a = this.axisAt(Math.min(x0, x1));
    const b = this.axisAt(Math.max(x0, x1));
    if (b > a) this.setView({ from: a, to: b });
  }

  /** Shows [t0, t1] (real times) with a margin, zooming only if it does not fit already. */
  reveal(t0: number, t1: number): void {
    if (!this.data) return;
    const axis = this.data.axis;
    const a = axis.toAxis(t0);
    const b = axis.toAxis(t1);
    const span = this.viewport.to - this.viewport.from;
    if (a >= this.viewport.from && b <= this.viewport.to) return;
    if (b - a < span * 0.9) {
      const mid = (a + b) / 2;
      this.setView({ from: mid - span / 2, to: mid + span / 2 });
    } else {
      const margin = (b - a) * 0.1;
      this.setView({ from: a - margin, to: b + margin });
    }
  }

  /** Centres the view on a fraction (0–1) of the whole build, keeping the zoom (the minimap). */
  centreOnFraction(f: number): void {
    if (!this.data) return;
    const span = this.viewport.to - this.viewport.from;
    const mid = f * this.data.axis.length;
    this.setView({ from: mid - span / 2, to: mid + span / 2 });
  }

  reset(): void {
    if (!this.data) return;
    this.setView(fullView(this.data.axis.length));
  }

  private scheduleCommit(): void {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = setTimeout(() => {
      this.commitTimer = undefined;
      const data = this.data;
      if (!data) return;
      this.callbacks.onViewCommit?.(
        this.realRange ? [this.realRange[0] - data.axis.start, this.realRange[1] - data.axis.start] : undefined,
      );
    }, COMMIT_DELAY_MS);
  }

  // ---- drawing ------------------------------------------------------------------------------

  requestDraw(): void {
    if (this.frame || typeof requestAnimationFrame === "undefined") return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws now (also used for the first frame, so it lands in the same task as the render). */
  draw(): void {
    const data = this.data;
    if (!data || this.widthPx <= 0) return;
    // Drawn now with the latest state: a frame already requested would only draw the same again.
    if (this.frame) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    }
    const t0 = performance.now();
    if (data.live && this.following) this.viewport = fullView(data.axis.length);
    const g = this.geometry()!;
    const ticks = axisTicks(data.axis, { from: this.viewport.from, to: this.viewport.to, widthPx: this.widthPx });
    this.renderAxis(
      ticks.map((t) => ({ x: t.x, label: t.label })),
      g,
    );

    const ctx = prepare(this.canvas, this.widthPx, this.heightPx);
    if (ctx) {
      drawPlot(ctx, {
        rows: data.rows,
        geometry: g,
        heightPx: this.heightPx,
        palette: data.palette,
        ticks,
        highlight: data.highlight,
        baseline: data.baseline,
        verdictOf: data.verdictOf,
        hoverIndex: this.hover,
        focusIndex: data.focusIndex,
        selectedId: data.selectedId,
        showNow: data.live,
        selection: this.selection,
      });
    }
    // The overview strip's first raster (every item into a pixel buffer) waits until the bars
    // are on screen: it is below them, and it cost the first frame 15–35 ms here.
    if (this.minimapCache) this.drawOverview(data);
    else this.overviewLater();
    this.canvas?.parentElement?.setAttribute(
      "data-view",
      `${Math.round(data.axis.fromAxis(this.viewport.from) - data.axis.start)}-${Math.round(data.axis.fromAxis(this.viewport.to) - data.axis.start)}`,
    );
    this.callbacks.onDrawn?.(performance.now() - t0);
  }

  private overviewPending = false;
  /** Between dispose and the next attach (React may attach the same controller again). */
  private disposed = false;

  private overviewLater(): void {
    if (this.overviewPending) return;
    this.overviewPending = true;
    afterNextPaint(() => {
      this.overviewPending = false;
      if (!this.disposed && this.data && this.widthPx > 0) this.drawOverview(this.data);
    });
  }

  private drawOverview(data: PlotData): void {
    const ctx = prepare(this.minimap, this.widthPx, this.minimapHeightPx);
    if (!ctx) return;
    const key = [data.items, data.axis, data.palette, this.widthPx, this.minimapHeightPx];
    if (!this.minimapCache || key.some((k, i) => k !== this.minimapKey[i])) {
      this.minimapKey = key;
      this.minimapCache ??= document.createElement("canvas");
      const dpr = devicePixelRatioOf();
      this.minimapCache.width = Math.max(1, Math.round(this.widthPx * dpr));
      this.minimapCache.height = Math.max(1, Math.round(this.minimapHeightPx * dpr));
      paintMinimap(this.minimapCache, {
        items: data.items,
        axis: data.axis,
        now: data.now,
        palette: data.palette,
        hueOf: (item) => data.palette.stage[stageMeta(item.stage).hue],
      });
    }
    drawMinimapView(
      ctx,
      this.minimapCache,
      this.viewport.from,
      this.viewport.to,
      data.axis.length,
      this.widthPx,
      this.minimapHeightPx,
      data.palette,
    );
  }

  /** Tick and break labels as DOM (crisp, selectable, readable by tests), reusing a pool of spans. */
  private renderAxis(ticks: Array<{ x: number; label: string }>, g: PlotGeometry): void {
    const el = this.axisEl;
    if (!el) return;
    const labels = ticks.map((t) => ({ ...t, kind: "tick" }));
    for (const b of g.axis.breaks) {
      const x0 = ((g.axis.toAxis(b.start) - g.view.from) / (g.view.to - g.view.from)) * g.widthPx;
      const x1 = ((g.axis.toAxis(b.end) - g.view.from) / (g.view.to - g.view.from)) * g.widthPx;
      if (x1 >= 0 && x0 <= g.widthPx)
        labels.push({ x: (x0 + x1) / 2, label: `⋯ ${formatDuration(b.duration)}`, kind: "break" });
    }
    while (this.tickPool.length < labels.length) {
      const span = el.ownerDocument.createElement("span");
      el.appendChild(span);
      this.tickPool.push(span);
    }
    this.tickPool.forEach((span, i) => {
      const label = labels[i];
      if (!label) {
        span.hidden = true;
        return;
      }
      span.hidden = false;
      if (span.textContent !== label.label) span.textContent = label.label;
      // Only what changed is written: each write costs style work in a frame that has 8 ms.
      if (span.dataset.kind !== label.kind) {
        span.dataset.kind = label.kind;
        span.className =
          label.kind === "tick"
            ? "absolute top-0 whitespace-nowrap pl-1 text-[11px] leading-6 tabular-nums text-muted"
            : "absolute top-0 -translate-x-1/2 whitespace-nowrap rounded bg-raised px-1 text-[10px] leading-6 text-text";
      }
      const left = `${Math.round(label.x)}px`;
      if (span.style.left !== left) span.style.left = left;
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.frame = 0;
  }
}

/** Runs `fn` in a task after the next frame has been painted (at once-ish where there are no frames). */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === "undefined") return void setTimeout(fn, 0);
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function devicePixelRatioOf(): number {
  return typeof window !== "undefined" && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
}

/** Sizes the backing store for the device pixel ratio and returns a context in CSS pixels. */
function prepare(canvas: HTMLCanvasElement | undefined, w: number, h: number): CanvasRenderingContext2D | undefined {
  if (!canvas || w <= 0 || h <= 0) return undefined;
  const dpr = devicePixelRatioOf();
  const bw = Math.round(w * dpr);
  const bh = Math.round(h * dpr);
  if (canvas.width !== bw) canvas.width = bw;
  if (canvas.height !== bh) canvas.height = bh;
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext("2d");
  } catch {
    // jsdom has no canvas; the DOM parts still work.
    return undefined;
  }
  if (!ctx) return undefined;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
