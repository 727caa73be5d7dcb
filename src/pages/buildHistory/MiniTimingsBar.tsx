import { memo, useMemo, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { buildTimingsQuery } from "../../api/queries";
import type { WorkspaceBuild } from "../../api/types";
import { cx } from "../../components/cx";
import { formatDuration } from "../../lib/format";
import { stageBreakdown, type StageBreakdown } from "../../lib/builds/stages";
import { STAGE_HUE_CLASS, STAGE_HUE_LABEL } from "../../components/stagePalette";
import { isActiveJob } from "../../api/jobStatus";
import { useInView } from "./useInView";

/** "Init 2.1s, Plan 4.0s, …" — the bar's text alternative. */
export function describeBreakdown(breakdown: StageBreakdown): string {
  const parts = breakdown.segments.map(
    (s) => `${STAGE_HUE_LABEL[s.bucket]} ${formatDuration(s.duration)}${s.failed ? " (failed)" : ""}`,
  );
  return `${parts.join(", ")}; total ${formatDuration(breakdown.total)}`;
}

/** Where the build's time went, stage by stage, on the build's own time axis. */
export function MiniTimingsBarView({ breakdown, className }: { breakdown: StageBreakdown; className?: string }) {
  const text = describeBreakdown(breakdown);
  return (
    <span
      role="img"
      aria-label={`Stage timings: ${text}`}
      title={text}
      className={cx("relative block h-2 w-28 overflow-hidden rounded-sm bg-raised", className)}
    >
      {breakdown.segments.map((s) => (
        <span
          key={s.bucket}
          className={cx("absolute inset-y-0", s.failed ? "bg-failure" : STAGE_HUE_CLASS[s.bucket])}
          style={{ left: `${s.offset * 100}%`, width: `max(2px, ${s.width * 100}%)` }}
        />
      ))}
    </span>
  );
}

/** Fetches a row's timings once the row scrolls into view; a finished build's timings never change. */
export const MiniTimingsBar = memo(function MiniTimingsBar({ build }: { build: WorkspaceBuild }) {
  const ref = useRef<HTMLSpanElement>(null);
  const seen = useInView(ref, { margin: "200px", once: true });
  const active = isActiveJob(build.job.status);
  const timings = useQuery({
    ...buildTimingsQuery(build.id),
    enabled: seen && !active,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const breakdown = useMemo(() => (timings.data ? stageBreakdown(timings.data) : undefined), [timings.data]);
  return (
    <span ref={ref} className="inline-flex h-4 items-center">
      {breakdown ? (
        <MiniTimingsBarView breakdown={breakdown} />
      ) : (
        <span className="text-xs text-muted">{active ? "running…" : timings.isPending && seen ? "" : "—"}</span>
      )}
    </span>
  );
});
