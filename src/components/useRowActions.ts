import { useCallback, useState } from "react";
import {
  MutationObserver,
  useQueryClient,
  type MutationObserverOptions,
  type QueryClient,
} from "@tanstack/react-query";
import {
  cancelBuildMutation,
  createBuildMutation,
  deleteWorkspaceMutation,
  favoriteWorkspaceMutation,
  restartWorkspaceMutation,
  startWorkspaceMutation,
  stopWorkspaceMutation,
  unfavoriteWorkspaceMutation,
  updateToActiveMutation,
} from "../api/mutations";
import type { Workspace } from "../api/types";
import { useToast } from "./Toast";
import { ROW_ACTION_LABELS, retryTransition, type RowActionKind } from "../lib/workspace/rowActions";

/** Runs a shared mutation (with its cache updates) imperatively: one row's action, no hook per row. */
function execute<TData, TError, TVars, TContext>(
  queryClient: QueryClient,
  options: MutationObserverOptions<TData, TError, TVars, TContext>,
  vars: TVars,
): Promise<TData> {
  return new MutationObserver(queryClient, options).mutate(vars);
}

function runRowAction(queryClient: QueryClient, ws: Workspace, action: RowActionKind): Promise<unknown> {
  switch (action) {
    case "start":
      return execute(queryClient, startWorkspaceMutation(queryClient), { workspace: ws });
    case "stop":
      return execute(queryClient, stopWorkspaceMutation(queryClient), { workspace: ws });
    case "restart":
      return execute(queryClient, restartWorkspaceMutation(queryClient), { workspace: ws });
    case "update":
      return execute(queryClient, updateToActiveMutation(queryClient), { workspace: ws });
    case "delete":
      return execute(queryClient, deleteWorkspaceMutation(queryClient), { workspace: ws });
    case "retry": {
      const transition = retryTransition(ws);
      // A failed start is retried on the version it failed with; updating is its own action.
      const request =
        transition === "start"
          ? { transition, template_version_id: ws.latest_build.template_version_id }
          : { transition };
      return execute(queryClient, createBuildMutation(queryClient), { workspace: ws, request });
    }
    case "cancel":
      return execute(queryClient, cancelBuildMutation(queryClient), { workspace: ws, build: ws.latest_build });
  }
}

export interface RowActionsState {
  pendingIds: ReadonlySet<string>;
  run: (ws: Workspace, action: RowActionKind) => void;
  toggleFavorite: (ws: Workspace) => void;
}

export function useRowActions(): RowActionsState {
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());

  const run = useCallback(
    (ws: Workspace, action: RowActionKind) => {
      setPendingIds((prev) => new Set(prev).add(ws.id));
      runRowAction(queryClient, ws, action)
        .catch((error: unknown) => {
          const label = ROW_ACTION_LABELS[action].replace("…", "");
          toast({
            title: `${label} ${ws.name} failed`,
            description: error instanceof Error ? error.message : String(error),
            variant: "error",
          });
        })
        .finally(() =>
          setPendingIds((prev) => {
            const next = new Set(prev);
            next.delete(ws.id);
            return next;
          }),
        );
    },
    [queryClient, toast],
  );

  const toggleFavorite = useCallback(
    (ws: Workspace) => {
      const options = ws.favorite ? unfavoriteWorkspaceMutation(queryClient) : favoriteWorkspaceMutation(queryClient);
      execute(queryClient, options, { workspace: ws }).catch((error: unknown) => {
        toast({
          title: `Couldn't update favourites`,
          description: error instanceof Error ? error.message : String(error),
          variant: "error",
        });
      });
    },
    [queryClient, toast],
  );

  return { pendingIds, run, toggleFavorite };
}
