import { cx } from "./cx";

/** A grey block standing in for content while it loads; decorative, so hidden from assistive tech. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span aria-hidden className={cx("block rounded bg-raised motion-safe:animate-pulse", className ?? "h-4 w-full")} />
  );
}

/** A loading region: announces "Loading …" once, shows placeholder lines. */
export function SkeletonBlock({
  label = "Loading",
  lines = 3,
  className,
}: {
  label?: string;
  lines?: number;
  className?: string;
}) {
  return (
    <div role="status" aria-label={label} className={cx("flex flex-col gap-2", className)}>
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} className={cx("h-4", i % 3 === 2 ? "w-2/3" : "w-full")} />
      ))}
    </div>
  );
}

/** Table-shaped placeholder with 40 px rows, so the layout does not jump when data arrives. */
export function SkeletonTable({
  rows = 8,
  columns = 4,
  label = "Loading",
}: {
  rows?: number;
  columns?: number;
  label?: string;
}) {
  return (
    <div role="status" aria-label={label} className="overflow-hidden rounded-md border border-border bg-panel">
      <div className="flex h-9 items-center gap-4 border-b border-border bg-raised/50 px-3">
        {Array.from({ length: columns }, (_, c) => (
          <Skeleton key={c} className="h-3 w-20" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex h-10 items-center gap-4 border-b border-border px-3 last:border-b-0">
          {Array.from({ length: columns }, (_, c) => (
            <Skeleton key={c} className={cx("h-3", c === 0 ? "w-40" : "w-24")} />
          ))}
        </div>
      ))}
    </div>
  );
}
