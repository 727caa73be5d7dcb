// Retry, debug retry and cancel for the build on screen. Writes are never retried (a 500 may have
// happened anyway); errors are toasted with the server's message.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { buildParametersQuery } from "../../api/queries";
import { cancelBuildMutation, createBuildMutation } from "../../api/mutations";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { buildPath } from "../../app/params";
import { useToast } from "../../components/Toast";

export interface BuildActions {
  retry: (options?: { debug?: boolean }) => void;
  retrying: "normal" | "debug" | null;
  cancel: () => void;
  canceling: boolean;
}

export function useBuildActions(workspace: Workspace | undefined, build: WorkspaceBuild | undefined): BuildActions {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { toast } = useToast();
  const create = useMutation(createBuildMutation(queryClient));
  const cancel = useMutation(cancelBuildMutation(queryClient));

  const retry = async ({ debug = false }: { debug?: boolean } = {}) => {
    if (!workspace || !build) return;
    try {
      // The same build again: its transition, template version and parameter values.
      const parameters = await queryClient.fetchQuery(buildParametersQuery(build.id));
      const next = await create.mutateAsync({
        workspace,
        request: {
          transition: build.transition,
          template_version_id: build.template_version_id,
          rich_parameter_values: parameters,
          ...(debug && { log_level: "debug" as const }),
        },
      });
      void navigate(buildPath(workspace.owner_name, workspace.name, next.build_number));
    } catch (error) {
      toast({
        variant: "error",
        title: debug ? "Debug retry failed" : "Retry failed",
        description: error instanceof Error ? error.message : String(error),
      });
    }
  };

  return {
    retry: (options) => void retry(options),
    retrying: create.isPending ? (create.variables?.request.log_level === "debug" ? "debug" : "normal") : null,
    cancel: () => {
      if (!workspace || !build) return;
      const status = build.job.status;
      // Refused (412) if the job moved on meanwhile, rather than canceling something else.
      const expectStatus = status === "pending" ? "pending" : status === "running" ? "running" : undefined;
      cancel.mutate(
        { build, workspace, expectStatus },
        {
          onError: (error) =>
            toast({ variant: "error", title: "Could not cancel the build", description: error.message }),
        },
      );
    },
    canceling: cancel.isPending,
  };
}
