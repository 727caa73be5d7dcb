// The one rule for keeping a build's timings current, shared by the workspace page, the build
// page's Timings tab and the full-page Gantt. Provisioner timings are written when the job
// completes and agent timings as agents connect and run scripts, so timings are fetched again
// whenever the build's job or agent progress changes, and on every watch event while the build is
// live; with the watch down, polled while live.
import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { agentsOf, livePhase } from "../lib/timings";
import { buildTimingsQuery } from "../api/queries";
import type { WorkspaceBuild } from "../api/types";
import type { WorkspaceWatchStatus } from "../api/watch";

/** How often to refetch while live if the watch stream is down (with it up, events drive refetches). */
export const TIMINGS_FALLBACK_POLL_MS = 2_000;

/** Everything about a build whose change can mean new timings: job state and each agent's progress. */
export function timingsSignature(build: WorkspaceBuild): string {
  return [
    build.id,
    build.job.status,
    ...agentsOf(build).map((a) => `${a.id}:${a.status}:${a.lifecycle_state}:${a.first_connected_at ?? ""}`),
  ].join("|");
}

/** `watch`: the page's workspace watch, when this build is the one it keeps live. */
export function useLiveBuildTimings(build: WorkspaceBuild | undefined, watch: WorkspaceWatchStatus | undefined) {
  const buildId = build?.id;
  const live = build !== undefined && livePhase(build) !== "done";
  const signal = build ? `${timingsSignature(build)}|${live ? (watch?.lastEventAt ?? "") : "settled"}` : "";
  const timings = useQuery({
    ...buildTimingsQuery(buildId ?? ""),
    enabled: buildId !== undefined,
    refetchInterval: live && watch?.state !== "live" ? TIMINGS_FALLBACK_POLL_MS : false,
  });
  const { refetch } = timings;
  // The query's own first fetch covers mounting and a new build; this covers what changes later.
  const seen = useRef({ buildId, signal });
  useEffect(() => {
    const before = seen.current;
    seen.current = { buildId, signal };
    if (!buildId || before.buildId !== buildId || before.signal === signal) return;
    void refetch();
  }, [buildId, signal, refetch]);
  return timings;
}
