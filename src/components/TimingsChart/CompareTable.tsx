import { useMemo, useState } from "react";
import { TriangleAlert } from "lucide-react";
import { formatCount, formatDuration } from "../../lib/format";
import type { CompareRow, TimingComparison } from "../../lib/timings";
import { Button } from "../Button";
import { cx } from "../cx";
import { TableHead } from "./TableHead";

const INITIAL_ROWS = 50;

function signed(ms: number | undefined): string {
  if (ms === undefined) return "—";
  if (ms === 0) return "0 ms";
  return `${ms > 0 ? "+" : "−"}${formatDuration(Math.abs(ms))}`;
}

function ratioText(r: CompareRow): string {
  if (r.ratio === undefined) return "—";
  if (!Number.isFinite(r.ratio)) return "new time";
  return `×${r.ratio.toFixed(2)}`;
}

/** Regressions first, then the biggest changes; stages before their items when equal. */
function ordered(comparison: TimingComparison): CompareRow[] {
  const all = [comparison.total, ...comparison.stages, ...comparison.items];
  const weight = (r: CompareRow) => (r.regression ? 2 : r.change === "added" || r.change === "removed" ? 1 : 0);
  return all.sort(
    (a, b) => weight(b) - weight(a) || Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || levelRank(a) - levelRank(b),
  );
}

const levelRank = (r: CompareRow) => (r.level === "total" ? 0 : r.level === "stage" ? 1 : 2);

/** Delta table: A (baseline) vs B (this build) per build, stage and item, with paired bars. */
export function CompareTable({
  comparison,
  baselineLabel,
  currentLabel,
}: {
  comparison: TimingComparison;
  baselineLabel: string;
  currentLabel: string;
}) {
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(() => ordered(comparison), [comparison]);
  const shown = showAll ? rows : rows.slice(0, INITIAL_ROWS);
  const t = comparison.total;
  return (
    <section aria-labelledby="timings-compare-heading" className="rounded-md border border-border bg-panel">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 border-b border-border px-3 py-2">
        <h2 id="timings-compare-heading" className="text-sm font-semibold text-text">
          {currentLabel} compared with {baselineLabel}
        </h2>
        <p className="text-xs text-muted">
          Total {signed(t.delta)} · {comparison.regressions.length} regression
          {comparison.regressions.length === 1 ? "" : "s"} (≥ 20 % and ≥ 2 s slower) · {comparison.added.length} added ·{" "}
          {comparison.removed.length} removed
        </p>
      </div>
      <div className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label="Comparison table">
        <table className="w-full min-w-[42rem] border-collapse text-xs">
          <caption className="sr-only">
            Durations in {baselineLabel} (A) and {currentLabel} (B), their difference and ratio; regressions first
          </caption>
          <TableHead
            columns={[
              { label: "Name" },
              { label: `A ${baselineLabel}`, numeric: true },
              { label: `B ${currentLabel}`, numeric: true },
              { label: "Δ", numeric: true },
              { label: "Ratio", numeric: true },
              { label: <span className="sr-only">Bars</span>, className: "w-40" },
            ]}
          />
          <tbody>
            {shown.map((r) => {
              // Each row's pair is scaled to its own longer bar, so the ratio reads at a glance.
              const max = Math.max(1, r.a ?? 0, r.b ?? 0);
              return (
                <tr
                  key={r.id}
                  data-compare-row={r.id}
                  data-change={r.change}
                  data-regression={r.regression ? "true" : undefined}
                  className={cx("border-t border-border/60", r.regression && "bg-failure/5")}
                >
                  <th
                    scope="row"
                    className={cx(
                      "max-w-[22rem] px-3 py-1.5 text-left font-normal",
                      r.level !== "item" && "font-semibold",
                    )}
                  >
                    <span className="flex items-center gap-1.5">
                      {r.regression && (
                        <span className="inline-flex shrink-0 items-center gap-0.5 rounded border border-failure/40 px-1 text-[10px] font-semibold text-failure">
                          <TriangleAlert aria-hidden className="size-3" />
                          Regression
                        </span>
                      )}
                      {(r.change === "added" || r.change === "removed") && (
                        <span className="shrink-0 rounded border border-border px-1 text-[10px] text-muted">
                          {r.change}
                        </span>
                      )}
                      <span className={cx("truncate text-text", r.level === "item" && "font-mono")} title={r.name}>
                        {r.level === "item" ? r.name : r.level === "stage" ? `${r.name} (stage)` : "Whole build"}
                      </span>
                    </span>
                    {r.level === "item" && <span className="block text-[11px] text-muted">{r.stage}</span>}
                  </th>
                  <td className="px-3 py-1.5 text-right font-mono tabular-nums text-text">
                    {r.a === undefined ? "—" : formatDuration(r.a)}
                  </td>
                  <td className="px-3 py-1.5 text-right font-mono tabular-nums text-text">
                    {r.b === undefined ? "—" : formatDuration(r.b)}
                  </td>
                  <td
                    className={cx(
                      "px-3 py-1.5 text-right font-mono tabular-nums",
                      r.regression ? "font-semibold text-failure" : (r.delta ?? 0) < 0 ? "text-ok" : "text-text",
                    )}
                  >
                    {signed(r.delta)}
                  </td>
                  <td className="px-3 py-1.5 text-right font-mono tabular-nums text-muted">{ratioText(r)}</td>
                  <td className="px-3 py-1.5">
                    <div aria-hidden className="flex flex-col gap-0.5">
                      <span
                        className="block h-1.5 rounded-sm bg-muted/60"
                        style={{ width: `${((r.a ?? 0) / max) * 100}%` }}
                      />
                      <span
                        className={cx("block h-1.5 rounded-sm", r.regression ? "bg-failure" : "bg-accent")}
                        style={{ width: `${((r.b ?? 0) / max) * 100}%` }}
                      />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > INITIAL_ROWS && (
        <div className="border-t border-border px-3 py-2">
          <Button size="sm" onClick={() => setShowAll((v) => !v)}>
            {showAll ? "Show fewer" : `Show all ${formatCount(rows.length)} rows`}
          </Button>
        </div>
      )}
    </section>
  );
}
