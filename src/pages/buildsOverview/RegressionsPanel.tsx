import { memo } from "react";
import { Link } from "react-router";
import { TrendingUp } from "lucide-react";
import { timingsPath } from "../../app/params";
import { formatDuration } from "../../lib/format";
import type { Regression } from "./model/regressions";

export interface RegressionsPanelProps {
  regressions: readonly Regression[];
  /** History still loading: the rule may not have all its builds yet. */
  partial: boolean;
  onTemplate: (template: string) => void;
}

const percent = (ratio: number) => `+${Math.round((ratio - 1) * 100)} %`;

/** Templates whose builds got slower: last 24 h p50 ≥ 25 % above the 7 days before. */
export const RegressionsPanel = memo(function RegressionsPanel({
  regressions,
  partial,
  onTemplate,
}: RegressionsPanelProps) {
  return (
    <section
      aria-labelledby="regressions-title"
      data-testid="regressions"
      className="rounded-md border border-border bg-panel p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="regressions-title" className="flex items-center gap-1.5 text-sm font-semibold text-text">
          <TrendingUp aria-hidden className="size-4 text-attention" />
          Regressions
        </h2>
        <p className="text-xs text-muted">
          p50 build time of the last 24 h against the 7 days before (succeeded builds; 25 % or more)
        </p>
      </div>
      {regressions.length === 0 ? (
        <p className="mt-2 text-sm text-muted">
          {partial ? "Still loading build history…" : "No template got slower."}
        </p>
      ) : (
        <ul className="mt-2 flex flex-col divide-y divide-border">
          {regressions.map((r) => (
            <li
              key={r.template}
              data-testid="regression"
              data-template={r.template}
              className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm"
            >
              <div className="flex min-w-0 flex-wrap items-baseline gap-x-2">
                <button
                  type="button"
                  onClick={() => onTemplate(r.template)}
                  className="font-medium text-text hover:underline"
                  title={`Show ${r.template} builds`}
                >
                  {r.template}
                </button>
                <span className="font-mono tabular-nums text-muted">
                  {formatDuration(r.baselineP50)} → <span className="text-text">{formatDuration(r.recentP50)}</span>
                </span>
                <span className="font-semibold text-attention">{percent(r.ratio)}</span>
                <span className="text-xs text-muted">
                  {r.recentCount} builds in the last 24 h, {r.baselineCount} in the 7 days before
                </span>
              </div>
              {r.example && (
                <Link
                  to={`${timingsPath(r.example.ownerName, r.example.workspaceName, r.example.after)}?compare=${r.example.before}`}
                  className="text-sm text-accent hover:underline"
                >
                  Compare {r.example.ownerName}/{r.example.workspaceName} #{r.example.before} (
                  {formatDuration(r.example.beforeMs)}) with #{r.example.after} ({formatDuration(r.example.afterMs)})
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
