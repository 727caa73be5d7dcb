// The duration trend, drawn with recharts. Loaded only through React.lazy (TrendPanel), so the
// chart library never weighs on the history route's first load. With a thousand builds the chart
// is the page's most expensive render, so the recharts tree is memoised and hovering a point only
// moves a small card over it (recharts' own Tooltip re-measured the whole chart on every move).
import { memo, useCallback, useMemo, useState } from "react";
import { ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { formatDuration } from "../../lib/format";
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
  cx?: number;
  cy?: number;
  payload?: ChartDatum;
  onHover: (hovered: Hovered | undefined) => void;
  onOpen: (point: TrendPoint) => void;
}

/** Defined once at module level so a re-render updates the markers instead of remounting a thousand of them. */
const TrendMarker = memo(function TrendMarker({ cx, cy, payload, onHover, onOpen }: MarkerProps) {
  if (cx === undefined || cy === undefined || !payload) return <g />;
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

function DurationTrendChart({ trend, onHover, onOpen }: DurationTrendChartProps) {
  const [hovered, setHovered] = useState<Hovered | undefined>(undefined);
  const hover = useCallback(
    (next: Hovered | undefined) => {
      setHovered(next);
      onHover(next?.point);
    },
    [onHover],
  );
  const data = useMemo<ChartDatum[]>(() => trend.points.map((p) => ({ ...p, y: p.duration ?? 0 })), [trend.points]);
  const shape = useCallback(
    (props: unknown) => (
      <TrendMarker {...(props as Omit<MarkerProps, "onHover" | "onOpen">)} onHover={hover} onOpen={onOpen} />
    ),
    [hover, onOpen],
  );
  const { changes, stats } = trend;

  const chart = useMemo(() => {
    const first = data[0]?.number ?? 0;
    const last = Math.max(data[data.length - 1]?.number ?? 1, first + 1);
    return (
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <ScatterChart margin={{ top: 16, right: 36, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <XAxis
            type="number"
            dataKey="number"
            name="Build"
            domain={[first, last]}
            padding={{ left: 12, right: 12 }}
            allowDecimals={false}
            tickFormatter={(n: number) => `#${n}`}
            tick={{ fill: "var(--color-muted)", fontSize: 11 }}
            stroke="var(--color-border)"
          />
          <YAxis
            type="number"
            dataKey="y"
            name="Duration"
            width={56}
            tickFormatter={(ms: number) => formatDuration(ms)}
            tick={{ fill: "var(--color-muted)", fontSize: 11 }}
            stroke="var(--color-border)"
          />
          {changes.map((c) => (
            <ReferenceLine
              key={c.number}
              x={c.number - 0.5}
              stroke="var(--color-accent)"
              strokeDasharray="2 3"
              label={{ value: c.versionName, position: "insideTopLeft", fill: "var(--color-accent)", fontSize: 10 }}
            />
          ))}
          {stats.p50 !== undefined && (
            <ReferenceLine
              y={stats.p50}
              stroke="var(--color-text)"
              strokeOpacity={0.6}
              label={{ value: "p50", position: "right", fill: "var(--color-muted)", fontSize: 10 }}
            />
          )}
          {stats.p95 !== undefined && (
            <ReferenceLine
              y={stats.p95}
              stroke="var(--color-text)"
              strokeOpacity={0.6}
              strokeDasharray="6 4"
              label={{ value: "p95", position: "right", fill: "var(--color-muted)", fontSize: 10 }}
            />
          )}
          <Scatter data={data} isAnimationActive={false} shape={shape} />
        </ScatterChart>
      </ResponsiveContainer>
    );
  }, [data, changes, stats, shape]);

  return (
    <div className="relative" style={{ height: HEIGHT }}>
      {chart}
      {hovered && <PointCard hovered={hovered} />}
    </div>
  );
}

export default memo(DurationTrendChart);
