import { useEffect, useRef } from "react";
import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { buildsQuery, buildTimingsQuery } from "../../api/queries";
import type { Workspace } from "../../api/types";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { useWatchLatency, useWorkspaceWatch } from "../../api/watch";
import { isAdmin, useMe } from "../../app/auth";
import { NotifyToggle } from "../../app/notify/NotifyToggle";
import { useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { statusInfo } from "../../lib/status";
import { agentsOf, livePhase } from "../../lib/timings";
import { ownerTimeZone } from "../../lib/workspace/schedule";
import { NotFoundView } from "../notFound/NotFoundView";
import { DeletedView } from "./DeletedView";
import { useAppOrigin } from "./hooks/useAppOrigin";
import { useAgentLogs, useBuildLog } from "./hooks/useFollowedLog";
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
    if (isApiError(result.error) && (result.error.status === 404 || result.error.status === 410)) {
      return (
        <NotFoundView
          title="Workspace not found"
          description={`There is no workspace @${owner}/${name}, or you don't have access to it.`}
        />
      );
    }
    return (
      <div className="mx-auto max-w-7xl p-4 sm:p-6">
        <ErrorState error={result.error} title="The workspace could not be loaded" onRetry={result.refetch} />
      </div>
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
  const phase = livePhase(build);

  const history = useQuery(buildsQuery(workspace.id, HISTORY_PAGE));
  // Provisioner timings exist only once the job has completed (SPEC §7); agent script timings
  // keep arriving after that, each announced by a watch event, until the agents settle.
  const timings = useQuery({ ...buildTimingsQuery(build.id), enabled: phase === "agents" || phase === "done" });
  const { refetch: refetchTimings } = timings;
  const agentsEvent = phase === "agents" ? watch.lastEventAt : undefined;
  const seen = useRef({ buildId: build.id, phase, agentsEvent });
  useEffect(() => {
    const before = seen.current;
    seen.current = { buildId: build.id, phase, agentsEvent };
    // The query's own first fetch covers mounting and a new build; this covers what changes later.
    if (before.buildId !== build.id || (before.phase === phase && before.agentsEvent === agentsEvent)) return;
    if (phase === "agents" || phase === "done") void refetchTimings();
  }, [build.id, phase, agentsEvent, refetchTimings]);

  const buildLog = useBuildLog(build.id);
  const agentLogs = useAgentLogs(agentsOf(build));
  const actions = useWorkspaceActions(workspace, isAdmin(useMe()), watch.state === "live");
  const extend = useExtend(workspace);
  const appOrigin = useAppOrigin();

  return (
    <WorkspaceView
      workspace={workspace}
      live={watch.state}
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
