import { useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { buildByNumberQuery, buildInfoQuery, buildsQuery, buildTimingsQuery } from "../../api/queries";
import type { WorkspaceBuild } from "../../api/types";
import { useBuildNumberParam, useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonBlock } from "../../components/Skeleton";
import {
  readChartUrlState,
  writeChartUrlState,
  type ChartUrlState,
  type TimingBar,
  type UsualSize,
  type UsualTimes,
} from "../../components/TimingsChart";
import { firstLineAtOrAfter } from "../../lib/logs/stageChanges";
import type { LogStore } from "../../lib/logs/store";
import {
  agentLogTargetOf,
  agentOfItem,
  agentsOf,
  baselineSize,
  buildTimingTree,
  describeBaselineSource,
} from "../../lib/timings";
import { NotFoundView } from "../../components/NotFoundView";
import { parseCompareParam, previousSuccessfulBuild } from "./compareTarget";
import { LogPane, type LogTarget } from "./LogPane";
import { useBuildTimings } from "./useBuildTimings";
import { useTimingsBaseline, type BaselineState } from "./useTimingsBaseline";
import { TimingsView, type CompareContent, type TimingsContent } from "./TimingsView";

/** How far back `?compare=prev` looks for a previous successful build. */
const PREV_SEARCH_LIMIT = 100;

export default function TimingsPage() {
  const { owner, workspace } = useWorkspaceParams();
  const number = useBuildNumberParam();
  const [params, setParams] = useSearchParams();
  const build = useQuery({ ...buildByNumberQuery(owner, workspace, number ?? 0), enabled: number !== undefined });
  const data = useBuildTimings(build.data);
  const buildInfo = useQuery({ ...buildInfoQuery(), enabled: data.unsupported === true });
  const compare = useCompareBuild(owner, workspace, build.data, params.get("compare"));
  const [initialChartState] = useState(() => readChartUrlState(params));
  const usualCount = baselineSize(params.get("baseline"));
  const baseline = useTimingsBaseline(owner, workspace, build.data, usualCount, data.live !== undefined);
  const usualSize = useMemo<UsualSize>(
    () => ({
      value: usualCount,
      onChange: (n) =>
        setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            next.set("baseline", String(n));
            return next;
          },
          { replace: true },
        ),
    }),
    [usualCount, setParams],
  );
  const [logTarget, setLogTarget] = useState<{ target: LogTarget; barId: string } | undefined>(undefined);

  const onChartStateChange = useCallback(
    (state: ChartUrlState) => setParams((prev) => writeChartUrlState(prev, state), { replace: true }),
    [setParams],
  );
  const shareUrl = useCallback(
    (state: ChartUrlState) =>
      `${window.location.origin}${window.location.pathname}?${writeChartUrlState(params, state).toString()}`,
    [params],
  );
  const onCompareChange = useCallback(
    (value: string | null) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("compare", value);
        else next.delete("compare");
        return next;
      }),
    [setParams],
  );

  const onSelectBar = useCallback(
    (bar: TimingBar) => {
      if (!build.data) return;
      const target = logTargetOf(bar, build.data, data.log.store);
      setLogTarget(target ? { target, barId: bar.id } : undefined);
    },
    [build.data, data.log.store],
  );

  if (number === undefined) return <NotFoundView title="Build not found" />;
  if (build.isError) {
    if (isApiError(build.error) && build.error.status === 404) return <NotFoundView title="Build not found" />;
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <ErrorState error={build.error} onRetry={() => void build.refetch()} />
      </div>
    );
  }
  if (build.isPending) {
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <SkeletonBlock label="Loading build" lines={6} />
      </div>
    );
  }

  const content = contentOf(build.data, data);
  return (
    <TimingsView
      owner={owner}
      workspaceName={workspace}
      build={build.data}
      content={content}
      serverVersion={buildInfo.data?.version}
      compare={compare}
      compareParam={params.get("compare")}
      onCompareChange={onCompareChange}
      initialChartState={initialChartState}
      onChartStateChange={onChartStateChange}
      shareUrl={shareUrl}
      onSelectBar={onSelectBar}
      selectedId={logTarget?.barId}
      usual={usualTimesOf(baseline, build.data)}
      usualSize={usualSize}
      logPane={
        logTarget && content.kind === "ready" ? (
          <LogPane
            target={logTarget.target}
            buildLog={data.log}
            buildId={build.data.id}
            live={content.live}
            onClose={() => setLogTarget(undefined)}
          />
        ) : undefined
      }
    />
  );
}

function contentOf(build: WorkspaceBuild, data: ReturnType<typeof useBuildTimings>): TimingsContent {
  if (data.unsupported) return { kind: "empty", reason: "unsupported" };
  if (data.error) return { kind: "error", error: data.error, onRetry: data.refetch };
  if (data.loading || !data.live) return { kind: "loading" };
  const { tree, live, phase } = data.live;
  if (tree.items.length > 0) return { kind: "ready", tree, live, phase };
  if (phase === "queued") return { kind: "empty", reason: "queued" };
  // A running job with no log yet still gets its bar once it starts; until then, the skeleton.
  if (live) return { kind: "loading" };
  return { kind: "empty", reason: build.job.status === "failed" ? "failed" : "no-timings" };
}

function usualTimesOf(state: BaselineState, build: WorkspaceBuild): UsualTimes {
  if (state.status === "loading") return { status: "loading" };
  if (state.status === "error") return { status: "error", message: "Could not load earlier builds to compare with." };
  return {
    status: "ready",
    baseline: state.baseline,
    note: describeBaselineSource(state.pick, state.baseline, build.transition),
  };
}

/**
 * Where a bar's logs are (docs/coder-api.md, docs/conventions.md): provisioner bars open the build log at the first line
 * created at or after the bar's start; a script opens its agent's log at its own source (display
 * name → `log_source_id`); the connection and agent stages open the agent's whole log.
 */
function logTargetOf(bar: TimingBar, build: WorkspaceBuild, log: LogStore): LogTarget | undefined {
  const agents = agentsOf(build);
  const title = bar.item ? bar.item.name : `${bar.stage.label} stage`;
  if (bar.stage.group === "provisioner") {
    const start = bar.item?.start ?? bar.stage.start;
    return { kind: "build", title, line: firstLineAtOrAfter(log, start) };
  }
  if (bar.item?.kind === "script") {
    const target = agentLogTargetOf(bar.item, agents);
    const agent = target ? agents.find((a) => a.id === target.agentId) : agentOfItem(bar.item, agents);
    if (agent) return { kind: "agent", title, agent, sourceId: target?.sourceId ?? null };
  }
  const agent = (bar.item && agentOfItem(bar.item, agents)) ?? (agents.length === 1 ? agents[0] : undefined);
  return agent ? { kind: "agent", title, agent, sourceId: null } : undefined;
}

/** The baseline build for `?compare=`, and its timings. */
function useCompareBuild(
  owner: string,
  workspace: string,
  build: WorkspaceBuild | undefined,
  raw: string | null,
): CompareContent {
  const param = parseCompareParam(raw);
  const byNumber = useQuery({
    ...buildByNumberQuery(owner, workspace, param.kind === "number" ? param.number : 0),
    enabled: param.kind === "number",
    retry: false,
  });
  const history = useQuery({
    ...buildsQuery(build?.workspace_id ?? "", { limit: PREV_SEARCH_LIMIT, offset: 0 }),
    enabled: param.kind === "prev" && build !== undefined,
  });
  const baseline =
    param.kind === "number"
      ? byNumber.data
      : param.kind === "prev" && build && history.data
        ? previousSuccessfulBuild(history.data, build)
        : undefined;
  const timings = useQuery({ ...buildTimingsQuery(baseline?.id ?? ""), enabled: baseline !== undefined });
  const tree = useMemo(() => (timings.data ? buildTimingTree(timings.data) : undefined), [timings.data]);

  if (param.kind === "none") return { kind: "none" };
  if (param.kind === "invalid")
    return {
      kind: "unavailable",
      message: `“${param.value}” is not a build to compare with: use a build number or “prev”.`,
    };
  if (param.kind === "number" && byNumber.isError)
    return { kind: "unavailable", message: `Build #${param.number} of this workspace was not found.` };
  if (param.kind === "prev" && history.isError)
    return { kind: "unavailable", message: "Could not load the build history to find the previous build." };
  if (param.kind === "prev" && history.data && build && !baseline) {
    return {
      kind: "unavailable",
      message: `No earlier successful ${build.transition} build in the last ${PREV_SEARCH_LIMIT} builds to compare with.`,
    };
  }
  if (timings.isError)
    return { kind: "unavailable", message: "Could not load the timings of the build to compare with." };
  if (!baseline || !tree) return { kind: "loading" };
  if (tree.items.length === 0)
    return { kind: "unavailable", message: `Build #${baseline.build_number} recorded no timings to compare with.` };
  return { kind: "ready", tree, label: `#${baseline.build_number}`, buildNumber: baseline.build_number };
}
