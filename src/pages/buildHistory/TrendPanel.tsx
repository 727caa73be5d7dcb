import { useDeferredValue, useMemo, type ReactNode, type SVGProps } from "react";
import { ChartScatter } from "lucide-react";
import { Button } from "../../components/Button";
import { formatDuration } from "../../lib/format";
import type { Trend, TrendPoint } from "../../lib/builds/trend";
import DurationTrendChart from "./DurationTrendChart";

export interface TrendPanelProps {
  trend: Trend;
  /** More (older) builds exist than are loaded. */
  partial: boolean;
  loadingAll: boolean;
  onLoadAll: () => void;
  onHover: (point: TrendPoint | undefined) => void;
  onOpen: (point: TrendPoint) => void;
}

function Summary({ trend }: { trend: Trend }) {
  const { p50, p95, count } = trend.stats;
  if (count === 0) return <span>No succeeded build to measure yet.</span>;
  return (
    <span>
      Succeeded builds ({count}): p50{" "}
      <span className="font-mono tabular-nums text-text">{formatDuration(p50 ?? 0)}</span>, p95{" "}
      <span className="font-mono tabular-nums text-text">{formatDuration(p95 ?? 0)}</span>
      {trend.changes.length > 0 &&
        `; ${trend.changes.length} template version change${trend.changes.length === 1 ? "" : "s"}`}
    </span>
  );
}

/** One key of the chart's legend: the marker or line as drawn (10 px high), then its meaning. */
function LegendItem({
  label,
  width = 10,
  children,
  ...svg
}: { label: string; width?: number; children: ReactNode } & Pick<
  SVGProps<SVGSVGElement>,
  "className" | "strokeWidth" | "strokeDasharray"
>) {
  return (
    <span className="inline-flex items-center gap-1">
      <svg aria-hidden width={width} height="10" {...svg}>
        {children}
      </svg>
      {label}
    </span>
  );
}

/** Build duration over build number, with a text summary for those who cannot see the chart. */
export function TrendPanel({ trend, partial, loadingAll, onLoadAll, onHover, onOpen }: TrendPanelProps) {
  // Redrawing a thousand points is the page's heaviest render: let the table update first, and
  // let pages that arrive in quick succession share one redraw.
  const chartTrend = useDeferredValue(trend);
  const range = useMemo(() => {
    const pts = trend.points;
    return pts.length ? `#${pts[0].number}–#${pts[pts.length - 1].number}` : "";
  }, [trend.points]);
  return (
    <section aria-labelledby="trend-title" className="rounded-md border border-border bg-panel p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="trend-title" className="flex items-center gap-1.5 text-sm font-semibold text-text">
            <ChartScatter aria-hidden className="size-4 text-muted" />
            Build duration {range && <span className="font-normal text-muted">{range}</span>}
          </h2>
          <p className="mt-0.5 text-xs text-muted">
            <Summary trend={trend} />
          </p>
        </div>
        {partial && (
          <Button size="sm" onClick={onLoadAll} loading={loadingAll}>
            Load whole history
          </Button>
        )}
      </div>
      <figure className="mt-2" aria-label="Build duration by build number; the table below lists the same builds">
        <DurationTrendChart trend={chartTrend} onHover={onHover} onOpen={onOpen} />
        <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
          <LegendItem label="Succeeded" className="fill-ok stroke-ok">
            <circle cx="5" cy="5" r="4" />
          </LegendItem>
          <LegendItem label="Failed" className="stroke-failure" strokeWidth="2">
            <path d="M1,1L9,9M1,9L9,1" />
          </LegendItem>
          <LegendItem label="Canceled" className="fill-neutral stroke-neutral">
            <circle cx="5" cy="5" r="4" />
          </LegendItem>
          <LegendItem label="Running or never ran" className="fill-none stroke-progress" strokeWidth="1.5">
            <circle cx="5" cy="5" r="3.5" />
          </LegendItem>
          <LegendItem label="p50" width={16} className="stroke-text">
            <path d="M0,5H16" />
          </LegendItem>
          <LegendItem label="p95" width={16} className="stroke-text" strokeDasharray="4 3">
            <path d="M0,5H16" />
          </LegendItem>
          <LegendItem label="Template version change" className="stroke-accent" strokeDasharray="2 2">
            <path d="M5,0V10" />
          </LegendItem>
        </figcaption>
      </figure>
    </section>
  );
}
