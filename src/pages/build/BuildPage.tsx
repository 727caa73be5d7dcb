import { lazy, Suspense, useCallback, useEffect, useMemo, type ReactNode } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { keys } from "../../api/keys";
import { buildByNumberQuery, buildStateQuery, buildsQuery, meQuery, workspaceQuotaQuery } from "../../api/queries";
import { useFollowedLog } from "../../hooks/useFollowedLog";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { useWorkspaceWatch } from "../../api/watch";
import { NotifyToggle } from "../../app/notify/NotifyToggle";
import { buildPath, useBuildNumberParam, useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { useLogStoreSnapshot } from "../../components/LogViewer";
import { SkeletonBlock, SkeletonTable } from "../../components/Skeleton";
import { TimingsSkeleton } from "../../components/TimingsChart/TimingsStates";
import { errorGuidance } from "../../lib/buildErrors";
import { HISTORY_PAGE_SIZE } from "../../lib/builds/paging";
import { dailyCostOf } from "../../lib/builds/quota";
import { neighbours, parseBuildTab, visibleTabs, type BuildTab } from "../../lib/builds/tabs";
import { canUpdateTemplates } from "../../lib/permissions";
import { isActiveJob } from "../../api/jobStatus";
import { failureWindow } from "../../lib/workspace/failureLines";
import { lineAtOrAfter } from "../../lib/logs/stageChanges";
import { NotFoundView } from "../../components/NotFoundView";
import { BuildFailure } from "./BuildFailure";
import { BuildView } from "./BuildView";
import { AgentLogsTab } from "./tabs/AgentLogsTab";
import { LogsTab } from "./tabs/LogsTab";
import { ParametersTab } from "./tabs/ParametersTab";
import { ResourcesTab } from "./tabs/ResourcesTab";
import { StateTab } from "./tabs/StateTab";
import { useBuildActions } from "./useBuildActions";
import { useBuildShortcuts } from "./useBuildShortcuts";

const TimingsTab = lazy(() => import("./tabs/TimingsTab"));

const isDenied = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 403);

export default function BuildPage() {
  const { owner, workspace: name } = useWorkspaceParams();
  const number = useBuildNumberParam();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tab = parseBuildTab(params.get("tab"));

  const ws = useWorkspaceByName(owner, name);
  const build = useQuery({ ...buildByNumberQuery(owner, name, number ?? 0), enabled: number !== undefined });
  const me = useQuery(meQuery());
  // While this is the workspace's latest build, the watch keeps its cached copy (status, agents) live.
  const watch = useWorkspaceWatch(ws.deleted ? undefined : ws.workspace?.id);
  const active = build.data ? isActiveJob(build.data.job.status) : false;
  const log = useFollowedLog({ kind: "build", id: build.data?.id, complete: build.data !== undefined && !active });
  const state = useQuery({
    ...buildStateQuery(build.data?.id ?? ""),
    enabled: tab === "state" && build.data !== undefined,
    retry: false,
  });
  const actions = useBuildActions(ws.workspace, build.data);

  // The log stream ends when the job does: make sure the header shows how it ended even if the
  // watch missed it (e.g. this build is not the workspace's latest any more).
  useEffect(() => {
    if (log.state === "done" && active)
      void queryClient.invalidateQueries({ queryKey: keys.buildByNumber(owner, name, number ?? 0) });
  }, [log.state, active, queryClient, owner, name, number]);

  const admin = canUpdateTemplates(me.data);
  const latest = ws.workspace?.latest_build.build_number;
  const { previous, next } = neighbours(number ?? 1, latest);
  const go = useCallback(
    (n: number | undefined) => (n === undefined ? undefined : () => void navigate(buildPath(owner, name, n))),
    [navigate, owner, name],
  );
  useBuildShortcuts(go(previous), go(next));

  const setTab = useCallback(
    (next: BuildTab) =>
      setParams(
        (current) => {
          const out = new URLSearchParams(current);
          if (next === "logs") out.delete("tab");
          else out.set("tab", next);
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );

  // The log viewer owns `#L` (selection + scroll): on the Logs tab it follows `hashchange`, and on
  // mount it reads the hash, so switching tabs with the hash set lands on the line too.
  const jumpToLine = useCallback(
    (line: number) => {
      if (tab === "logs") {
        window.history.replaceState(
          window.history.state,
          "",
          `${window.location.pathname}${window.location.search}#L${line}`,
        );
        window.dispatchEvent(new HashChangeEvent("hashchange"));
      } else {
        void navigate({ search: "", hash: `#L${line}` }, { replace: true });
      }
    },
    [tab, navigate],
  );

  const failed = build.data?.job.status === "failed";
  // Only a failed build reads its log here (the failure excerpt): other builds do not re-render per batch.
  const logVersion = useLogStoreSnapshot(log.store, (s) => (failed ? s.version : 0));
  const guidance = failed && build.data ? errorGuidance(build.data.job) : null;
  // A refused build has no cost of its own (see lib/builds/quota): estimate it from recent builds.
  const needsCostHistory = guidance?.code === "INSUFFICIENT_QUOTA" && build.data?.daily_cost === 0;
  const recent = useQuery({
    ...buildsQuery(ws.workspace?.id ?? "", { limit: HISTORY_PAGE_SIZE, offset: 0 }),
    enabled: needsCostHistory && ws.workspace !== undefined,
  });
  const quota = useQuery({
    ...workspaceQuotaQuery(ws.workspace?.organization_id ?? "", ws.workspace?.owner_name),
    enabled: guidance?.code === "INSUFFICIENT_QUOTA" && ws.workspace !== undefined,
    retry: false,
  });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `logVersion` counts the store's in-place appends
  const failure = useMemo(() => (failed ? failureWindow(log.store) : undefined), [failed, log.store, logVersion]);

  const frame = (child: ReactNode) => <div className="mx-auto max-w-7xl p-4 sm:p-6">{child}</div>;
  if (number === undefined) return <NotFoundView title="Build not found" />;
  if (build.isError) {
    if (isDenied(build.error))
      return (
        <NotFoundView
          title="Build not found"
          description={`${owner}/${name} has no build #${number}, or you cannot see it.`}
        />
      );
    return frame(<ErrorState error={build.error} onRetry={() => void build.refetch()} />);
  }
  // Coder answers 404 both to people who may not read state and for a build without any: only the
  // person's role tells which.
  const stateMissing = isApiError(state.error) && state.error.status === 404 && admin;
  if (tab === "state" && isDenied(state.error) && !stateMissing && me.data !== undefined) {
    return (
      <NotFoundView
        title="Build state not found"
        description="Only template administrators can read a build's Terraform state."
      />
    );
  }
  if (build.isPending || ws.isPending) return frame(<SkeletonBlock label="Loading build" lines={8} />);
  if (!ws.workspace) return frame(<ErrorState error={ws.error} onRetry={ws.refetch} />);

  const b = build.data;
  const workspace = ws.workspace;
  const canCancel = admin || workspace.template_allow_user_cancel_workspace_jobs;

  const panels: Record<BuildTab, () => ReactNode> = {
    logs: () => <LogsTab build={b} log={log} />,
    "agent-logs": () => <AgentLogsTab build={b} />,
    timings: () => (
      <Suspense fallback={<TimingsSkeleton />}>
        <TimingsTab
          build={b}
          owner={owner}
          workspaceName={name}
          log={log.store}
          watch={latest === b.build_number ? watch : undefined}
          onShowLogAt={(ms) => {
            const line = lineAtOrAfter(log.store, ms);
            if (line !== undefined) jumpToLine(line);
            else setTab("logs");
          }}
          onShowAgentLogs={() => setTab("agent-logs")}
        />
      </Suspense>
    ),
    resources: () => <ResourcesTab build={b} />,
    parameters: () => <ParametersTab build={b} owner={owner} workspaceName={name} />,
    state: () =>
      stateMissing ? (
        <StateTab raw="" fileName={`${name}-build-${b.build_number}-state.json`} />
      ) : state.isError ? (
        <ErrorState error={state.error} title="Could not load the state" onRetry={() => void state.refetch()} />
      ) : state.data === undefined ? (
        <SkeletonTable label="Loading state" columns={1} rows={6} />
      ) : (
        <StateTab raw={state.data} fileName={`${name}-build-${b.build_number}-state.json`} />
      ),
  };

  return (
    <BuildView
      header={{
        workspace,
        build: b,
        previous,
        next,
        canCancel,
        canDebug: admin,
        onRetry: actions.retry,
        retrying: actions.retrying,
        onCancel: actions.cancel,
        canceling: actions.canceling,
        notify: b.id === workspace.latest_build.id ? <NotifyToggle workspace={workspace} size="sm" /> : undefined,
      }}
      failure={
        failed ? (
          <BuildFailure
            build={b}
            guidance={guidance}
            cost={needsCostHistory && recent.isPending ? "loading" : dailyCostOf(b, recent.data ?? [])}
            quota={quota.data}
            window={failure}
            onJumpToLine={jumpToLine}
            onRetry={() => actions.retry()}
            retrying={actions.retrying === "normal"}
          />
        ) : undefined
      }
      tab={tab}
      tabs={visibleTabs(admin)}
      onTabChange={setTab}
      panel={panels[tab]()}
    />
  );
}
