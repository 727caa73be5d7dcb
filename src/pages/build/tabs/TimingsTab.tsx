// The embedded Gantt. Loaded through React.lazy (the chart is the heaviest part of the page and
// only this tab needs it).
import { useCallback, useEffect, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ChartGantt, GitCompareArrows } from "lucide-react";
import { isApiError } from "../../../api/client";
import { buildInfoQuery } from "../../../api/queries";
import type { WorkspaceBuild } from "../../../api/types";
import { useLiveBuildTimings } from "../../../hooks/useLiveBuildTimings";
import type { WorkspaceWatchStatus } from "../../../api/watch";
import { timingsPath } from "../../../app/params";
import { buttonClasses } from "../../../components/Button";
import { ErrorState } from "../../../components/ErrorState";
import { useLogStoreSnapshot } from "../../../components/LogViewer";
import { TimingsChart, TimingsEmpty, TimingsSkeleton, type TimingBar } from "../../../components/TimingsChart";
import { stageChanges } from "../../../lib/logs/stageChanges";
import type { LogStore } from "../../../lib/logs/store";
import { buildLiveTimings } from "../../../lib/timings";

export interface TimingsTabProps {
  build: WorkspaceBuild;
  owner: string;
  workspaceName: string;
  /** The build log, for provisional stage bars while the job runs. */
  log: LogStore;
  /** The workspace watch, when this is the workspace's latest build. */
  watch: WorkspaceWatchStatus | undefined;
  /** A provisioner bar was picked: show the log from this time (epoch ms). */
  onShowLogAt: (ms: number) => void;
  /** An agent bar was picked. */
  onShowAgentLogs: () => void;
}

export default function TimingsTab({
  build,
  owner,
  workspaceName,
  log,
  watch,
  onShowLogAt,
  onShowAgentLogs,
}: TimingsTabProps) {
  const timings = useLiveBuildTimings(build, watch);
  const logVersion = useLogStoreSnapshot(log);
  const notFound = timings.isError && isApiError(timings.error) && timings.error.status === 404;
  const buildInfo = useQuery({ ...buildInfoQuery(), enabled: notFound });
  const [now, setNow] = useState(() => Date.now());
  const { refetch } = timings;

  const live = useMemo(
    () => buildLiveTimings({ build, timings: timings.data, logs: stageChanges(log), now }),
    // `logVersion` stands for the log's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `logVersion` counts the store's in-place appends
    [build, timings.data, log, logVersion, now],
  );
  useEffect(() => {
    if (!live.live) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live.live]);

  const onSelectBar = useCallback(
    (bar: TimingBar) => {
      if (bar.stage.group === "provisioner") onShowLogAt(bar.item?.start ?? bar.stage.start);
      else onShowAgentLogs();
    },
    [onShowLogAt, onShowAgentLogs],
  );

  const links = (
    <div className="flex flex-wrap gap-2">
      <Link to={timingsPath(owner, workspaceName, build.build_number)} className={buttonClasses({ size: "sm" })}>
        <ChartGantt aria-hidden className="size-3.5" />
        Open full timings
      </Link>
      <Link
        to={`${timingsPath(owner, workspaceName, build.build_number)}?compare=prev`}
        className={buttonClasses({ size: "sm" })}
      >
        <GitCompareArrows aria-hidden className="size-3.5" />
        Compare with previous
      </Link>
    </div>
  );

  let body;
  if (notFound) body = <TimingsEmpty reason="unsupported" serverVersion={buildInfo.data?.version} />;
  else if (timings.isError)
    body = <ErrorState error={timings.error} title="Could not load timings" onRetry={() => void refetch()} />;
  else if (timings.isPending) body = <TimingsSkeleton />;
  else if (live.tree.items.length > 0) {
    body = (
      <TimingsChart
        tree={live.tree}
        live={live.live}
        label={`#${build.build_number}`}
        exportName={`${workspaceName}-build-${build.build_number}-timings`}
        onSelectBar={onSelectBar}
        compact
        maxBodyHeight={420}
      />
    );
  } else if (live.phase === "queued") body = <TimingsEmpty reason="queued" />;
  else if (live.live) body = <TimingsSkeleton />;
  else body = <TimingsEmpty reason={build.job.status === "failed" ? "failed" : "no-timings"} />;

  return (
    <div className="flex flex-col gap-3">
      {links}
      {body}
    </div>
  );
}
