// The one tooltip look for every health chart (recharts hands it the hovered point's series).

interface Entry {
  name?: string | number;
  value?: unknown;
  color?: string;
  stroke?: string;
  fill?: string;
}

export interface ChartTooltipProps {
  active?: boolean;
  label?: string | number;
  payload?: ReadonlyArray<Entry>;
  format: (value: number) => string;
  /** For charts whose x value is not already the words to show (a bucket's start time). */
  formatLabel?: (label: number) => string;
}

export function ChartTooltip({ active, label, payload, format, formatLabel }: ChartTooltipProps) {
  const entries = (payload ?? []).filter((e) => typeof e.value === "number");
  if (!active || entries.length === 0) return null;
  return (
    <div className="rounded-md border border-border bg-panel px-2 py-1.5 text-xs text-text shadow-md">
      {label !== undefined && (
        <div className="mb-0.5 font-medium">
          {typeof label === "number" && formatLabel ? formatLabel(label) : label}
        </div>
      )}
      {entries.map((e) => (
        <div key={String(e.name)} className="flex items-center justify-between gap-3">
          <span className="flex items-center gap-1.5 text-muted">
            <span
              aria-hidden
              className="inline-block size-2 rounded-sm"
              style={{ background: e.color ?? e.stroke ?? e.fill }}
            />
            {e.name}
          </span>
          <span className="font-mono tabular-nums">{format(e.value as number)}</span>
        </div>
      ))}
    </div>
  );
}

export const AXIS_TICK = { fill: "var(--color-muted)", fontSize: 11 };
