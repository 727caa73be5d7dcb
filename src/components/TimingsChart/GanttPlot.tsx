import {
  createRef,
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
import type { CompareRow, TimeAxis, TimingItem, Verdict } from "../../lib/timings";
import { cx } from "../cx";
import { ROW_HEIGHT } from "./controller";
import { rowSummary } from "./describe";
import type { BaselineBar } from "./draw";
import { barEnd, barSpan } from "./hitTest";
import { handlePlotKey } from "./plotKeys";
import { PlotToolbar } from "./PlotToolbar";
import { PlotTooltip } from "./PlotTooltip";
import { RowLabel } from "./RowLabel";
import type { ChartRow } from "./rows";
import { MINIMAP_HEIGHT, usePlotController, type PlotElements } from "./usePlotController";
import { usePlotPointer, type PlotHover } from "./usePlotPointer";
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
  /** Each row against its usual duration, when the usual times are known. */
  verdictOf?: (row: ChartRow) => Verdict | undefined;
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

/** Labels, axis, canvas and overview; zoom and pan run through the PlotController, not React. */
export function GanttPlot(props: GanttPlotProps) {
  const { rows, axis, now, live } = props;
  const [elements] = useState<PlotElements>(() => ({
    plot: createRef(),
    canvas: createRef(),
    minimap: createRef(),
    axis: createRef(),
  }));
  const bodyRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | undefined>(undefined);
  const [hover, setHover] = useState<PlotHover | undefined>(undefined);
  const [selectMode, setSelectMode] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const helpId = useId();
  const tooltipId = useId();

  const totalHeight = rows.length * ROW_HEIGHT;
  const bodyHeight = Math.max(ROW_HEIGHT * 3, Math.min(totalHeight, props.maxBodyHeight ?? 560));

  const controller = usePlotController({
    elements,
    data: {
      rows,
      items: props.items,
      axis,
      now,
      live,
      highlight: props.highlight,
      baseline: props.baseline,
      verdictOf: props.verdictOf,
      selectedId: props.selectedId,
      focusIndex,
    },
    bodyHeight,
    initialRange: props.initialRange,
    callbacks: { onViewCommit: props.onRangeCommit, onDrawn: props.onDrawn },
  });

  // A tooltip for a row that a filter or a collapse just removed would describe another row.
  useEffect(() => setHover(undefined), [rows]);

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

  const positionTooltip = useCallback(
    (x: number, y: number) => {
      const tip = tooltipRef.current;
      const plot = elements.plot.current;
      if (!tip || !plot) return;
      const maxX = plot.clientWidth - tip.offsetWidth - 4;
      const left = Math.max(4, Math.min(x + 14, maxX));
      const below = y + 16 + tip.offsetHeight < plot.clientHeight;
      tip.style.transform = `translate(${left}px, ${below ? y + 16 : Math.max(0, y - tip.offsetHeight - 8)}px)`;
    },
    [elements],
  );

  useLayoutEffect(() => {
    if (hover) positionTooltip(hover.x, hover.y);
  }, [hover, positionTooltip]);

  const pointer = usePlotPointer({
    controller,
    plotRef: elements.plot,
    selectMode,
    hover,
    setHover,
    positionTooltip,
    onClickBar: (index) => {
      setFocusIndex(index);
      props.onSelectRow(rows[index]);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const used = handlePlotKey(e.key, {
      controller,
      rowCount: rows.length,
      focusIndex,
      focusRow: (next) => {
        setFocusIndex(next);
        scrollRowIntoView(next);
        controller.reveal(rows[next].start, barEnd(rows[next], now));
        setAnnouncement(rowSummary(rows[next], axis.start, now, props.verdictOf?.(rows[next])));
      },
      selectRow: (index) => props.onSelectRow(rows[index]),
      toggleStage: (index) => {
        if (rows[index].kind === "stage") props.onToggleStage(rows[index].id);
      },
      clearFocus: () => {
        setFocusIndex(undefined);
        setHover(undefined);
      },
    });
    if (used) e.preventDefault();
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
      <PlotToolbar
        controller={controller}
        selectMode={selectMode}
        onToggleSelectMode={() => setSelectMode((v) => !v)}
        helpId={helpId}
      />

      <div className={cx(columns, "border-b border-border")}>
        <div className="border-r border-border px-2 text-[11px] leading-6 text-muted">
          {formatCount(rows.length)} rows
        </div>
        <div ref={elements.axis} aria-hidden data-testid="timings-axis" className="relative h-6 overflow-hidden" />
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
              ref={elements.plot}
              tabIndex={0}
              role="group"
              aria-roledescription="timeline"
              aria-label={`Timeline of ${rows.length} rows. Use plus and minus to zoom, arrow keys to pan and move between bars, Enter to open a bar's logs.`}
              aria-describedby={tip ? tooltipId : helpId}
              data-testid="timings-plot"
              className={cx("sticky top-0 outline-offset-[-2px]", selectMode ? "cursor-crosshair" : "cursor-grab")}
              style={{ height: bodyHeight, touchAction: "pan-y" }}
              {...pointer}
              onDoubleClick={() => controller.reset()}
              onKeyDown={onKeyDown}
              onBlur={() => setFocusIndex(undefined)}
            >
              <canvas ref={elements.canvas} aria-hidden className="block h-full w-full" />
              {tip && rows[tip.index] && (
                <PlotTooltip
                  ref={tooltipRef}
                  id={tooltipId}
                  row={rows[tip.index]}
                  buildStart={axis.start}
                  now={now}
                  verdict={props.verdictOf?.(rows[tip.index])}
                />
              )}
            </div>
          </div>
        </div>
      </div>

      <div className={cx(columns, "border-t border-border")}>
        <div className="border-r border-border px-2 text-[11px] leading-8 text-muted">Overview</div>
        <canvas
          ref={elements.minimap}
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
