import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { keys } from "../../api/keys";
import { buildsQuery, buildTimingsQuery, workspaceByNameQuery } from "../../api/queries";
import type { WorkspaceBuild, WorkspaceBuildTimings, WorkspacesResponse } from "../../api/types";
import {
  BASELINE_MIN,
  comparableBuild,
  computeBaseline,
  durationsOf,
  pickBaselineBuilds,
  type Baseline,
  type BaselinePick,
} from "../../lib/timings";
import { mapLimited } from "../../api/mapLimited";

/** How far back the workspace's own history is searched (one page, shared with `?compare=prev`). */
const HISTORY_LIMIT = 100;
/** Timings requests in flight at once: a baseline must not starve the page's own requests. */
const TIMINGS_IN_FLIGHT = 3;
/** Template fallback: how many other workspaces, and how many recent builds of each, are looked at. */
const TEMPLATE_WORKSPACES = 25;
const TEMPLATE_BUILDS_EACH = 10;

export type BaselineState =
  | { status: "loading" }
  | { status: "error"; error: unknown }
  | { status: "ready"; baseline: Baseline; pick: BaselinePick };

/**
 * The usual duration of each stage and item of `build`, from the timings of its last `size`
 * comparable builds. Fetched only when the timings view asks for it; finished builds never change,
 * so their timings are cached for the session and a history of any length costs at most `size`
 * timings requests.
 */
export function useTimingsBaseline(
  owner: string,
  workspaceName: string,
  build: WorkspaceBuild | undefined,
  size: number,
  /** False until the view's own timings are in: the baseline never competes with what is drawn first. */
  enabled = true,
): BaselineState {
  const queryClient = useQueryClient();
  const history = useQuery({
    ...buildsQuery(build?.workspace_id ?? "", { limit: HISTORY_LIMIT, offset: 0 }),
    enabled: enabled && build !== undefined,
  });
  const ownCount =
    build && history.data
      ? history.data.filter((b) => b.workspace_id === build.workspace_id && comparableBuild(build, b)).length
      : undefined;
  const needTemplate = ownCount !== undefined && ownCount < BASELINE_MIN;
  const workspace = useQuery({ ...workspaceByNameQuery(owner, workspaceName), enabled: needTemplate });
  const templateName = workspace.data?.template_name;
  const templateBuilds = useQuery({
    queryKey: keys.templateRecentBuilds(templateName ?? ""),
    queryFn: ({ signal }) => recentTemplateBuilds(templateName!, build!.workspace_id, signal),
    enabled: needTemplate && templateName !== undefined,
    staleTime: 60_000,
  });

  const pick =
    build && history.data && (!needTemplate || templateBuilds.data)
      ? pickBaselineBuilds(build, history.data, size, templateBuilds.data)
      : undefined;
  const ids = pick?.builds.map((b) => b.id) ?? [];
  const baseline = useQuery({
    queryKey: keys.timingsBaseline(ids),
    queryFn: () => baselineOver(queryClient, ids),
    enabled: pick !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const error = history.error ?? workspace.error ?? templateBuilds.error ?? baseline.error;
  if (error) return { status: "error", error };
  if (!pick || !baseline.data) return { status: "loading" };
  return { status: "ready", baseline: baseline.data, pick };
}

/**
 * Each build's timings once per session (cached forever), a few at a time; a build without any is
 * skipped. Each is reduced to its durations as it arrives, while the others are still on the wire.
 */
async function baselineOver(queryClient: QueryClient, ids: readonly string[]): Promise<Baseline> {
  const builds = await mapLimited(ids, TIMINGS_IN_FLIGHT, async (id) => {
    let timings: WorkspaceBuildTimings;
    try {
      timings = await queryClient.fetchQuery<WorkspaceBuildTimings>({
        ...buildTimingsQuery(id),
        staleTime: Number.POSITIVE_INFINITY,
        gcTime: Number.POSITIVE_INFINITY,
        retry: false,
      });
    } catch {
      // Older servers have no timings endpoint, or none for old builds: counted as skipped.
      return undefined;
    }
    return durationsOf(timings);
  });
  return computeBaseline(builds);
}

/** Recent builds of the other workspaces of a template that this user can see. */
async function recentTemplateBuilds(
  templateName: string,
  exceptWorkspace: string,
  signal: AbortSignal,
): Promise<WorkspaceBuild[]> {
  const list = await api.get<WorkspacesResponse>(
    "/workspaces",
    { q: `template:${templateName}`, limit: TEMPLATE_WORKSPACES + 1, offset: 0 },
    signal,
  );
  const others = list.workspaces.filter((w) => w.id !== exceptWorkspace).slice(0, TEMPLATE_WORKSPACES);
  const pages = await mapLimited(others, TIMINGS_IN_FLIGHT, (w) =>
    api.get<WorkspaceBuild[]>(
      `/workspaces/${encodeURIComponent(w.id)}/builds`,
      { limit: TEMPLATE_BUILDS_EACH, offset: 0 },
      signal,
    ),
  );
  return pages.flat();
}
