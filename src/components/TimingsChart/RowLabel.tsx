import { memo } from "react";
import { ChevronRight, CircleAlert, LoaderCircle, TriangleAlert } from "lucide-react";
import { formatDuration } from "../../lib/format";
import type { CompareRow } from "../../lib/timings";
import { cx } from "../cx";
import { STAGE_HUE_CLASS } from "../stagePalette";
import { statusText } from "./describe";
import type { ChartRow } from "./rows";

export interface RowLabelProps {
  row: ChartRow;
  index: number;
  count: number;
  top: number;
  height: number;
  expanded: boolean;
  critical: boolean;
  focused: boolean;
  selected: boolean;
  durationMs: number;
  delta?: CompareRow;
  onToggleStage: (id: string) => void;
  onSelectRow: (row: ChartRow) => void;
}

/** One row of the label column: a stage toggles its items, an item opens its logs. */
export const RowLabel = memo(function RowLabel(props: RowLabelProps) {
  const { row, expanded, critical, focused, selected, durationMs, delta } = props;
  const isStage = row.kind === "stage";
  const status = statusText(row);
  const StatusIcon =
    row.status === "failed"
      ? CircleAlert
      : row.status === "attention"
        ? TriangleAlert
        : row.running
          ? LoaderCircle
          : undefined;
  return (
    <div
      role="listitem"
      aria-setsize={props.count}
      aria-posinset={props.index + 1}
      data-row-id={row.id}
      data-row-kind={row.kind}
      data-critical={critical ? "true" : undefined}
      data-status={row.status}
      data-provisional={row.provisional ? "true" : undefined}
      className={cx(
        "absolute inset-x-0 flex items-center gap-1 border-b border-border/60 pr-2",
        focused && "bg-raised",
        selected && "bg-accent/10",
      )}
      style={{ top: props.top, height: props.height }}
    >
      <button
        type="button"
        className={cx(
          "flex h-full min-w-0 flex-1 items-center gap-1.5 text-left text-xs",
          isStage ? "pl-1 font-semibold text-text" : "pl-3 text-text @2xl:pl-6",
        )}
        aria-expanded={isStage ? expanded : undefined}
        aria-label={`${row.name}${isStage ? ` stage, ${row.stage.items.length} items` : ""}, ${formatDuration(durationMs)}, ${status}${critical ? ", on the critical path" : ""}`}
        title={row.name}
        onClick={() => (isStage ? props.onToggleStage(row.id) : props.onSelectRow(row))}
      >
        {isStage && (
          <ChevronRight
            aria-hidden
            className={cx("size-3.5 shrink-0 text-muted transition-transform", expanded && "rotate-90")}
          />
        )}
        <span
          aria-hidden
          className={cx(
            "inline-block size-2.5 shrink-0 rounded-sm",
            row.status === "failed" ? "bg-failure" : STAGE_HUE_CLASS[row.stage.hue],
            critical && "ring-2 ring-text",
          )}
        />
        <span className="min-w-[2rem] truncate">{row.name}</span>
        {row.item && row.item.key !== row.item.name && row.item.key.startsWith(row.item.name) && (
          <span className="min-w-0 shrink truncate text-[11px] text-muted">
            {row.item.key.slice(row.item.name.length).trim()}
          </span>
        )}
        {StatusIcon && (
          <StatusIcon
            aria-hidden
            className={cx(
              "size-3 shrink-0",
              row.status === "failed"
                ? "text-failure"
                : row.status === "attention"
                  ? "text-attention"
                  : "text-progress",
            )}
          />
        )}
      </button>
      {delta?.delta !== undefined && delta.delta !== 0 && (
        <span
          className={cx(
            "shrink-0 font-mono text-[10px] tabular-nums",
            delta.regression ? "font-semibold text-failure" : delta.delta < 0 ? "text-ok" : "text-muted",
          )}
          data-regression={delta.regression || undefined}
        >
          {delta.delta > 0 ? "+" : "−"}
          {formatDuration(Math.abs(delta.delta))}
        </span>
      )}
      {delta && delta.change === "added" && <span className="shrink-0 text-[10px] text-muted">new</span>}
      {/* On phones the bar already shows the duration. */}
      <span className="hidden shrink-0 font-mono text-[11px] tabular-nums text-muted @2xl:inline">
        {formatDuration(durationMs)}
      </span>
    </div>
  );
});
