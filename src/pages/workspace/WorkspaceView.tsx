import type { ReactNode } from "react";
import type { AgentScriptTiming, Workspace, WorkspaceBuild, WorkspaceBuildTimings } from "../../api/types";
import type { LiveState } from "../../components/LiveIndicator";
import { workspaceReadiness } from "../../lib/workspace/readiness";
import type { FollowedLog } from "../../hooks/useFollowedLog";
import type { ActionsModel, ExtendModel } from "./model";
import { Actions } from "./sections/Actions";
import { Agents } from "./sections/Agents";
import { BuildLogPanel } from "./sections/BuildLogPanel";
import { BuildProgress } from "./sections/BuildProgress";
import { FailureAlert } from "./sections/FailureAlert";
import { Header } from "./sections/Header";
import { RecentBuilds } from "./sections/RecentBuilds";
import { Resources } from "./sections/Resources";
import { ParameterValues } from "./sections/ParameterValues";
import { LifecycleNotices, Schedule } from "./sections/Schedule";

export interface WorkspaceViewProps {
  workspace: Workspace;
  /** The watch stream's state, for the Live / Reconnecting / Offline indicator. */
  live: LiveState;
  /** Updates arrive over HTTP (SSE watch, polled logs) because WebSockets are refused. */
  liveOverHttp?: boolean;
  /** Recent builds, newest first (undefined while loading). */
  history: readonly WorkspaceBuild[] | undefined;
  historyError: boolean;
  /** Timings of the latest build (undefined until it has any). */
  timings: WorkspaceBuildTimings | undefined;
  buildLog: FollowedLog;
  agentLogs: Record<string, FollowedLog>;
  appOrigin: string;
  /** The owner's timezone, for schedules. */
  timeZone: string;
  actions: ActionsModel;
  extend: ExtendModel;
  notify?: ReactNode;
}

const NO_SCRIPT_TIMINGS: AgentScriptTiming[] = [];

/** The workspace page from plain data: what tests and screenshots render without a network. */
export function WorkspaceView(props: WorkspaceViewProps) {
  const { workspace, live, history, historyError, timings, buildLog, agentLogs, appOrigin, timeZone, actions, extend } =
    props;
  const build = workspace.latest_build;
  const scriptTimings = timings?.agent_script_timings ?? NO_SCRIPT_TIMINGS;
  const readiness = workspaceReadiness(workspace, scriptTimings);
  const canRetry = actions.available.includes("start");

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <Header
        workspace={workspace}
        readiness={readiness}
        live={live}
        liveOverHttp={props.liveOverHttp}
        actions={<Actions workspace={workspace} model={actions} />}
        notify={props.notify}
      />
      <LifecycleNotices workspace={workspace} timeZone={timeZone} />
      <FailureAlert
        build={build}
        workspace={workspace}
        log={buildLog.store}
        onRetry={canRetry ? () => void actions.run("start") : undefined}
        retrying={actions.pending === "start"}
      />
      <BuildProgress build={build} history={history} log={buildLog.store} readiness={readiness} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_340px]">
        <div className="flex min-w-0 flex-col gap-4">
          <BuildLogPanel workspace={workspace} log={buildLog} />
          <Agents workspace={workspace} scriptTimings={scriptTimings} logs={agentLogs} appOrigin={appOrigin} />
        </div>
        <aside aria-label="Workspace details" className="flex min-w-0 flex-col gap-4">
          <Schedule workspace={workspace} timeZone={timeZone} extend={extend} />
          <ParameterValues workspace={workspace} />
          <RecentBuilds workspace={workspace} builds={history} error={historyError} timings={timings} />
          <Resources resources={build.resources ?? []} />
        </aside>
      </div>
    </div>
  );
}
