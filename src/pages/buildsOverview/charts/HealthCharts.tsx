// The health charts, drawn with recharts. Loaded only through React.lazy (HealthPanel), so the
// chart library is never part of the overview's first JavaScript, let alone the list route's.
import type { OverviewFilter, RangeId } from "../model/filters";
import type { HealthData } from "../model/health";
import { formatCount } from "../../../lib/format";
import { DurationChart } from "./DurationChart";
import { percentText, templateColours } from "./format";
import { QueueChart } from "./QueueChart";
import { RankedChart } from "./RankedChart";
import { StatusChart } from "./StatusChart";

export interface HealthChartsProps {
  range: RangeId;
  data: HealthData;
  /** Every template seen (not only the filtered ones), so a template keeps its colour. */
  templates: readonly string[];
  onFilter: (patch: Partial<OverviewFilter>) => void;
}

export default function HealthCharts({ range, data, templates, onFilter }: HealthChartsProps) {
  const colourOf = templateColours(templates);
  const withoutCode = data.errors.withoutCode;
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
      <StatusChart range={range} buckets={data.counts} onFilter={onFilter} />
      <RankedChart
        id="failure-rate"
        title="Failure rate by template"
        description="Failed out of succeeded + failed builds. Click a bar to list that template's builds."
        valueName="Failure rate"
        items={data.rates.map((r) => ({
          key: r.template,
          value: r.rate,
          extra: [`${formatCount(r.failed)} of ${formatCount(r.outcomes)}`],
        }))}
        extraColumns={["Failed"]}
        format={percentText}
        max={1}
        colour="var(--color-failure)"
        empty="No build finished in this range."
        onSelect={(template) => onFilter({ template })}
        selectLabel={(t) => `Show ${t} builds`}
      />
      <DurationChart
        range={range}
        trend={data.trend}
        colourOf={colourOf}
        onTemplate={(template) => onFilter({ template })}
      />
      <QueueChart range={range} queue={data.queue} />
      <RankedChart
        id="error-codes"
        title="Top error codes"
        description={
          withoutCode > 0
            ? `Plus ${formatCount(withoutCode)} failure${withoutCode === 1 ? "" : "s"} without a code. Click a bar to list those builds.`
            : "Click a bar to list those builds."
        }
        valueName="Failed builds"
        items={data.errors.top.map((e) => ({ key: e.key, value: e.count }))}
        format={formatCount}
        colour="var(--color-failure)"
        empty="No failure with an error code in this range."
        onSelect={(errorCode) => onFilter({ errorCode, status: "failed" })}
        selectLabel={(code) => `Show builds that failed with ${code}`}
      />
      <RankedChart
        id="failing-templates"
        title="Top failing templates"
        description="Failed builds per template. Click a bar to list them."
        valueName="Failed builds"
        items={data.failing.map((f) => ({ key: f.key, value: f.count }))}
        format={formatCount}
        colour="var(--color-failure)"
        empty="No failed build in this range."
        onSelect={(template) => onFilter({ template, status: "failed" })}
        selectLabel={(t) => `Show failed ${t} builds`}
      />
    </div>
  );
}
