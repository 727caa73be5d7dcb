import { formatDuration } from "../../lib/format";
import { formatTick, type TimingTree } from "../../lib/timings";
import { cx } from "../cx";
import { statusText } from "./describe";
import { barEnd } from "./hitTest";
import type { ChartRow } from "./rows";
import { TableHead, type HeadColumn } from "./TableHead";

const COLUMNS: HeadColumn[] = [
  { label: "Name" },
  { label: "Stage" },
  { label: "Action / source" },
  { label: "Status" },
  { label: "Starts at", numeric: true },
  { label: "Duration", numeric: true },
];

/** The accessible alternative to the canvas: every stage and item as table rows. */
export function TimingsTable({
  tree,
  rows,
  now,
  critical,
}: {
  tree: TimingTree;
  rows: readonly ChartRow[];
  now: number;
  critical?: ReadonlySet<string>;
}) {
  return (
    <div
      className="max-h-[36rem] overflow-auto rounded-md border border-border bg-panel"
      tabIndex={0}
      role="region"
      aria-label="Timings table"
    >
      <table className="w-full min-w-[40rem] border-collapse text-xs">
        <caption className="sr-only">
          Build timings: stages and their items, with start offset from the build start and duration
        </caption>
        <TableHead columns={COLUMNS} />
        <tbody>
          {rows.map((row) => {
            const stage = row.kind === "stage";
            const status = statusText(row);
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                data-critical={critical?.has(row.id) ? "true" : undefined}
                className={cx("border-t border-border/60", stage && "bg-raised/50")}
              >
                {stage ? (
                  <th scope="row" className="px-3 py-1.5 text-left font-semibold text-text">
                    {row.name}
                  </th>
                ) : (
                  <td className="break-all px-3 py-1.5 pl-6 font-mono text-text">{row.name}</td>
                )}
                <td className="px-3 py-1.5 text-muted">{row.stage.id}</td>
                <td className="px-3 py-1.5 text-muted">
                  {row.item
                    ? [row.item.action, row.item.source ?? row.item.agentName].filter(Boolean).join(" · ")
                    : `${row.stage.items.length} items`}
                </td>
                <td className={cx("px-3 py-1.5", row.status === "failed" ? "font-semibold text-failure" : "text-text")}>
                  {status}
                  {critical?.has(row.id) ? " · critical path" : ""}
                </td>
                <td className="px-3 py-1.5 text-right font-mono tabular-nums text-text">
                  +{formatTick(row.start - tree.start, 1000)}
                </td>
                <td className="px-3 py-1.5 text-right font-mono tabular-nums text-text">
                  {formatDuration(barEnd(row, now) - row.start)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
