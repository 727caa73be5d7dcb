import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RangeId } from "../model/filters";
import { TREND_BUCKET_MS, type QueueSummary } from "../model/health";
import { formatDuration } from "../../../lib/format";
import { ChartCard } from "./ChartCard";
import { AXIS_TICK, ChartTooltip } from "./ChartTooltip";
import { bucketLabel } from "./format";

/** How long builds waited for a provisioner: p95 per bucket, with the range's p50/p95 in words. */
export function QueueChart({ range, queue }: { range: RangeId; queue: QueueSummary }) {
  const size = TREND_BUCKET_MS[range];
  const data = queue.points.map((p) => ({ ...p, label: bucketLabel(p.start, range, size) }));
  const rows = data
    .filter((p) => p.p95 !== undefined)
    .map((p) => ({ key: String(p.start), cells: [p.label, formatDuration(p.p95!)] }));
  const summary =
    queue.p95 === undefined
      ? "No build reached a provisioner in this range."
      : `Whole range: p50 ${formatDuration(queue.p50 ?? 0)}, p95 ${formatDuration(queue.p95)}.`;
  return (
    <ChartCard
      id="queue"
      title="Queue time p95"
      description={summary}
      columns={["Bucket", "p95"]}
      rows={rows}
      empty="Nothing was queued in this range."
    >
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--color-border)" minTickGap={12} />
          <YAxis
            width={60}
            tick={AXIS_TICK}
            stroke="var(--color-border)"
            tickFormatter={(v: number) => formatDuration(v)}
          />
          <Tooltip
            cursor={{ fill: "var(--color-raised)" }}
            isAnimationActive={false}
            content={<ChartTooltip format={formatDuration} />}
          />
          <Bar dataKey="p95" name="Queue p95" fill="var(--color-accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
