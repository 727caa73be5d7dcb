import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RangeId } from "../model/filters";
import { p50Key, p95Key, TREND_BUCKET_MS, type DurationTrend } from "../model/health";
import { formatDuration } from "../../../lib/format";
import { ChartCard, FilterButton } from "./ChartCard";
import { AXIS_TICK, ChartTooltip } from "./ChartTooltip";
import { bucketLabel } from "./format";

export interface DurationChartProps {
  range: RangeId;
  trend: DurationTrend;
  colourOf: (template: string) => string;
  onTemplate: (template: string) => void;
}

const ms = (v: number | undefined) => (v === undefined ? "—" : formatDuration(v));

/** p50 (solid) and p95 (dashed) run time of succeeded builds, per template, over the range. */
export function DurationChart({ range, trend, colourOf, onTemplate }: DurationChartProps) {
  const size = TREND_BUCKET_MS[range];
  const label = (start: number) => bucketLabel(start, range, size);
  const rows = trend.points.flatMap((p) =>
    trend.templates
      .filter((t) => p[p50Key(t)] !== undefined)
      .map((t) => ({
        key: `${p.start}-${t}`,
        cells: [`${label(p.start)} · ${t}`, ms(p[p50Key(t)]), ms(p[p95Key(t)])],
      })),
  );
  return (
    <ChartCard
      id="duration"
      title="Build time by template"
      description="p50 (solid) and p95 (dashed) of succeeded builds' run time."
      columns={["Bucket · template", "p50", "p95"]}
      rows={rows}
      empty="No succeeded build in this range."
    >
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={trend.points} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="start" tickFormatter={label} tick={AXIS_TICK} stroke="var(--color-border)" minTickGap={12} />
          <YAxis
            width={60}
            tick={AXIS_TICK}
            stroke="var(--color-border)"
            tickFormatter={(v: number) => formatDuration(v)}
          />
          <Tooltip isAnimationActive={false} content={<ChartTooltip format={formatDuration} formatLabel={label} />} />
          {trend.templates.flatMap((t) => [
            <Line
              key={`p50-${t}`}
              dataKey={p50Key(t)}
              name={`${t} p50`}
              stroke={colourOf(t)}
              strokeWidth={2}
              dot={{ r: 2 }}
              connectNulls
              isAnimationActive={false}
            />,
            <Line
              key={`p95-${t}`}
              dataKey={p95Key(t)}
              name={`${t} p95`}
              stroke={colourOf(t)}
              strokeWidth={1.5}
              strokeDasharray="5 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
      <ul aria-label="Templates" className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
        {trend.templates.map((t) => (
          <li key={t} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-0.5 w-4" style={{ background: colourOf(t) }} />
            <FilterButton label={`Show ${t} builds`} onClick={() => onTemplate(t)}>
              <span className="text-muted hover:text-text">{t}</span>
            </FilterButton>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
