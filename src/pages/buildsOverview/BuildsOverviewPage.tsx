import { useQuery } from "@tanstack/react-query";
import { allWorkspacesQuery } from "../../api/queries";
import { isAdmin, useMe } from "../../app/auth";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonTable } from "../../components/Skeleton";
import { BuildsOverviewView } from "./BuildsOverviewView";

import type { AllWorkspacesResponse } from "../../api/queries";
import { statusInfo } from "../../lib/status";

/** This page watches no single workspace, so it polls: often while something builds, rarely otherwise. */
function refreshInterval(data: AllWorkspacesResponse | undefined): number {
  const building = data?.workspaces.some((w) => statusInfo("job", w.latest_build.job.status).meaning === "progress");
  return building ? 3_000 : 30_000;
}

export default function BuildsOverviewPage() {
  const me = useMe();
  // An empty filter means every workspace the caller may see: all for admins, their own for members.
  const workspaces = useQuery({ ...allWorkspacesQuery(""), refetchInterval: (query) => refreshInterval(query.state.data) });
  if (workspaces.isPending) {
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <SkeletonTable label="Loading builds" columns={6} />
      </div>
    );
  }
  if (workspaces.isError) {
    return (
      <div className="mx-auto max-w-6xl p-4 sm:p-6">
        <ErrorState error={workspaces.error} onRetry={() => void workspaces.refetch()} />
      </div>
    );
  }
  return <BuildsOverviewView workspaces={workspaces.data.workspaces} isAdmin={isAdmin(me)} />;
}
