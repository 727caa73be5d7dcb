import { useId, type ReactNode } from "react";
import { X } from "lucide-react";
import { Button } from "../../components/Button";
import {
  isFiltering,
  NO_FILTER,
  STATUS_FILTERS,
  type HistoryFilter,
  type StatusFilter,
} from "../../lib/builds/historyFilter";

const STATUS_LABELS: Record<StatusFilter, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
  active: "In progress",
};
const TRANSITIONS = [
  ["start", "Start"],
  ["stop", "Stop"],
  ["delete", "Delete"],
] as const;

export interface HistoryFiltersProps {
  filter: HistoryFilter;
  initiators: string[];
  onChange: (filter: HistoryFilter) => void;
}

function Select({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs text-muted">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="h-8 min-w-0 rounded-md border border-border bg-panel px-2 text-sm text-text"
      >
        {children}
      </select>
    </div>
  );
}

export function HistoryFilters({ filter, initiators, onChange }: HistoryFiltersProps) {
  const toggleId = useId();
  return (
    <div role="search" aria-label="Filter builds" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <Select
        label="Transition"
        value={filter.transition ?? ""}
        onChange={(v) => onChange({ ...filter, transition: v || undefined })}
      >
        <option value="">All transitions</option>
        {TRANSITIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        {filter.transition && !TRANSITIONS.some(([v]) => v === filter.transition) && (
          <option value={filter.transition}>{filter.transition}</option>
        )}
      </Select>
      <Select
        label="Status"
        value={filter.status ?? ""}
        onChange={(v) => onChange({ ...filter, status: (v || undefined) as StatusFilter | undefined })}
      >
        <option value="">All statuses</option>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </Select>
      <Select
        label="Initiated by"
        value={filter.initiator ?? ""}
        onChange={(v) => onChange({ ...filter, initiator: v || undefined })}
      >
        <option value="">Anyone</option>
        {initiators.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
      <div className="flex h-8 items-center gap-2">
        <input
          id={toggleId}
          type="checkbox"
          checked={filter.onlyFailures}
          onChange={(e) => onChange({ ...filter, onlyFailures: e.target.checked })}
          className="size-4 accent-accent"
        />
        <label htmlFor={toggleId} className="text-sm text-text">
          Only failures
        </label>
      </div>
      {isFiltering(filter) && (
        <Button size="md" variant="ghost" onClick={() => onChange(NO_FILTER)}>
          <X aria-hidden className="size-3.5" />
          Clear filters
        </Button>
      )}
    </div>
  );
}
