import type { ReactNode } from "react";
import { cx } from "../cx";

export interface HeadColumn {
  label: ReactNode;
  /** Numbers are right-aligned, under their figures. */
  numeric?: boolean;
  className?: string;
}

/** The sticky header row the timings and comparison tables share. */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead className="sticky top-0 bg-raised text-left text-muted">
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={cx("px-3 py-2 font-medium", c.numeric && "text-right", c.className)}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
