import { shouldRetryQuery } from "../../api/retryPolicy";
import { useEffect, useMemo, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { keys } from "../../api/keys";
import { buildTimingsQuery } from "../../api/queries";
import { useWorkspaceWatch } from "../../api/watch";
import type { WorkspaceBuild } from "../../api/types";
import { agentsOf, buildLiveTimings, livePhase, type LiveTimings } from "../../lib/timings";
import { useBuildLogStream, type BuildLogStream } from "./useLogStreams";

/** How often to refetch while live if the watch stream is down (with it up, events drive refetches). */
const FALLBACK_POLL_MS = 2_000;

export interface BuildTimingsData {
  live?: LiveTimings;
  /** The timings endpoint does not exist on this server (older Coder). */
  unsupported: boolean;
  error?: unknown;
  loading: boolean;
  refetch: () => void;
  logs: BuildLogStream;
}

/**
 * A build's timings as the chart draws them, live: real timings where written, provisional bars
 * from the log and job state where not (SPEC §7), refetched on each watch event while anything can
 * still change, and once more when it settles.
 */
export function useBuildTimings(build: WorkspaceBuild | undefined): BuildTimingsData {
  const queryClient = useQueryClient();
  const buildId = build?.id;
  const phase = build ? liveSignature(build) : "";
  const isLive = build ? livePhase(build) !== "done" : false;
  const watch = useWorkspaceWatch(isLive ? build?.workspace_id : undefined);
  const timings = useQuery({
    ...buildTimingsQuery(buildId ?? ""),
    enabled: buildId !== undefined,
    retry: shouldRetryQuery,
    refetchInterval: isLive && watch.state !== "live" ? FALLBACK_POLL_MS : false,
  });
  const logs = useBuildLogStream(buildId);

  // Watch events (and the job/agent state they carry) mean new timings may exist.
  const lastRefetch = useRef<string>("");
  useEffect(() => {
    if (!buildId) return;
    const signal = `${phase}|${isLive ? watch.lastEventAt : "settled"}`;
    if (lastRefetch.current === "" || lastRefetch.current === signal) {
      lastRefetch.current = signal;
      return;
    }
    lastRefetch.current = signal;
    void queryClient.invalidateQueries({ queryKey: keys.buildPart(buildId, "timings"), exact: true });
  }, [buildId, phase, isLive, watch.lastEventAt, queryClient]);

  const unsupported = timings.isError && isApiError(timings.error) && timings.error.status === 404;
  const live = useMemo(() => {
    if (!build) return undefined;
    if (timings.isPending && !unsupported) return undefined;
    return buildLiveTimings({ build, timings: timings.data, logs: logs.logs, now: Date.now() });
  }, [build, timings.data, timings.isPending, unsupported, logs.logs]);

  return {
    live,
    unsupported,
    error: timings.isError && !unsupported ? timings.error : undefined,
    loading: build === undefined || (timings.isPending && !timings.isError),
    refetch: () => void timings.refetch(),
    logs,
  };
}

/** Everything about a build whose change can mean new timings: job state and each agent's progress. */
function liveSignature(build: WorkspaceBuild): string {
  return [
    build.job.status,
    ...agentsOf(build).map((a) => `${a.id}:${a.status}:${a.lifecycle_state}:${a.first_connected_at ?? ""}`),
  ].join("|");
}
