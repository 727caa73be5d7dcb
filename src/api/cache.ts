// Writing server state into the query cache. A workspace lives under several keys (by id, by
// owner/name, inside list pages, and its latest build under build keys): these helpers touch all of
// them, so a watch event or a mutation's answer shows up everywhere without a refetch.
import type { QueryClient } from "@tanstack/react-query";
import { keys } from "./keys";
import type { Workspace, WorkspaceBuild, WorkspacesResponse } from "./types";

function replaceInList<T extends WorkspacesResponse>(list: T | undefined, workspace: Workspace): T | undefined {
  if (!list) return list;
  const index = list.workspaces.findIndex((w) => w.id === workspace.id);
  if (index < 0) return list;
  const workspaces = list.workspaces.slice();
  workspaces[index] = workspace;
  return { ...list, workspaces };
}

function replaceBuild(builds: WorkspaceBuild[] | undefined, build: WorkspaceBuild): WorkspaceBuild[] | undefined {
  if (!builds) return builds;
  const index = builds.findIndex((b) => b.id === build.id);
  if (index < 0) return builds;
  const next = builds.slice();
  next[index] = build;
  return next;
}

/** Puts a fresh copy of a workspace (and its latest build) into every cache entry that holds it. */
export function setWorkspaceInCache(queryClient: QueryClient, workspace: Workspace): void {
  queryClient.setQueryData<Workspace>(keys.workspace(workspace.id), workspace);
  queryClient.setQueriesData<Workspace>(
    { queryKey: keys.workspaceByNameAny(workspace.owner_name, workspace.name) },
    (old) => (old === undefined || old.id === workspace.id ? workspace : old),
  );
  queryClient.setQueriesData<WorkspacesResponse>({ queryKey: keys.workspaceLists() }, (old) =>
    replaceInList(old, workspace),
  );
  setBuildInCache(queryClient, workspace.latest_build, workspace);
}

/** Updates a build wherever it is already cached (detail, by number, history pages). */
export function setBuildInCache(
  queryClient: QueryClient,
  build: WorkspaceBuild,
  workspace?: Pick<Workspace, "owner_name" | "name">,
): void {
  const update = (old: WorkspaceBuild | undefined) => (old === undefined || old.id === build.id ? build : old);
  queryClient.setQueriesData<WorkspaceBuild>({ queryKey: keys.build(build.id), exact: true }, update);
  if (workspace) {
    queryClient.setQueriesData<WorkspaceBuild>(
      { queryKey: keys.buildByNumber(workspace.owner_name, workspace.name, build.build_number), exact: true },
      update,
    );
  }
  queryClient.setQueriesData<WorkspaceBuild[]>({ queryKey: keys.buildLists(build.workspace_id) }, (old) =>
    replaceBuild(old, build),
  );
}

/** Applies `patch` to a workspace in every cache entry; returns a function that undoes it (optimistic updates). */
export function patchWorkspaceInCache(
  queryClient: QueryClient,
  workspace: Pick<Workspace, "id" | "owner_name" | "name">,
  patch: (w: Workspace) => Workspace,
): () => void {
  const snapshots = [
    ...queryClient.getQueriesData({ queryKey: keys.workspace(workspace.id), exact: true }),
    ...queryClient.getQueriesData({ queryKey: keys.workspaceByNameAny(workspace.owner_name, workspace.name) }),
    ...queryClient.getQueriesData({ queryKey: keys.workspaceLists() }),
  ];
  queryClient.setQueriesData<Workspace>({ queryKey: keys.workspace(workspace.id), exact: true }, (old) =>
    old ? patch(old) : old,
  );
  queryClient.setQueriesData<Workspace>(
    { queryKey: keys.workspaceByNameAny(workspace.owner_name, workspace.name) },
    (old) => (old && old.id === workspace.id ? patch(old) : old),
  );
  queryClient.setQueriesData<WorkspacesResponse>({ queryKey: keys.workspaceLists() }, (old) => {
    const current = old?.workspaces.find((w) => w.id === workspace.id);
    return current ? replaceInList(old, patch(current)) : old;
  });
  return () => {
    for (const [key, data] of snapshots) queryClient.setQueryData(key, data);
  };
}

/**
 * Marks everything about one workspace stale (refetching what is on screen): its detail and
 * by-name entries, its build history, and the lists it may appear in.
 */
export async function invalidateWorkspace(
  queryClient: QueryClient,
  workspace: Pick<Workspace, "id" | "owner_name" | "name">,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.workspace(workspace.id) }),
    queryClient.invalidateQueries({ queryKey: keys.workspaceByNameAny(workspace.owner_name, workspace.name) }),
    queryClient.invalidateQueries({ queryKey: keys.buildLists(workspace.id) }),
    queryClient.invalidateQueries({ queryKey: keys.workspaceLists() }),
  ]);
}
