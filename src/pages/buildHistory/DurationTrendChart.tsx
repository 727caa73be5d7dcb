// The duration trend: a scatter of build duration over build number, drawn as plain SVG. With a
// thousand builds this is the page's most expensive render; a chart library's per-point wrappers
// and measuring cost more than the points themselves, so the axes, reference lines and markers are
// laid out here, the tree is memoised, and hovering a point only moves a small card over it.
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import { formatDuration } from "../../lib/format";
import { formatTick, tickStep } from "../../lib/timings/ticks";
import type { StatusMeaning } from "../../lib/status";
import type { Trend, TrendPoint } from "../../lib/builds/trend";
import { transitionLabel } from "../../lib/builds/labels";

export interface DurationTrendChartProps {
  trend: Trend;
  onHover: (point: TrendPoint | undefined) => void;
  onOpen: (point: TrendPoint) => void;
}

const HEIGHT = 220;

const FILL: Record<StatusMeaning, string> = {
  ok: "fill-ok stroke-ok",
  progress: "fill-progress stroke-progress",
  neutral: "fill-neutral stroke-neutral",
  failure: "fill-failure stroke-failure",
  attention: "fill-attention stroke-attention",
};

interface ChartDatum extends TrendPoint {
  y: number;
}

interface Hovered {
  point: TrendPoint;
  x: number;
  y: number;
}

interface MarkerProps {
  cx: number;
  cy: number;
  payload: ChartDatum;
  onHover: (hovered: Hovered | undefined) => void;
  onOpen: (point: TrendPoint) => void;
}

const TrendMarker = memo(function TrendMarker({ cx, cy, payload, onHover, onOpen }: MarkerProps) {
  const common = {
    "data-testid": "trend-point",
    "data-build": payload.number,
    "data-status": payload.status,
    className: `cursor-pointer ${FILL[payload.meaning]}`,
    onMouseEnter: () => onHover({ point: payload, x: cx, y: cy }),
    onMouseLeave: () => onHover(undefined),
    onClick: () => onOpen(payload),
  };
  // Shape as well as colour tells the status: failed is a cross, no run time is hollow.
  if (payload.failed) {
    return (
      <g {...common}>
        <circle cx={cx} cy={cy} r={7} fill="transparent" stroke="none" />
        <path
          d={`M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx - 4},${cy + 4}L${cx + 4},${cy - 4}`}
          strokeWidth={2.5}
          fill="none"
        />
      </g>
    );
  }
  const hollow = payload.duration === undefined || payload.running;
  return (
    <g {...common}>
      <circle cx={cx} cy={cy} r={7} fill="transparent" stroke="none" />
      <circle cx={cx} cy={cy} r={4} strokeWidth={1.5} fillOpacity={hollow ? 0 : 0.85} />
    </g>
  );
});

function PointCard({ hovered }: { hovered: Hovered }) {
  const { point, x, y } = hovered;
  // Above the point, or below it near the top edge.
  const style =
    y < 70
      ? { left: x, top: y + 12, transform: "translateX(-50%)" }
      : { left: x, top: y - 12, transform: "translate(-50%, -100%)" };
  return (
    <div
      role="presentation"
      style={style}
      className="pointer-events-none absolute z-10 whitespace-nowrap rounded-md border border-border bg-panel px-2 py-1.5 text-xs text-text shadow-md"
    >
      <div className="font-medium">
        #{point.number} · {transitionLabel(point.transition)} · {point.status}
      </div>
      <div className="font-mono tabular-nums text-muted">
        {point.duration === undefined ? "never ran" : formatDuration(point.duration)}
      </div>
      <div className="text-muted">{point.versionName}</div>
    </div>
  );
}

const MARGIN = { top: 16, right: 36, bottom: 24, left: 60 };
/** Room kept inside the plot at both ends so the first and last points are not cut. */
const X_PADDING = 12;

interface Scale {
  x: (n: number) => number;
  y: (ms: number) => number;
  xTicks: number[];
  yTicks: number[];
  /** Milliseconds between y ticks: their labels share its unit ("0 s", "5 s", "10 s"). */
  yStep: number;
}

function scaleOf(data: readonly ChartDatum[], width: number): Scale {
  const first = data[0]?.number ?? 0;
  const last = Math.max(data[data.length - 1]?.number ?? 1, first + 1);
  const left = MARGIN.left + X_PADDING;
  const plotWidth = Math.max(1, width - MARGIN.left - MARGIN.right - 2 * X_PADDING);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xStep = Math.max(1, tickStep(plotWidth / (last - first), 60));
  const xTicks: number[] = [];
  for (let n = Math.ceil(first / xStep) * xStep; n <= last; n += xStep) xTicks.push(n);
  let maxMs = 1;
  for (const d of data) if (d.y > maxMs) maxMs = d.y;
  const yStep = tickStep(plotHeight / maxMs, 36);
  const top = Math.ceil(maxMs / yStep) * yStep;
  const yTicks: number[] = [];
  for (let v = 0; v <= top; v += yStep) yTicks.push(v);
  return {
    x: (n) => left + ((n - first) / (last - first)) * plotWidth,
    y: (ms) => MARGIN.top + plotHeight - (ms / top) * plotHeight,
    xTicks,
    yTicks,
    yStep,
  };
}

/** The chart's width follows its container (measured before the first paint). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => setWidth(entries[entries.length - 1].contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const AXIS_TEXT = { fill: "var(--color-muted)", fontSize: 11 };

function DurationTrendChart({ trend, onHover, onOpen }: DurationTrendChartProps) {
  const [hovered, setHovered] = useState<Hovered | undefined>(undefined);
  const hover = useCallback(
    (next: Hovered | undefined) => {
      setHovered(next);
      onHover(next?.point);
    },
    [onHover],
  );
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const data = useMemo<ChartDatum[]>(() => trend.points.map((p) => ({ ...p, y: p.duration ?? 0 })), [trend.points]);
  const { changes, stats } = trend;

  const chart = useMemo(() => {
    if (width <= 0) return null;
    const scale = scaleOf(data, width);
    const bottom = HEIGHT - MARGIN.bottom;
    const right = width - MARGIN.right;
    const percentile = (ms: number | undefined, label: string, dash?: string) =>
      ms !== undefined && (
        <g key={label}>
          <line
            x1={MARGIN.left}
            x2={right}
            y1={scale.y(ms)}
            y2={scale.y(ms)}
            stroke="var(--color-text)"
            strokeOpacity={0.6}
            strokeDasharray={dash}
          />
          <text x={right + 4} y={scale.y(ms)} dominantBaseline="middle" fill="var(--color-muted)" fontSize={10}>
            {label}
          </text>
        </g>
      );
    return (
      <svg width={width} height={HEIGHT} aria-hidden className="overflow-visible">
        <g stroke="var(--color-border)">
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} />
          <line x1={MARGIN.left} x2={right} y1={bottom} y2={bottom} />
        </g>
        {scale.yTicks.map((v) => (
          <text key={v} x={MARGIN.left - 6} y={scale.y(v)} textAnchor="end" dominantBaseline="middle" {...AXIS_TEXT}>
            {formatTick(v, scale.yStep)}
          </text>
        ))}
        {scale.xTicks.map((n) => (
          <text key={n} x={scale.x(n)} y={bottom + 16} textAnchor="middle" {...AXIS_TEXT}>
            #{n}
          </text>
        ))}
        {changes.map((c) => (
          <g key={c.number}>
            <line
              x1={scale.x(c.number - 0.5)}
              x2={scale.x(c.number - 0.5)}
              y1={MARGIN.top}
              y2={bottom}
              stroke="var(--color-accent)"
              strokeDasharray="2 3"
            />
            <text x={scale.x(c.number - 0.5) + 4} y={MARGIN.top + 10} fill="var(--color-accent)" fontSize={10}>
              {c.versionName}
            </text>
          </g>
        ))}
        {percentile(stats.p50, "p50")}
        {percentile(stats.p95, "p95", "6 4")}
        {data.map((d) => (
          <TrendMarker
            key={d.id}
            cx={scale.x(d.number)}
            cy={scale.y(d.y)}
            payload={d}
            onHover={hover}
            onOpen={onOpen}
          />
        ))}
      </svg>
    );
  }, [data, changes, stats, width, hover, onOpen]);

  return (
    <div ref={box} className="relative" style={{ height: HEIGHT }}>
      {chart}
      {hovered && <PointCard hovered={hovered} />}
    </div>
  );
}

export default memo(DurationTrendChart);
