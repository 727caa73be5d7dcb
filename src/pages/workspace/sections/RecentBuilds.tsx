import { History } from "lucide-react";
import { Link } from "react-router";
import type { Workspace, WorkspaceBuild, WorkspaceBuildTimings } from "../../../api/types";
import { buildHistoryPath, buildPath, timingsPath } from "../../../app/params";
import { Duration } from "../../../components/Duration";
import { RelativeTime } from "../../../components/RelativeTime";
import { Skeleton } from "../../../components/Skeleton";
import { StatusBadge } from "../../../components/StatusBadge";
import { MiniTimings } from "./MiniTimings";

export interface RecentBuildsProps {
  workspace: Workspace;
  /** Newest first; undefined while loading. */
  builds: readonly WorkspaceBuild[] | undefined;
  error: boolean;
  timings: WorkspaceBuildTimings | undefined;
}

/** The last five builds and a mini timings bar of the latest, each leading to the full view. */
export function RecentBuilds({ workspace, builds, error, timings }: RecentBuildsProps) {
  const latest = workspace.latest_build;
  // The latest build comes from the watch, so it is current even before the history refetches.
  const recent = builds
    ? [latest, ...builds.filter((b) => b.id !== latest.id)].sort((a, b) => b.build_number - a.build_number).slice(0, 5)
    : undefined;
  return (
    <section aria-labelledby="recent-builds-title" className="rounded-md border border-border bg-panel">
      <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2">
        <h2 id="recent-builds-title" className="text-sm font-semibold text-text">
          Recent builds
        </h2>
        <Link
          to={buildHistoryPath(workspace.owner_name, workspace.name)}
          className="inline-flex items-center gap-1 text-xs text-accent hover:underline"
        >
          <History aria-hidden className="size-3.5" />
          All builds
        </Link>
      </div>
      <div className="px-3 pt-2">
        <MiniTimings
          timings={timings}
          buildNumber={latest.build_number}
          href={timingsPath(workspace.owner_name, workspace.name, latest.build_number)}
        />
      </div>
      {recent === undefined ? (
        error ? (
          <p className="px-4 py-3 text-sm text-muted">The build history could not be loaded.</p>
        ) : (
          <div role="status" aria-label="Loading recent builds" className="flex flex-col gap-2 px-4 py-3">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-5 w-full" />
            ))}
          </div>
        )
      ) : (
        <ol className="divide-y divide-border px-1 pb-1" data-testid="recent-builds">
          {recent.map((build) => (
            <li key={build.id}>
              <Link
                to={buildPath(workspace.owner_name, workspace.name, build.build_number)}
                className="grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-2 rounded px-3 py-2 text-sm hover:bg-raised"
              >
                <span className="font-mono text-xs text-muted">#{build.build_number}</span>
                <span className="flex min-w-0 items-center gap-2">
                  <StatusBadge kind="job" value={build.job.status} size="sm" variant="plain" />
                  <span className="truncate text-text">{build.transition}</span>
                  <span className="hidden truncate text-xs text-muted sm:inline">by {build.initiator_name}</span>
                </span>
                <span className="flex flex-col items-end text-xs text-muted">
                  <RelativeTime date={build.created_at} />
                  <Duration start={build.job.started_at} end={build.job.completed_at ?? build.job.canceled_at} />
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
