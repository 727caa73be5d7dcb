import { lazy, memo, Suspense } from "react";
import { Activity } from "lucide-react";
import { Skeleton } from "../../components/Skeleton";
import type { OverviewFilter, RangeId } from "./model/filters";
import type { HealthData } from "./model/health";
import { formatCount, formatDuration } from "../../lib/format";

// recharts is heavy: its chunk loads only once this panel renders.
const HealthCharts = lazy(() => import("./charts/HealthCharts"));

export interface HealthPanelProps {
  range: RangeId;
  data: HealthData;
  templates: readonly string[];
  /** Histories still loading: the charts grow as they arrive. */
  partial: boolean;
  onFilter: (patch: Partial<OverviewFilter>) => void;
}

function ChartsFallback() {
  return (
    <div role="status" aria-label="Loading charts" className="grid grid-cols-1 gap-3 lg:grid-cols-2">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-[236px] w-full" />
      ))}
    </div>
  );
}

/** Health of the builds in range (after the filters): a one-line summary, then the charts. */
export const HealthPanel = memo(function HealthPanel({ range, data, templates, partial, onFilter }: HealthPanelProps) {
  const { summary } = data;
  return (
    <section aria-labelledby="health-title" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="health-title" className="flex items-center gap-1.5 text-base font-semibold text-text">
          <Activity aria-hidden className="size-4 text-muted" />
          Health
        </h2>
        <p data-testid="health-summary" className="text-xs text-muted">
          {formatCount(summary.total)} builds · {formatCount(summary.failed)} failed
          {summary.failureRate !== undefined && ` (${Math.round(summary.failureRate * 100)} % of outcomes)`}
          {summary.durationP50 !== undefined &&
            ` · p50 ${formatDuration(summary.durationP50)}, p95 ${formatDuration(summary.durationP95 ?? 0)}`}
          {partial && " · history still loading"}
        </p>
      </div>
      <Suspense fallback={<ChartsFallback />}>
        <HealthCharts range={range} data={data} templates={templates} onFilter={onFilter} />
      </Suspense>
    </section>
  );
});
