import { X } from "lucide-react";
import { Button } from "../../components/Button";
import { cx } from "../../components/cx";
import { transitionLabel } from "../../lib/builds/labels";
import {
  ACTIVE_STATUS,
  activeFilterCount,
  RANGE_LABELS,
  RANGES,
  type FilterKey,
  type FilterOptions,
  type OverviewFilter,
} from "./model/filters";
import { statusInfo } from "../../lib/status";

export interface FiltersBarProps {
  filter: OverviewFilter;
  options: FilterOptions;
  onChange: (patch: Partial<OverviewFilter>) => void;
}

const SELECTS: Array<{ key: FilterKey; label: string; all: string; text: (value: string) => string }> = [
  {
    key: "status",
    label: "Status",
    all: "Any status",
    text: (v) => (v === ACTIVE_STATUS ? "In progress" : statusInfo("job", v).label),
  },
  { key: "template", label: "Template", all: "Any template", text: (v) => v },
  { key: "owner", label: "Owner", all: "Any owner", text: (v) => v },
  { key: "transition", label: "Transition", all: "Any transition", text: transitionLabel },
  { key: "errorCode", label: "Error code", all: "Any error code", text: (v) => v },
];

/** Time range and the five filters; every change goes to the URL (docs/conventions.md), so a view can be shared. */
export function FiltersBar({ filter, options, onChange }: FiltersBarProps) {
  const count = activeFilterCount(filter);
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-end gap-3">
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs text-muted">Time range</legend>
        <div className="inline-flex rounded-md border border-border bg-panel p-0.5">
          {RANGES.map((range) => (
            <button
              key={range}
              type="button"
              aria-pressed={filter.range === range}
              title={RANGE_LABELS[range]}
              onClick={() => onChange({ range })}
              className={cx(
                "h-7 rounded px-2.5 text-xs font-medium",
                filter.range === range
                  ? "bg-accent text-white dark:text-slate-950"
                  : "text-muted hover:bg-raised hover:text-text",
              )}
            >
              {range}
            </button>
          ))}
        </div>
      </fieldset>
      {SELECTS.map(({ key, label, all, text }) => {
        const values = key === "status" ? withActive(options.status) : options[key];
        const id = `filter-${key}`;
        return (
          <div key={key} className="flex min-w-0 flex-col gap-1">
            <label htmlFor={id} className="text-xs text-muted">
              {label}
            </label>
            <select
              id={id}
              value={filter[key] ?? ""}
              onChange={(e) => onChange({ [key]: e.target.value || undefined })}
              className={cx(
                "h-8 max-w-44 rounded-md border bg-panel px-2 text-sm text-text",
                filter[key] ? "border-accent" : "border-border",
              )}
            >
              <option value="">{all}</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {text(v)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {count > 0 && (
        <Button
          variant="ghost"
          size="md"
          onClick={() =>
            onChange({
              status: undefined,
              template: undefined,
              owner: undefined,
              transition: undefined,
              errorCode: undefined,
            })
          }
        >
          <X aria-hidden className="size-3.5" />
          Clear {count === 1 ? "filter" : `${count} filters`}
        </Button>
      )}
    </div>
  );
}

/** "In progress" first, then the statuses seen. */
function withActive(statuses: readonly string[]): string[] {
  return [ACTIVE_STATUS, ...statuses.filter((s) => s !== ACTIVE_STATUS)];
}
