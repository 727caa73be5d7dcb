import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { startWorkspaceMutation, stopWorkspaceMutation } from "../../api/mutations";
import { useWorkspaceByName } from "../../api/useWorkspaceByName";
import { useWatchLatency, useWorkspaceWatch } from "../../api/watch";
import { useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonBlock } from "../../components/Skeleton";
import { useToast } from "../../components/Toast";
import { NotFoundView } from "../notFound/NotFoundView";
import { WorkspaceView } from "./WorkspaceView";

export default function WorkspacePage() {
  const { owner, workspace: name } = useWorkspaceParams();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const result = useWorkspaceByName(owner, name);
  const workspace = result.workspace;
  const watch = useWorkspaceWatch(result.deleted ? undefined : workspace?.id);
  useWatchLatency(workspace);

  const onError = (error: Error) => toast({ variant: "error", title: "The build could not be created", description: error.message });
  const start = useMutation({ ...startWorkspaceMutation(queryClient), onError });
  const stop = useMutation({ ...stopWorkspaceMutation(queryClient), onError });

  if (result.isPending) {
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <SkeletonBlock label="Loading workspace" lines={6} />
      </div>
    );
  }
  if (!workspace) {
    if (isApiError(result.error) && result.error.status === 404) return <NotFoundView title="Workspace not found" />;
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <ErrorState error={result.error} onRetry={result.refetch} />
      </div>
    );
  }
  return (
    <WorkspaceView
      workspace={workspace}
      deleted={result.deleted}
      live={watch.state}
      pending={start.isPending ? "start" : stop.isPending ? "stop" : null}
      onStart={() => start.mutate({ workspace })}
      onStop={() => stop.mutate({ workspace })}
    />
  );
}
