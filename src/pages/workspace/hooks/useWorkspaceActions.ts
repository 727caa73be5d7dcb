// The page's actions as one model: runs the right mutation, asks for parameters when a build
// needs them, keeps every button disabled while one request is in flight, and turns a refusal
// (409 "A workspace build is already active.", 403, …) into a message beside the buttons. The
// workspace's state is never changed here: it comes from the server's answer and the watch.
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  cancelBuildMutation,
  deleteWorkspaceMutation,
  extendWorkspaceMutation,
  restartWorkspaceMutation,
  setDormantMutation,
  startWorkspaceMutation,
  stopWorkspaceMutation,
  updateToActiveMutation,
} from "../../../api/mutations";
import { buildParametersQuery, templateVersionRichParametersQuery } from "../../../api/queries";
import type { Workspace, WorkspaceBuildParameter } from "../../../api/types";
import { workspaceActions, type WorkspaceAction } from "../../../lib/workspace/actions";
import { missingParameters } from "../../../lib/workspace/parameters";
import { changeDeadline } from "../../../lib/workspace/schedule";
import type { ActionResult, ActionsModel, ExtendModel, ParameterAsk } from "../model";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * While the watch is live it brings every change the write causes. The refetches a mutation
 * starts on success would then only race it: a GET answered just before a cancel completes can
 * land after the watch's final "canceled" event and put "canceling" back, with no later event to
 * correct it. So, while live, the page lets the watch alone update the cache.
 */
function settleBy<T extends { onSuccess?: unknown; onSettled?: unknown }>(options: T, watchLive: boolean): T {
  return watchLive ? { ...options, onSuccess: undefined, onSettled: undefined } : options;
}

export function useWorkspaceActions(
  workspace: Workspace,
  mayUpdateTemplates: boolean,
  watchLive: boolean,
): ActionsModel {
  const queryClient = useQueryClient();
  const start = useMutation(settleBy(startWorkspaceMutation(queryClient), watchLive));
  const stop = useMutation(settleBy(stopWorkspaceMutation(queryClient), watchLive));
  const restart = useMutation(settleBy(restartWorkspaceMutation(queryClient), watchLive));
  const update = useMutation(settleBy(updateToActiveMutation(queryClient), watchLive));
  const cancel = useMutation(settleBy(cancelBuildMutation(queryClient), watchLive));
  const remove = useMutation(settleBy(deleteWorkspaceMutation(queryClient), watchLive));
  const activate = useMutation(settleBy(setDormantMutation(queryClient), watchLive));
  const [pending, setPending] = useState<WorkspaceAction | null>(null);
  const [error, setError] = useState<ActionsModel["error"]>(null);

  const build = workspace.latest_build;

  const parametersOf = (versionId: string) =>
    Promise.all([
      queryClient.fetchQuery(templateVersionRichParametersQuery(versionId)),
      queryClient.fetchQuery(buildParametersQuery(build.id)),
    ]);

  /** Update asks only for what the active version cannot fill from the current values. */
  const updateAsk = async (): Promise<ParameterAsk | undefined> => {
    const [params, current] = await parametersOf(workspace.template_active_version_id);
    const missing = missingParameters(params, current);
    if (missing.length === 0) return undefined;
    return {
      title: "Update to the active template version",
      description: "The new version has parameters without a usable value. Choose them to update.",
      submitLabel: "Update",
      params: missing,
      current,
    };
  };

  const buildAsk = async (): Promise<ParameterAsk> => {
    const [params, current] = await parametersOf(build.template_version_id);
    const running = build.status === "running";
    return {
      title: "Build with parameters",
      description: running ? "The workspace restarts with these values." : "The workspace starts with these values.",
      submitLabel: running ? "Restart" : "Start",
      params: params.filter((p) => p.mutable || p.ephemeral),
      current,
    };
  };

  const perform = async (action: WorkspaceAction, values?: WorkspaceBuildParameter[]): Promise<ActionResult> => {
    switch (action) {
      case "start":
        await start.mutateAsync({ workspace, richParameterValues: values });
        break;
      case "stop":
        await stop.mutateAsync({ workspace });
        break;
      case "restart":
        await restart.mutateAsync({ workspace, richParameterValues: values });
        break;
      case "update": {
        if (!values) {
          const ask = await updateAsk();
          if (ask) return { ok: false, ask };
        }
        await update.mutateAsync({ workspace, richParameterValues: values });
        break;
      }
      case "buildWithParameters":
        if (!values) return { ok: false, ask: await buildAsk() };
        if (build.status === "running") await restart.mutateAsync({ workspace, richParameterValues: values });
        else await start.mutateAsync({ workspace, richParameterValues: values });
        break;
      case "cancel": {
        const status = build.job.status;
        await cancel.mutateAsync({
          build,
          workspace,
          expectStatus: status === "pending" ? "pending" : status === "running" ? "running" : undefined,
        });
        break;
      }
      case "delete":
        await remove.mutateAsync({ workspace });
        break;
      case "activate":
        await activate.mutateAsync({ workspace, dormant: false });
        break;
    }
    return { ok: true };
  };

  const run = async (action: WorkspaceAction, values?: WorkspaceBuildParameter[]): Promise<ActionResult> => {
    if (pending) return { ok: false };
    setError(null);
    setPending(action);
    try {
      return await perform(action, values);
    } catch (e) {
      setError({ action, message: messageOf(e) });
      return { ok: false };
    } finally {
      setPending(null);
    }
  };

  return {
    available: workspaceActions(workspace, { mayUpdateTemplates }),
    pending,
    error,
    run,
    dismissError: () => setError(null),
  };
}

export function useExtend(workspace: Workspace): ExtendModel {
  const queryClient = useQueryClient();
  const mutation = useMutation(extendWorkspaceMutation(queryClient));
  const [error, setError] = useState<string | null>(null);
  return {
    pending: mutation.isPending,
    error,
    extend: (hours) => {
      const change = changeDeadline(workspace.latest_build, hours);
      if (!change.ok) return setError(change.reason);
      setError(null);
      mutation.mutate({ workspace, deadline: change.deadline }, { onError: (e) => setError(messageOf(e)) });
    },
  };
}
