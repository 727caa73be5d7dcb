import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { buildsQuery } from "../../api/queries";
import type { Workspace } from "../../api/types";
import { useFollowedLog, useFollowedLogs } from "../../hooks/useFollowedLog";
import { useLiveBuildTimings } from "../../hooks/useLiveBuildTimings";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { useWorkspaceWatch } from "../../api/watch";
import { useWatchLatency } from "../../api/watchLatency";
import { useMe } from "../../app/auth";
import { canUpdateTemplates } from "../../lib/permissions";
import { NotifyToggle } from "../../app/notify/NotifyToggle";
import { useWorkspaceParams } from "../../app/params";
import { statusInfo } from "../../lib/status";
import { isActiveJob } from "../../api/jobStatus";
import { agentsOf } from "../../lib/timings";
import { ownerTimeZone } from "../../lib/workspace/schedule";
import { WorkspaceUnavailable } from "../../components/WorkspaceUnavailable";
import { DeletedView } from "./DeletedView";
import { useAppOrigin } from "../../api/useAppOrigin";
import { useExtend, useWorkspaceActions } from "./hooks/useWorkspaceActions";
import { WorkspaceSkeleton } from "./WorkspaceSkeleton";
import { WorkspaceView } from "./WorkspaceView";

/** Builds the "usually ~2m 10s" estimate from this many recent builds. */
const HISTORY_PAGE = { limit: 20, offset: 0 };

export default function WorkspacePage() {
  const { owner, workspace: name } = useWorkspaceParams();
  const result = useWorkspaceByName(owner, name);
  const workspace = result.workspace;

  if (result.isPending) return <WorkspaceSkeleton />;
  if (!workspace) {
    return (
      <WorkspaceUnavailable
        owner={owner}
        name={name}
        error={result.error}
        onRetry={result.refetch}
        className="mx-auto max-w-7xl p-4 sm:p-6"
      />
    );
  }
  if (result.deleted || workspace.latest_build.status === "deleted") return <DeletedView workspace={workspace} />;
  return <LiveWorkspace workspace={workspace} />;
}

/** Everything that keeps a present workspace live: the watch, the log streams, history and timings. */
function LiveWorkspace({ workspace }: { workspace: Workspace }) {
  const watch = useWorkspaceWatch(workspace.id);
  useWatchLatency(workspace);
  const build = workspace.latest_build;
  // The page is kept open in a tab while the workspace builds: its title says how it is doing.
  const statusLabel = statusInfo("workspace", build.status).label;
  useEffect(() => {
    const previous = document.title;
    document.title = `${workspace.name} (${statusLabel}) · Coder`;
    return () => {
      document.title = previous;
    };
  }, [workspace.name, statusLabel]);

  const history = useQuery(buildsQuery(workspace.id, HISTORY_PAGE));
  const timings = useLiveBuildTimings(build, watch);
  const buildLog = useFollowedLog({ kind: "build", id: build.id, complete: !isActiveJob(build.job.status) });
  const agentLogs = useFollowedLogs(
    agentsOf(build).map((agent) => ({ kind: "agent", id: agent.id, sources: agent.log_sources })),
  );
  const actions = useWorkspaceActions(workspace, canUpdateTemplates(useMe()), watch.state === "live");
  const extend = useExtend(workspace);
  const appOrigin = useAppOrigin();

  return (
    <WorkspaceView
      workspace={workspace}
      live={watch.state}
      liveOverHttp={watch.transport === "sse" || buildLog.state === "polling"}
      history={history.data}
      historyError={history.isError}
      timings={timings.data}
      buildLog={buildLog}
      agentLogs={agentLogs}
      appOrigin={appOrigin}
      timeZone={ownerTimeZone(workspace)}
      actions={actions}
      extend={extend}
      notify={<NotifyToggle workspace={workspace} />}
    />
  );
}
