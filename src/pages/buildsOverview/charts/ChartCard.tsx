import type { ReactNode } from "react";

export interface DataRow {
  key: string;
  cells: ReactNode[];
}

export interface ChartCardProps {
  id: string;
  title: string;
  /** One line under the title: what is counted and how to use the chart. */
  description: ReactNode;
  /** The same numbers as a table, for keyboards and screen readers (charts are pictures). */
  columns: string[];
  rows: DataRow[];
  children: ReactNode;
  empty?: string;
}

/** A chart with its title, a one-line description, and its data as a table under a disclosure. */
export function ChartCard({ id, title, description, columns, rows, children, empty }: ChartCardProps) {
  return (
    <figure
      data-testid={`chart-${id}`}
      aria-labelledby={`chart-${id}-title`}
      className="flex min-w-0 flex-col gap-1 rounded-md border border-border bg-panel p-3"
    >
      <figcaption>
        <h3 id={`chart-${id}-title`} className="text-sm font-semibold text-text">
          {title}
        </h3>
        <p className="text-xs text-muted">{description}</p>
      </figcaption>
      {rows.length === 0 && empty ? (
        <p className="flex h-[180px] items-center justify-center text-sm text-muted">{empty}</p>
      ) : (
        children
      )}
      {rows.length > 0 && (
        <details className="text-xs">
          <summary className="cursor-pointer select-none text-muted hover:text-text">Data</summary>
          {/* Long tables scroll: focusable so the keyboard can scroll them too. */}
          <div
            tabIndex={0}
            role="region"
            aria-label={`${title}: data`}
            className="mt-1 max-h-56 overflow-auto rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <table className="w-full border-collapse">
              <thead>
                <tr className="text-left text-muted">
                  {columns.map((c, i) => (
                    <th
                      key={c}
                      scope="col"
                      className={i === 0 ? "py-1 pr-2 font-medium" : "py-1 pr-2 text-right font-medium"}
                    >
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} className="border-t border-border">
                    {row.cells.map((cell, i) => (
                      <td key={i} className={i === 0 ? "py-1 pr-2" : "py-1 pr-2 text-right font-mono tabular-nums"}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}

/** A table cell that applies the filter its chart bar would. */
export function FilterButton({
  onClick,
  children,
  label,
}: {
  onClick: () => void;
  children: ReactNode;
  label: string;
}) {
  return (
    <button type="button" onClick={onClick} aria-label={label} className="text-left text-accent hover:underline">
      {children}
    </button>
  );
}
