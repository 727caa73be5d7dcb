import { formatDuration } from "../../lib/format";
import type { TimingItem } from "../../lib/timings";
import { cx } from "../cx";

export function SlowestList({
  items,
  selectedId,
  onPick,
}: {
  items: readonly TimingItem[];
  selectedId?: string;
  onPick: (item: TimingItem) => void;
}) {
  return (
    <section aria-labelledby="timings-slowest" className="rounded-md border border-border bg-panel">
      <h2 id="timings-slowest" className="border-b border-border px-3 py-2 text-xs font-semibold text-text">
        Slowest {items.length}
      </h2>
      <ol className="divide-y divide-border/60">
        {items.map((item, i) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => onPick(item)}
              className={cx(
                "flex w-full items-center gap-2 px-3 py-1.5 text-left text-xs hover:bg-raised",
                item.id === selectedId && "bg-accent/10",
              )}
            >
              <span className="w-4 shrink-0 text-right tabular-nums text-muted">{i + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-mono text-text" title={item.name}>
                  {item.name}
                </span>
                <span className="block text-[11px] text-muted">
                  {item.stage}
                  {item.status === "failed" ? " · failed" : item.running ? " · running" : ""}
                </span>
              </span>
              <span
                className={cx(
                  "shrink-0 font-mono tabular-nums",
                  item.status === "failed" ? "text-failure" : "text-text",
                )}
              >
                {formatDuration(item.duration)}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
