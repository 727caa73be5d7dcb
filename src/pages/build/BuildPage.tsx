import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client";
import { buildByNumberQuery } from "../../api/queries";
import { useWorkspaceWatch } from "../../api/watch";
import { useBuildNumberParam, useWorkspaceParams } from "../../app/params";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonBlock } from "../../components/Skeleton";
import { NotFoundView } from "../notFound/NotFoundView";
import { BuildView } from "./BuildView";
import { useBuildLogs } from "./useBuildLogs";

export default function BuildPage() {
  const { owner, workspace } = useWorkspaceParams();
  const number = useBuildNumberParam();
  const build = useQuery({ ...buildByNumberQuery(owner, workspace, number ?? 0), enabled: number !== undefined });
  // The watch keeps this build's cached status live while it is the workspace's latest.
  useWorkspaceWatch(build.data?.workspace_id);
  const logs = useBuildLogs(build.data?.id);

  if (number === undefined) return <NotFoundView title="Build not found" />;
  if (build.isPending) {
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <SkeletonBlock label="Loading build" lines={8} />
      </div>
    );
  }
  if (build.isError) {
    if (isApiError(build.error) && build.error.status === 404) return <NotFoundView title="Build not found" />;
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <ErrorState error={build.error} onRetry={() => void build.refetch()} />
      </div>
    );
  }
  return <BuildView owner={owner} workspaceName={workspace} build={build.data} logs={logs.logs} logState={logs.state} logError={logs.error} />;
}
