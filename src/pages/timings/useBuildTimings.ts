import { useMemo } from "react";
import { isApiError } from "../../api/client";
import type { WorkspaceBuild } from "../../api/types";
import { useFollowedLog, type FollowedLog } from "../../hooks/useFollowedLog";
import { useLiveBuildTimings } from "../../hooks/useLiveBuildTimings";
import { useWorkspaceWatch } from "../../api/watch";
import { useLogStoreSnapshot } from "../../components/LogViewer";
import { isActiveJob } from "../../api/jobStatus";
import { stageChanges } from "../../lib/logs/stageChanges";
import { buildLiveTimings, livePhase, type LiveTimings } from "../../lib/timings";

export interface BuildTimingsData {
  live?: LiveTimings;
  /** The timings endpoint does not exist on this server (older Coder). */
  unsupported: boolean;
  error?: unknown;
  loading: boolean;
  refetch: () => void;
  /** The build log: stage changes for provisional bars, and the side pane's content. */
  log: FollowedLog;
}

/**
 * A build's timings as the chart draws them, live: real timings where written, provisional bars
 * from the log and job state where not, kept current by the shared timings rule.
 */
export function useBuildTimings(build: WorkspaceBuild | undefined): BuildTimingsData {
  const isLive = build ? livePhase(build) !== "done" : false;
  const watch = useWorkspaceWatch(isLive ? build?.workspace_id : undefined);
  const timings = useLiveBuildTimings(build, isLive ? watch : undefined);
  const log = useFollowedLog({
    kind: "build",
    id: build?.id,
    complete: build !== undefined && !isActiveJob(build.job.status),
  });
  // Provisional bars change only when a new stage starts, not with every line.
  const stages = useLogStoreSnapshot(log.store, (s) => s.groups.length);

  const unsupported = timings.isError && isApiError(timings.error) && timings.error.status === 404;
  const live = useMemo(() => {
    if (!build) return undefined;
    if (timings.isPending && !unsupported) return undefined;
    return buildLiveTimings({ build, timings: timings.data, logs: stageChanges(log.store), now: Date.now() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `stages` counts stage changes appended to the store in place
  }, [build, timings.data, timings.isPending, unsupported, log.store, stages]);

  return {
    live,
    unsupported,
    error: timings.isError && !unsupported ? timings.error : undefined,
    loading: build === undefined || (timings.isPending && !timings.isError),
    refetch: () => void timings.refetch(),
    log,
  };
}
