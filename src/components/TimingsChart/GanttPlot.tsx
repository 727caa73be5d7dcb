import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from "react";
import { Maximize2, SquareDashedMousePointer, ZoomIn, ZoomOut } from "lucide-react";
import type { CompareRow, TimeAxis, TimingItem, Verdict } from "../../lib/timings";
import { Button } from "../Button";
import { cx } from "../cx";
import { PlotController, ROW_HEIGHT } from "./controller";
import { rowFacts, rowSummary } from "./describe";
import type { BaselineBar } from "./draw";
import { barEnd, barSpan } from "./hitTest";
import { readPalette, type ChartPalette } from "./palette";
import { RowLabel } from "./RowLabel";
import type { ChartRow } from "./rows";
import { wheelZoomFactor, type Viewport } from "./viewport";
import { formatCount } from "../../lib/format";

export interface GanttPlotProps {
  rows: readonly ChartRow[];
  /** Every item, for the overview strip. */
  items: readonly TimingItem[];
  axis: TimeAxis;
  now: number;
  live: boolean;
  expanded: ReadonlySet<string>;
  highlight?: ReadonlySet<string>;
  baseline?: ReadonlyMap<string, BaselineBar>;
  deltas?: ReadonlyMap<string, CompareRow>;
  verdicts?: ReadonlyMap<string, Verdict>;
  selectedId?: string;
  /** Zoom range to start with, real ms from the build start. */
  initialRange?: [number, number];
  /** Scroll to this row and bring its bar into view whenever the nonce changes. */
  reveal?: { id: string; nonce: number };
  onRangeCommit?: (range: [number, number] | undefined) => void;
  onToggleStage: (id: string) => void;
  onSelectRow: (row: ChartRow) => void;
  onDrawn?: (ms: number) => void;
  maxBodyHeight?: number;
}

const MINIMAP_HEIGHT = 32;
const DRAG_THRESHOLD_PX = 4;
const KEY_ZOOM = 1.5;

interface Drag {
  pointerId: number;
  x: number;
  y: number;
  view: Viewport;
  mode: "pan" | "select";
  moved: boolean;
}

/** Labels, axis, canvas and overview; zoom and pan run through the PlotController, not React. */
export function GanttPlot(props: GanttPlotProps) {
  const { rows, axis, now, live } = props;
  const controller = useMemo(() => new PlotController(), []);
  const bodyRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const minimapRef = useRef<HTMLCanvasElement>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const dragRef = useRef<Drag | undefined>(undefined);
  const pinchRef = useRef(new Map<number, { x: number; y: number }>());
  const [palette, setPalette] = useState<ChartPalette>(() => readPalette());
  const [scrollTop, setScrollTop] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | undefined>(undefined);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | undefined>(undefined);
  const [selectMode, setSelectMode] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const helpId = useId();
  const tooltipId = useId();

  const totalHeight = rows.length * ROW_HEIGHT;
  const bodyHeight = Math.max(ROW_HEIGHT * 3, Math.min(totalHeight, props.maxBodyHeight ?? 560));

  controller.setCallbacks({ onViewCommit: props.onRangeCommit, onDrawn: props.onDrawn });

  const initialised = useRef(false);
  if (!initialised.current) {
    initialised.current = true;
    controller.setInitialRange(props.initialRange, axis);
  }

  useLayoutEffect(() => {
    controller.attach(canvasRef.current, minimapRef.current, axisRef.current);
    return () => controller.dispose();
  }, [controller]);

  // Everything a frame depends on; the controller draws on the next animation frame.
  useLayoutEffect(() => {
    controller.setData({
      rows,
      items: props.items,
      axis,
      now,
      live,
      palette,
      highlight: props.highlight,
      baseline: props.baseline,
      verdicts: props.verdicts,
      selectedId: props.selectedId,
      focusIndex,
    });
  }, [
    controller,
    rows,
    props.items,
    axis,
    now,
    live,
    palette,
    props.highlight,
    props.baseline,
    props.verdicts,
    props.selectedId,
    focusIndex,
  ]);

  // A tooltip for a row that a filter or a collapse just removed would describe another row.
  useEffect(() => setHover(undefined), [rows]);

  // The first frame is drawn here, in the commit, so it is on screen at the next paint. Reading the
  // width forces the layout the browser was about to do anyway; the width never goes through React
  // state (the label column is a container query), so there is no second render and no second layout.
  const bodyHeightRef = useRef(bodyHeight);
  bodyHeightRef.current = bodyHeight;
  useLayoutEffect(() => {
    if (controller.setSize(controller.width(), bodyHeight, MINIMAP_HEIGHT)) controller.draw();
  }, [controller, bodyHeight]);

  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const resize = (width: number) => {
      if (controller.setSize(Math.floor(width), bodyHeightRef.current, MINIMAP_HEIGHT)) controller.draw();
    };
    resize(plot.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => resize(entries[entries.length - 1].contentRect.width));
    observer.observe(plot);
    return () => observer.disconnect();
  }, [controller]);

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
    const plot = plotRef.current;
    if (!plot) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const x = e.clientX - plot.getBoundingClientRect().left;
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) controller.panPx(e.deltaMode === 1 ? e.deltaX * 16 : e.deltaX);
      else controller.zoomAt(x, wheelZoomFactor(e.deltaY, e.deltaMode, e.ctrlKey));
    };
    plot.addEventListener("wheel", onWheel, { passive: false });
    return () => plot.removeEventListener("wheel", onWheel);
  }, [controller]);

  const scrollRowIntoView = useCallback((index: number) => {
    const body = bodyRef.current;
    if (!body) return;
    const top = index * ROW_HEIGHT;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight)
      body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
  }, []);

  useEffect(() => {
    if (!props.reveal) return;
    const index = rows.findIndex((r) => r.id === props.reveal!.id);
    if (index < 0) return;
    scrollRowIntoView(index);
    setFocusIndex(index);
    controller.reveal(rows[index].start, barEnd(rows[index], now));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new reveal request moves the view, not every data change
  }, [props.reveal?.nonce, props.reveal?.id, rows]);

  const positionTooltip = useCallback((x: number, y: number) => {
    const tip = tooltipRef.current;
    const plot = plotRef.current;
    if (!tip || !plot) return;
    const maxX = plot.clientWidth - tip.offsetWidth - 4;
    const left = Math.max(4, Math.min(x + 14, maxX));
    const below = y + 16 + tip.offsetHeight < plot.clientHeight;
    tip.style.transform = `translate(${left}px, ${below ? y + 16 : Math.max(0, y - tip.offsetHeight - 8)}px)`;
  }, []);

  useLayoutEffect(() => {
    if (hover) positionTooltip(hover.x, hover.y);
  }, [hover, positionTooltip]);

  const localPoint = (e: { clientX: number; clientY: number }) => {
    const rect = plotRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const p = localPoint(e);
    pinchRef.current.set(e.pointerId, p);
    if (e.button !== 0) return;
    plotRef.current?.setPointerCapture?.(e.pointerId);
    dragRef.current = {
      pointerId: e.pointerId,
      x: p.x,
      y: p.y,
      view: controller.view(),
      mode: e.shiftKey || selectMode ? "select" : "pan",
      moved: false,
    };
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = localPoint(e);
    const pointers = pinchRef.current;
    if (pointers.has(e.pointerId) && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const before = Math.abs(a.x - b.x);
      pointers.set(e.pointerId, p);
      const [c, d] = [...pointers.values()];
      const after = Math.abs(c.x - d.x);
      if (before > 10 && after > 10) controller.zoomAt((c.x + d.x) / 2, before / after);
      dragRef.current = undefined;
      return;
    }
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, p);
    const drag = dragRef.current;
    if (drag && drag.pointerId === e.pointerId) {
      const dx = p.x - drag.x;
      if (!drag.moved && Math.abs(dx) < DRAG_THRESHOLD_PX && Math.abs(p.y - drag.y) < DRAG_THRESHOLD_PX) return;
      drag.moved = true;
      if (drag.mode === "pan") controller.panFrom(drag.view, dx);
      else controller.setSelection({ x0: drag.x, x1: p.x });
      setHover(undefined);
      return;
    }
    const hit = controller.hit(p.x, p.y);
    const index = hit?.onBar ? hit.index : undefined;
    controller.setHover(index);
    if (index === undefined) setHover(undefined);
    else if (hover?.index === index) positionTooltip(p.x, p.y);
    else setHover({ index, x: p.x, y: p.y });
  };

  const endPointer = (e: PointerEvent<HTMLDivElement>, cancelled: boolean) => {
    pinchRef.current.delete(e.pointerId);
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== e.pointerId) return;
    dragRef.current = undefined;
    const p = localPoint(e);
    if (drag.mode === "select" && drag.moved) {
      controller.setSelection(undefined);
      if (!cancelled && Math.abs(p.x - drag.x) >= DRAG_THRESHOLD_PX) controller.zoomToPixels(drag.x, p.x);
      return;
    }
    if (drag.moved || cancelled) return;
    const hit = controller.hit(p.x, p.y);
    if (hit?.onBar) {
      setFocusIndex(hit.index);
      props.onSelectRow(rows[hit.index]);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const span = controller.width();
    let handled = true;
    switch (e.key) {
      case "+":
      case "=":
        controller.zoomCentre(1 / KEY_ZOOM);
        break;
      case "-":
      case "_":
        controller.zoomCentre(KEY_ZOOM);
        break;
      case "0":
        controller.reset();
        break;
      case "ArrowLeft":
        controller.panPx(-span * 0.1);
        break;
      case "ArrowRight":
        controller.panPx(span * 0.1);
        break;
      case "ArrowDown":
      case "ArrowUp":
      case "Home":
      case "End": {
        if (rows.length === 0) break;
        const current = focusIndex ?? -1;
        const next =
          e.key === "Home"
            ? 0
            : e.key === "End"
              ? rows.length - 1
              : Math.max(0, Math.min(rows.length - 1, current + (e.key === "ArrowDown" ? 1 : -1)));
        setFocusIndex(next);
        scrollRowIntoView(next);
        controller.reveal(rows[next].start, barEnd(rows[next], now));
        setAnnouncement(rowSummary(rows[next], axis.start, now, props.verdicts?.get(rows[next].id)));
        break;
      }
      case "Enter":
        if (focusIndex !== undefined && rows[focusIndex]) props.onSelectRow(rows[focusIndex]);
        break;
      case " ":
        if (focusIndex !== undefined && rows[focusIndex]?.kind === "stage") props.onToggleStage(rows[focusIndex].id);
        break;
      case "Escape":
        setFocusIndex(undefined);
        setHover(undefined);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  // Keyboard focus shows the same tooltip as hovering, anchored at the bar.
  const keyboardTip = useMemo(() => {
    if (focusIndex === undefined || hover || !rows[focusIndex]) return undefined;
    const g = controller.geometry();
    if (!g) return undefined;
    const { x0 } = barSpan(rows[focusIndex], g);
    return {
      index: focusIndex,
      x: Math.max(0, Math.min(x0, controller.width() - 40)),
      y: focusIndex * ROW_HEIGHT - scrollTop + ROW_HEIGHT / 2,
    };
  }, [focusIndex, hover, rows, controller, scrollTop]);
  const tip = hover ?? keyboardTip;
  useLayoutEffect(() => {
    if (keyboardTip) positionTooltip(keyboardTip.x, keyboardTip.y);
  }, [keyboardTip, positionTooltip]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 4);
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + 4);
  const visible: number[] = [];
  for (let i = first; i <= last; i++) visible.push(i);

  const minimapDrag = useRef(false);
  const onMinimapPointer = (e: PointerEvent<HTMLCanvasElement>, phase: "down" | "move" | "up") => {
    if (phase === "down") {
      minimapDrag.current = true;
      e.currentTarget.setPointerCapture?.(e.pointerId);
    }
    if (phase === "up") minimapDrag.current = false;
    if (!minimapDrag.current && phase !== "up") return;
    const rect = e.currentTarget.getBoundingClientRect();
    controller.centreOnFraction((e.clientX - rect.left) / Math.max(rect.width, 1));
  };

  // Label column: narrow on phones. A container query, so the width never needs a React render.
  const columns = "grid grid-cols-[140px_minmax(0,1fr)] @2xl:grid-cols-[260px_minmax(0,1fr)]";
  return (
    <div className="@container overflow-hidden rounded-md border border-border bg-panel">
      <div className="flex flex-wrap items-center gap-1 border-b border-border px-2 py-1">
        <Button
          size="sm"
          variant="ghost"
          aria-label="Zoom out"
          title="Zoom out (−)"
          onClick={() => controller.zoomCentre(KEY_ZOOM)}
        >
          <ZoomOut aria-hidden className="size-3.5" />
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label="Zoom in"
          title="Zoom in (+)"
          onClick={() => controller.zoomCentre(1 / KEY_ZOOM)}
        >
          <ZoomIn aria-hidden className="size-3.5" />
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label="Reset zoom"
          title="Reset zoom (0 or double-click)"
          onClick={() => controller.reset()}
        >
          <Maximize2 aria-hidden className="size-3.5" />
        </Button>
        <Button
          size="sm"
          variant={selectMode ? "secondary" : "ghost"}
          aria-pressed={selectMode}
          title="Drag to zoom to a range (or hold Shift while dragging)"
          onClick={() => setSelectMode((v) => !v)}
        >
          <SquareDashedMousePointer aria-hidden className="size-3.5" />
          <span className="hidden sm:inline">Select range</span>
        </Button>
        <p id={helpId} className="ml-auto hidden text-[11px] text-muted md:block">
          Wheel to zoom · drag to pan · Shift+drag to zoom to a range · double-click or 0 to reset · ↑↓ to move between
          bars, Enter for logs
        </p>
      </div>

      <div className={cx(columns, "border-b border-border")}>
        <div className="border-r border-border px-2 text-[11px] leading-6 text-muted">
          {formatCount(rows.length)} rows
        </div>
        <div ref={axisRef} aria-hidden data-testid="timings-axis" className="relative h-6 overflow-hidden" />
      </div>

      <div
        ref={bodyRef}
        className="relative overflow-y-auto overflow-x-hidden"
        style={{ height: bodyHeight }}
        onScroll={(e) => {
          const top = e.currentTarget.scrollTop;
          controller.setScrollTop(top);
          setScrollTop(top);
        }}
      >
        <div className={columns} style={{ height: Math.max(totalHeight, bodyHeight) }}>
          <div role="list" aria-label="Stages and items" className="relative border-r border-border">
            {visible.map((i) => {
              const row = rows[i];
              return (
                <RowLabel
                  key={row.id}
                  row={row}
                  index={i}
                  count={rows.length}
                  top={i * ROW_HEIGHT}
                  height={ROW_HEIGHT}
                  expanded={props.expanded.has(row.id)}
                  critical={props.highlight?.has(row.id) ?? false}
                  focused={i === focusIndex}
                  selected={row.id === props.selectedId}
                  durationMs={barEnd(row, now) - row.start}
                  delta={props.deltas?.get(row.id)}
                  onToggleStage={props.onToggleStage}
                  onSelectRow={props.onSelectRow}
                />
              );
            })}
          </div>
          <div className="relative min-w-0">
            <div
              ref={plotRef}
              tabIndex={0}
              role="group"
              aria-roledescription="timeline"
              aria-label={`Timeline of ${rows.length} rows. Use plus and minus to zoom, arrow keys to pan and move between bars, Enter to open a bar's logs.`}
              aria-describedby={tip ? tooltipId : helpId}
              data-testid="timings-plot"
              className={cx("sticky top-0 outline-offset-[-2px]", selectMode ? "cursor-crosshair" : "cursor-grab")}
              style={{ height: bodyHeight, touchAction: "pan-y" }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={(e) => endPointer(e, false)}
              onPointerCancel={(e) => endPointer(e, true)}
              onPointerLeave={() => {
                controller.setHover(undefined);
                setHover(undefined);
              }}
              onDoubleClick={() => controller.reset()}
              onKeyDown={onKeyDown}
              onBlur={() => setFocusIndex(undefined)}
            >
              <canvas ref={canvasRef} aria-hidden className="block h-full w-full" />
              {tip && rows[tip.index] && (
                <div
                  ref={tooltipRef}
                  id={tooltipId}
                  role="tooltip"
                  data-testid="timings-tooltip"
                  className="pointer-events-none absolute left-0 top-0 z-10 w-max max-w-[min(22rem,90%)] rounded-md border border-border bg-raised px-2.5 py-2 text-xs text-text shadow-lg"
                >
                  <p className="mb-1 break-all font-mono font-semibold">{rows[tip.index].name}</p>
                  <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                    {rowFacts(rows[tip.index], axis.start, now, props.verdicts?.get(rows[tip.index].id)).map((f) => (
                      <div key={f.label} className="contents">
                        <dt className="text-muted">{f.label}</dt>
                        <dd
                          className={cx(
                            "tabular-nums",
                            f.label === "Status" && rows[tip.index].status === "failed" && "font-semibold text-failure",
                          )}
                        >
                          {f.value}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </div>
              )}
            </div>
          </div>
        </div>
      </div>

      <div className={cx(columns, "border-t border-border")}>
        <div className="border-r border-border px-2 text-[11px] leading-8 text-muted">Overview</div>
        <canvas
          ref={minimapRef}
          aria-hidden
          data-testid="timings-minimap"
          className="block w-full cursor-pointer"
          style={{ height: MINIMAP_HEIGHT, touchAction: "none" }}
          onPointerDown={(e) => onMinimapPointer(e, "down")}
          onPointerMove={(e) => onMinimapPointer(e, "move")}
          onPointerUp={(e) => onMinimapPointer(e, "up")}
        />
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
