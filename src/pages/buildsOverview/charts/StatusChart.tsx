import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ACTIVE_STATUS, type OverviewFilter, type RangeId } from "../model/filters";
import { COUNT_BUCKET_MS, STATUS_SERIES, type CountBucket, type StatusSeries } from "../model/health";
import { formatCount } from "../../../lib/format";
import { ChartCard, FilterButton } from "./ChartCard";
import { AXIS_TICK, ChartTooltip } from "./ChartTooltip";
import { bucketLabel, perBucket } from "./format";

const SERIES: Record<StatusSeries, { label: string; colour: string; status: string }> = {
  succeeded: { label: "Succeeded", colour: "var(--color-ok)", status: "succeeded" },
  failed: { label: "Failed", colour: "var(--color-failure)", status: "failed" },
  canceled: { label: "Canceled", colour: "var(--color-neutral)", status: "canceled" },
  active: { label: "In progress", colour: "var(--color-progress)", status: ACTIVE_STATUS },
};

export interface StatusChartProps {
  range: RangeId;
  buckets: readonly CountBucket[];
  onFilter: (patch: Partial<OverviewFilter>) => void;
}

/** Builds started per bucket, stacked by outcome; a click on a segment shows that outcome in the table. */
export function StatusChart({ range, buckets, onFilter }: StatusChartProps) {
  const size = COUNT_BUCKET_MS[range];
  const data = buckets.map((b) => ({ ...b, label: bucketLabel(b.start, range, size) }));
  const total = buckets.reduce((s, b) => s + b.succeeded + b.failed + b.canceled + b.active, 0);
  const rows = data
    .filter((d) => d.succeeded + d.failed + d.canceled + d.active > 0)
    .map((d) => ({ key: String(d.start), cells: [d.label, ...STATUS_SERIES.map((s) => formatCount(d[s]))] }));
  return (
    <ChartCard
      id="status"
      title={`Builds ${perBucket(size)}`}
      description={`${formatCount(total)} builds by outcome. Click a bar segment to list those builds.`}
      columns={["Starting", ...STATUS_SERIES.map((s) => SERIES[s].label)]}
      rows={rows}
      empty="No build in this range."
    >
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 6, right: 4, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--color-border)" minTickGap={12} />
          <YAxis allowDecimals={false} width={44} tick={AXIS_TICK} stroke="var(--color-border)" />
          <Tooltip
            cursor={{ fill: "var(--color-raised)" }}
            isAnimationActive={false}
            content={<ChartTooltip format={formatCount} />}
          />
          {STATUS_SERIES.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              name={SERIES[s].label}
              stackId="status"
              fill={SERIES[s].colour}
              cursor="pointer"
              isAnimationActive={false}
              onClick={() => onFilter({ status: SERIES[s].status })}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ul aria-label="Legend" className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted">
        {STATUS_SERIES.map((s) => (
          <li key={s} className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ background: SERIES[s].colour }} />
            <FilterButton
              label={`Show ${SERIES[s].label.toLowerCase()} builds`}
              onClick={() => onFilter({ status: SERIES[s].status })}
            >
              <span className="text-muted hover:text-text">{SERIES[s].label}</span>
            </FilterButton>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}
