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
} from "../../components/TimingsChart";
import { agentLogTargetOf, agentOfItem, agentsOf, buildTimingTree, firstLogIndexAtOrAfter } from "../../lib/timings";
import { NotFoundView } from "../notFound/NotFoundView";
import { parseCompareParam, previousSuccessfulBuild } from "./compareTarget";
import { LogPane, type LogTarget } from "./LogPane";
import { useBuildTimings } from "./useBuildTimings";
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
      const target = logTargetOf(bar, build.data, data.logs.logs);
      setLogTarget(target ? { target, barId: bar.id } : undefined);
    },
    [build.data, data.logs.logs],
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
      logPane={
        logTarget && content.kind === "ready" ? (
          <LogPane
            target={logTarget.target}
            buildLogs={data.logs}
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

/**
 * Where a bar's logs are (SPEC §3, §7): provisioner bars open the build log at the first line
 * created at or after the bar's start; a script opens its agent's log at its own source (display
 * name → `log_source_id`); the connection and agent stages open the agent's whole log.
 */
function logTargetOf(
  bar: TimingBar,
  build: WorkspaceBuild,
  logs: ReturnType<typeof useBuildTimings>["logs"]["logs"],
): LogTarget | undefined {
  const agents = agentsOf(build);
  const title = bar.item ? bar.item.name : `${bar.stage.label} stage`;
  if (bar.stage.group === "provisioner") {
    const start = bar.item?.start ?? bar.stage.start;
    const index = firstLogIndexAtOrAfter(logs, start);
    return { kind: "build", title, line: index >= 0 ? index + 1 : undefined };
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
