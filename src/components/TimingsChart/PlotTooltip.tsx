import type { Ref } from "react";
import type { Verdict } from "../../lib/timings";
import { cx } from "../cx";
import { rowFacts } from "./describe";
import type { ChartRow } from "./rows";

/** The facts of the hovered or focused bar; placed by the plot, which owns the pointer. */
export function PlotTooltip({
  ref,
  id,
  row,
  buildStart,
  now,
  verdict,
}: {
  ref: Ref<HTMLDivElement>;
  id: string;
  row: ChartRow;
  buildStart: number;
  now: number;
  verdict?: Verdict;
}) {
  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      data-testid="timings-tooltip"
      className="pointer-events-none absolute left-0 top-0 z-10 w-max max-w-[min(22rem,90%)] rounded-md border border-border bg-raised px-2.5 py-2 text-xs text-text shadow-lg"
    >
      <p className="mb-1 break-all font-mono font-semibold">{row.name}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {rowFacts(row, buildStart, now, verdict).map((f) => (
          <div key={f.label} className="contents">
            <dt className="text-muted">{f.label}</dt>
            <dd
              className={cx(
                "tabular-nums",
                f.label === "Status" && row.status === "failed" && "font-semibold text-failure",
              )}
            >
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
