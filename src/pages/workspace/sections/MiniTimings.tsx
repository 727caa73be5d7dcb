import { useMemo } from "react";
import { Link } from "react-router";
import type { WorkspaceBuildTimings } from "../../../api/types";
import { cx } from "../../../components/cx";
import { formatDuration } from "../../../lib/format";
import { buildTimingTree } from "../../../lib/timings";
import { STAGE_HUE_CLASS } from "../../../components/stagePalette";

/**
 * A one-line picture of where a build's time went: each stage as a bar placed on the build's own
 * time span, linking to the full Gantt chart.
 */
export function MiniTimings({
  timings,
  href,
  buildNumber,
}: {
  timings: WorkspaceBuildTimings | undefined;
  href: string;
  buildNumber: number;
}) {
  const tree = useMemo(() => (timings ? buildTimingTree(timings) : undefined), [timings]);
  if (!tree || tree.stages.length === 0 || tree.duration <= 0) return null;
  const summary = tree.stages.map((s) => `${s.label} ${formatDuration(s.duration)}`).join(", ");
  return (
    <Link to={href} className="group block rounded-md px-1 py-1.5 hover:bg-raised" data-testid="mini-timings">
      <span className="flex items-center justify-between text-xs text-muted">
        <span>Timings of build #{buildNumber}</span>
        <span className="font-mono tabular-nums text-text">{formatDuration(tree.duration)}</span>
      </span>
      <span aria-hidden className="relative mt-1 block h-2.5 overflow-hidden rounded-sm bg-raised">
        {tree.stages.map((stage) => (
          <span
            key={stage.id}
            className={cx(
              "absolute inset-y-0 min-w-[2px]",
              stage.status === "failed" ? "bg-failure" : STAGE_HUE_CLASS[stage.hue],
            )}
            style={{
              left: `${((stage.start - tree.start) / tree.duration) * 100}%`,
              width: `${(stage.duration / tree.duration) * 100}%`,
            }}
          />
        ))}
      </span>
      <span className="mt-1 flex flex-wrap gap-x-2 text-[11px] text-muted">
        {tree.stages.map((stage) => (
          <span key={stage.id} className="inline-flex items-center gap-1">
            <span
              aria-hidden
              className={cx("size-2 rounded-sm", stage.status === "failed" ? "bg-failure" : STAGE_HUE_CLASS[stage.hue])}
            />
            {stage.label}
          </span>
        ))}
      </span>
      <span className="sr-only">Open the timings chart. {summary}.</span>
    </Link>
  );
}
