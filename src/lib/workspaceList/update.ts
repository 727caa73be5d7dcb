// Immutable edits to a fetched list: a favourite toggled optimistically, a row replaced by the
// fresher copy a watch stream delivered. Unchanged lists are returned as-is so React skips work.
import type { Workspace, WorkspacesResponse } from "../../api/types";

export function patchWorkspaces(list: readonly Workspace[], id: string, patch: (ws: Workspace) => Workspace): readonly Workspace[] {
  const index = list.findIndex((ws) => ws.id === id);
  if (index < 0) return list;
  const next = patch(list[index]);
  if (next === list[index]) return list;
  const copy = list.slice();
  copy[index] = next;
  return copy;
}

export function setFavorite(list: readonly Workspace[], id: string, favorite: boolean): readonly Workspace[] {
  return patchWorkspaces(list, id, (ws) => (ws.favorite === favorite ? ws : { ...ws, favorite }));
}

/**
 * A watch event's workspace replaces the listed one only if it is not older (a late event must
 * not undo a poll that already saw a newer build).
 */
export function mergeWatched(list: readonly Workspace[], fresh: Workspace): readonly Workspace[] {
  return patchWorkspaces(list, fresh.id, (ws) => (isOlder(fresh, ws) ? ws : fresh));
}

function isOlder(candidate: Workspace, current: Workspace): boolean {
  const a = candidate.latest_build.build_number;
  const b = current.latest_build.build_number;
  if (a !== b) return a < b;
  return Date.parse(candidate.latest_build.updated_at) < Date.parse(current.latest_build.updated_at);
}

/** The same edit applied to a `{workspaces, count}` page. */
export function patchResponse(
  response: WorkspacesResponse,
  edit: (list: readonly Workspace[]) => readonly Workspace[],
): WorkspacesResponse {
  const workspaces = edit(response.workspaces);
  return workspaces === response.workspaces ? response : { ...response, workspaces: [...workspaces] };
}
