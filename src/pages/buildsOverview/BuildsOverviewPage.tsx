import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { User } from "../../api/types";
import { useMe } from "../../app/auth";
import { canSeeAllWorkspaces } from "../../lib/permissions";
import { ErrorState } from "../../components/ErrorState";
import { Skeleton, SkeletonTable } from "../../components/Skeleton";
import { readOverviewFilter, writeOverviewFilter, type OverviewFilter } from "./model/filters";
import { prefetchBuildsOverview, useBuildsOverview } from "./data/useBuildsOverview";
import { BuildsOverviewView } from "./BuildsOverviewView";

function OverviewSkeleton() {
  return (
    <div role="status" aria-label="Loading builds" className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <Skeleton className="h-7 w-32" />
      <div className="grid gap-3 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-28 w-full" />
        ))}
      </div>
      <SkeletonTable label="Loading recent builds" columns={7} />
    </div>
  );
}

function Overview({ user }: { user: User }) {
  const { snapshot, retry, refresh } = useBuildsOverview(user);
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readOverviewFilter(params), [params]);
  // Each filter change is a history entry, so Back undoes a click on a chart bar.
  const onFilterChange = useCallback(
    (patch: Partial<OverviewFilter>) => setParams((prev) => writeOverviewFilter(prev, patch)),
    [setParams],
  );
  if (!snapshot) return <OverviewSkeleton />;
  if (snapshot.status === "error") {
    return (
      <div className="mx-auto max-w-7xl p-4 sm:p-6">
        <ErrorState title="Couldn't load the builds" error={snapshot.error} onRetry={retry} />
      </div>
    );
  }
  if (snapshot.status === "loading" && snapshot.builds.length === 0) return <OverviewSkeleton />;
  return (
    <BuildsOverviewView
      data={snapshot}
      filter={filter}
      onFilterChange={onFilterChange}
      isAdmin={canSeeAllWorkspaces(user)}
      onCanceled={refresh}
    />
  );
}

/** `/builds`: every build the signed-in user may see (all for admins, their own for members), live. */
export default function BuildsOverviewPage() {
  const me = useMe();
  if (!me) return <OverviewSkeleton />;
  return <Overview user={me} />;
}

export const prefetch = prefetchBuildsOverview;
