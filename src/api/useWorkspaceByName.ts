import { useQuery } from "@tanstack/react-query";
import { isApiError } from "./client";
import { workspaceByNameQuery } from "./queries";
import type { Workspace } from "./types";

export interface WorkspaceByName {
  workspace: Workspace | undefined;
  /** Found only with `include_deleted=true`: the page shows its deleted state. */
  deleted: boolean;
  isPending: boolean;
  /** A 404 here means the workspace does not exist (or is not visible to this user). */
  error: unknown;
  refetch: () => void;
}

/**
 * A workspace from its URL (`/@owner/name`). On 404 it asks again with `include_deleted=true`
 * (docs/conventions.md), so a deleted workspace gets its own page instead of "not found".
 */
export function useWorkspaceByName(owner: string, name: string): WorkspaceByName {
  const primary = useQuery(workspaceByNameQuery(owner, name));
  const notFound = isApiError(primary.error) && primary.error.status === 404;
  const fallback = useQuery({ ...workspaceByNameQuery(owner, name, { includeDeleted: true }), enabled: notFound });
  if (!notFound) {
    return {
      workspace: primary.data,
      deleted: false,
      isPending: primary.isPending,
      error: primary.error,
      refetch: () => void primary.refetch(),
    };
  }
  return {
    workspace: fallback.data,
    deleted: fallback.data !== undefined,
    isPending: fallback.isPending,
    error: fallback.data ? null : (fallback.error ?? (fallback.isPending ? null : primary.error)),
    refetch: () => void fallback.refetch(),
  };
}
