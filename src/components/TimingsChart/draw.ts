import { formatDuration } from "../../lib/format";
import {
  verdictLabel,
  type AxisBreak,
  type Tick,
  type TimeAxis,
  type TimingItem,
  type Verdict,
} from "../../lib/timings";
import { barEnd, barSpan, xOf, type PlotGeometry } from "./hitTest";
import { packRgba, rasterizeMinimap } from "./minimapRaster";
import { inkOn, type ChartPalette } from "./palette";
import type { ChartRow } from "./rows";

export interface BaselineBar {
  start: number;
  end: number;
}

export interface PlotScene {
  rows: readonly ChartRow[];
  geometry: PlotGeometry;
  heightPx: number;
  palette: ChartPalette;
  ticks: readonly Tick[];
  /** When set, rows whose id is not in it are dimmed (critical-path highlight). */
  highlight?: ReadonlySet<string>;
  /** The comparison build's bar per row id, already shifted onto this build's time. */
  baseline?: ReadonlyMap<string, BaselineBar>;
  /** Each row against its usual duration (asked only for the rows drawn). */
  verdictOf?: (row: ChartRow) => Verdict | undefined;
  hoverIndex?: number;
  focusIndex?: number;
  selectedId?: string;
  showNow: boolean;
  /** Pixel range being drag-selected. */
  selection?: { x0: number; x1: number };
}

const DIM_ALPHA = 0.22;

// Bar labels repeat from frame to frame while zooming, and measuring text is one of the dearer calls in a
// frame, so widths are remembered per font (bounded, in case a live build keeps making new ones).
const widths = new Map<string, number>();
const MAX_CACHED_WIDTHS = 5000;

function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  const key = `${ctx.font}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    if (widths.size >= MAX_CACHED_WIDTHS) widths.clear();
    w = ctx.measureText(text).width;
    widths.set(key, w);
  }
  return w;
}

/** Draws the visible rows only; everything else (DOM labels, the axis) is drawn elsewhere. */
export function drawPlot(ctx: CanvasRenderingContext2D, scene: PlotScene): void {
  const { geometry: g, palette: p, rows, heightPx } = scene;
  const w = g.widthPx;
  ctx.clearRect(0, 0, w, heightPx);

  ctx.fillStyle = p.border;
  for (const tick of scene.ticks) ctx.fillRect(Math.round(tick.x), 0, 1, heightPx);
  for (const b of g.axis.breaks) drawBreak(ctx, b, g, heightPx, p);

  const first = Math.max(0, Math.floor(g.scrollTop / g.rowHeight));
  const last = Math.min(rows.length - 1, Math.ceil((g.scrollTop + heightPx) / g.rowHeight));
  ctx.font = `11px ${p.fontFamily}`;
  ctx.textBaseline = "middle";
  for (let i = first; i <= last; i++) {
    const y = i * g.rowHeight - g.scrollTop;
    if (i === scene.focusIndex) {
      ctx.fillStyle = p.raised;
      ctx.fillRect(0, y, w, g.rowHeight);
    }
    drawRow(ctx, rows[i], y, scene, i === scene.hoverIndex);
  }

  if (scene.showNow) {
    const x = Math.round(xOf(g.now, g));
    if (x >= 0 && x <= w) {
      ctx.fillStyle = p.progress;
      ctx.fillRect(x - 1, 0, 2, heightPx);
    }
  }
  if (scene.selection) {
    const x0 = Math.min(scene.selection.x0, scene.selection.x1);
    const x1 = Math.max(scene.selection.x0, scene.selection.x1);
    ctx.globalAlpha = 0.15;
    ctx.fillStyle = p.accent;
    ctx.fillRect(x0, 0, x1 - x0, heightPx);
    ctx.globalAlpha = 1;
    ctx.strokeStyle = p.accent;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, 0.5, x1 - x0 - 1, heightPx - 1);
  }
}

function drawRow(ctx: CanvasRenderingContext2D, row: ChartRow, y: number, scene: PlotScene, hovered: boolean): void {
  const { geometry: g, palette: p } = scene;
  const isStage = row.kind === "stage";
  const baseline = scene.baseline?.get(row.id);
  const barH = isStage ? 16 : 12;
  const top = y + (scene.baseline ? 4 : (g.rowHeight - barH) / 2);
  const { x0, x1 } = barSpan(row, g);
  if (x1 < -200 || x0 > g.widthPx + 200) {
    if (baseline) drawBaseline(ctx, baseline, y, scene);
    return;
  }
  // A failed item is red; a stage keeps its hue and gets a red underline, so the stage stays legible.
  const colour = row.status === "failed" && !isStage ? p.failure : p.stage[row.stage.hue];
  const dimmed = scene.highlight !== undefined && !scene.highlight.has(row.id);
  const verdict = scene.verdictOf?.(row);
  if (verdict) drawUsualBand(ctx, row.start, verdict, top, barH, scene);
  ctx.globalAlpha = (dimmed ? DIM_ALPHA : 1) * (row.provisional ? 0.6 : 1);
  ctx.fillStyle = colour;
  const left = Math.max(x0, -2);
  const right = Math.min(x1, g.widthPx + 2);
  ctx.fillRect(left, top, right - left, barH);
  ctx.globalAlpha = dimmed ? DIM_ALPHA : 1;
  if (verdict) drawUsualMarks(ctx, row.start, verdict, right, top, barH, scene);

  if (row.running || row.provisional) {
    ctx.setLineDash([3, 2]);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1;
    ctx.strokeRect(left + 0.5, top + 0.5, right - left - 1, barH - 1);
    ctx.setLineDash([]);
  }
  if (isStage && row.status === "failed") {
    ctx.fillStyle = p.failure;
    ctx.fillRect(left, top + barH - 4, right - left, 4);
  }
  if (row.status === "attention") {
    ctx.fillStyle = p.attention;
    ctx.fillRect(right - 3, top, 3, barH);
  }
  if (scene.highlight?.has(row.id)) {
    ctx.strokeStyle = p.text;
    ctx.lineWidth = 1.5;
    ctx.strokeRect(left + 0.75, top + 0.75, right - left - 1.5, barH - 1.5);
  }
  if (hovered || row.id === scene.selectedId) {
    ctx.strokeStyle = row.id === scene.selectedId ? p.accent : p.text;
    ctx.lineWidth = 2;
    ctx.strokeRect(left - 1, top - 1, right - left + 2, barH + 2);
  }

  const label = verdict?.slow ? `${barLabel(row, g.now)} · ${verdictLabel(verdict)}` : barLabel(row, g.now);
  const textW = textWidth(ctx, label);
  const midY = top + barH / 2;
  if (x1 + 4 + textW <= g.widthPx) {
    ctx.fillStyle = row.status === "failed" ? p.failure : verdict?.slow ? p.attention : p.muted;
    ctx.fillText(label, x1 + 4, midY);
  } else if (right - left > textW + 8) {
    ctx.fillStyle = inkOn(colour);
    ctx.fillText(label, right - textW - 4, midY);
  }
  ctx.globalAlpha = 1;
  if (baseline) drawBaseline(ctx, baseline, y, scene);
}

/** The usual span of a bar: faint from its median end to its p90 end, behind the bar. */
function drawUsualBand(
  ctx: CanvasRenderingContext2D,
  start: number,
  v: Verdict,
  top: number,
  barH: number,
  scene: PlotScene,
): void {
  const g = scene.geometry;
  const x0 = xOf(start + v.typical.median, g);
  const x1 = Math.max(xOf(start + v.typical.p90, g), x0 + 1);
  if (x1 < 0 || x0 > g.widthPx) return;
  ctx.globalAlpha = 0.22;
  ctx.fillStyle = scene.palette.muted;
  ctx.fillRect(x0, top - 2, x1 - x0, barH + 4);
  ctx.globalAlpha = 1;
}

/** Over the bar: the part past its p90 tinted, and a tick at its usual (median) end. */
function drawUsualMarks(
  ctx: CanvasRenderingContext2D,
  start: number,
  v: Verdict,
  right: number,
  top: number,
  barH: number,
  scene: PlotScene,
): void {
  const { geometry: g, palette: p } = scene;
  const alpha = ctx.globalAlpha;
  if (v.slow) {
    const from = Math.max(xOf(start + v.typical.p90, g), -2);
    if (right > from) {
      ctx.fillStyle = p.attention;
      ctx.fillRect(from, top, right - from, barH);
    }
  }
  const x = Math.round(xOf(start + v.typical.median, g));
  if (x >= 0 && x <= g.widthPx) {
    ctx.globalAlpha = alpha * 0.75;
    ctx.fillStyle = p.text;
    ctx.fillRect(x - 0.5, top - 3, 1.5, barH + 6);
  }
  ctx.globalAlpha = alpha;
}

function drawBaseline(ctx: CanvasRenderingContext2D, bar: BaselineBar, y: number, scene: PlotScene): void {
  const { geometry: g, palette: p } = scene;
  const x0 = xOf(bar.start, g);
  const x1 = Math.max(xOf(bar.end, g), x0 + 2);
  if (x1 < 0 || x0 > g.widthPx) return;
  ctx.fillStyle = p.muted;
  ctx.globalAlpha = 0.7;
  ctx.fillRect(Math.max(x0, -2), y + g.rowHeight - 8, Math.min(x1, g.widthPx + 2) - Math.max(x0, -2), 4);
  ctx.globalAlpha = 1;
}

/** Duration next to the bar; a failed script also says how it ended. */
export function barLabel(row: ChartRow, now: number): string {
  const ms = barEnd(row, now) - row.start;
  const item: TimingItem | undefined = row.item;
  let text = formatDuration(ms);
  if (item?.exitCode !== undefined && item.status === "failed") text += ` · exit ${item.exitCode}`;
  else if (item?.scriptStatus === "timed_out") text += " · timed out";
  if (row.running) text += " …";
  return text;
}

function drawBreak(
  ctx: CanvasRenderingContext2D,
  b: AxisBreak,
  g: PlotGeometry,
  heightPx: number,
  p: ChartPalette,
): void {
  const x0 = xOf(b.start, g);
  const x1 = xOf(b.end, g);
  if (x1 < 0 || x0 > g.widthPx) return;
  ctx.fillStyle = p.raised;
  ctx.fillRect(x0, 0, x1 - x0, heightPx);
  ctx.strokeStyle = p.muted;
  ctx.lineWidth = 1;
  ctx.beginPath();
  // Two zig-zag edges: the conventional "axis break" mark.
  for (const x of [x0 + 1.5, x1 - 1.5]) {
    ctx.moveTo(x, 0);
    for (let y = 0; y < heightPx; y += 8) ctx.lineTo(x + (y % 16 === 0 ? 2 : -2), y + 8);
  }
  ctx.stroke();
}

export interface MinimapScene {
  items: readonly TimingItem[];
  axis: TimeAxis;
  now: number;
  palette: ChartPalette;
  hueOf: (item: TimingItem) => string;
}

// Theme colours can be any CSS colour (hex, rgb(), oklch()…): hex is read as it is, and for anything
// else the canvas itself says which pixel it is (a read-back that is dear on the first frame).
const pixelCache = new Map<string, number>();
let probe: CanvasRenderingContext2D | null | undefined;

function pixelOf(css: string): number {
  let pixel = pixelCache.get(css);
  if (pixel !== undefined) return pixel;
  const hex = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (hex) {
    const n = parseInt(hex[1], 16);
    pixel = packRgba((n >> 16) & 255, (n >> 8) & 255, n & 255);
    pixelCache.set(css, pixel);
    return pixel;
  }
  probe ??= document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  pixel = packRgba(0, 0, 0);
  if (probe) {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = css;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    pixel = packRgba(r, g, b);
  }
  pixelCache.set(css, pixel);
  return pixel;
}

/**
 * The whole build at a glance, into `canvas` at its backing size: every item as a thin run at its
 * row position, so 5,000 bars read as a shape. Drawn once per data change; frames only copy it.
 */
export function paintMinimap(canvas: HTMLCanvasElement, scene: MinimapScene): void {
  const ctx = canvas.getContext("2d");
  if (!ctx || canvas.width <= 0 || canvas.height <= 0) return;
  const image = ctx.createImageData(canvas.width, canvas.height);
  const colours = new Map<string, number>();
  const failure = pixelOf(scene.palette.failure);
  rasterizeMinimap(
    {
      items: scene.items,
      axis: scene.axis,
      width: canvas.width,
      height: canvas.height,
      now: scene.now,
      background: pixelOf(scene.palette.raised),
      colourOf: (item) => {
        if (item.status === "failed") return failure;
        const css = scene.hueOf(item);
        let pixel = colours.get(css);
        if (pixel === undefined) colours.set(css, (pixel = pixelOf(css)));
        return pixel;
      },
    },
    new Uint32Array(image.data.buffer),
  );
  ctx.putImageData(image, 0, 0);
}

/** Copies the cached overview and shades what is outside the current view. */
export function drawMinimapView(
  ctx: CanvasRenderingContext2D,
  cache: CanvasImageSource | undefined,
  from: number,
  to: number,
  length: number,
  w: number,
  h: number,
  p: ChartPalette,
): void {
  ctx.clearRect(0, 0, w, h);
  if (cache) ctx.drawImage(cache, 0, 0, w, h);
  const scale = w / Math.max(length, 1);
  const x0 = Math.max(0, from * scale);
  const x1 = Math.min(w, to * scale);
  ctx.globalAlpha = 0.55;
  ctx.fillStyle = p.panel;
  ctx.fillRect(0, 0, x0, h);
  ctx.fillRect(x1, 0, w - x1, h);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = p.accent;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x0 + 0.75, 0.75, Math.max(2, x1 - x0 - 1.5), h - 1.5);
}
