import { Link } from "react-router";
import type { Workspace } from "../../../api/types";
import { isActiveJob } from "../../../api/jobStatus";
import { buildPath } from "../../../app/params";
import { LogViewer } from "../../../components/LogViewer";
import type { FollowedLog } from "../../../hooks/useFollowedLog";

/** The latest build's provisioner log, live while the job runs and whole afterwards. */
export function BuildLogPanel({ workspace, log }: { workspace: Workspace; log: FollowedLog }) {
  const build = workspace.latest_build;
  const active = isActiveJob(build.job.status);
  // One store from the first line to the last: a log watched live keeps its place (at the end)
  // when the build finishes, and a finished build's log arrives in one batch.
  const loading = log.store.length === 0 && (log.state === "connecting" || log.state === "reconnecting");
  return (
    <section
      aria-labelledby="build-log-title"
      className="flex flex-col overflow-hidden rounded-md border border-border bg-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-2">
        <h2 id="build-log-title" className="text-sm font-semibold text-text">
          Build log
        </h2>
        <Link
          to={buildPath(workspace.owner_name, workspace.name, build.build_number)}
          className="text-xs text-accent hover:underline"
        >
          Build #{build.build_number} · {build.transition}
        </Link>
      </div>
      <div data-testid="build-log" data-stream-state={log.state} className="h-[420px]">
        <LogViewer
          source={log.store}
          label={`Build log of build #${build.build_number}`}
          live={active}
          loading={loading}
          error={log.state === "error" ? (log.error ?? "The log stream failed.") : null}
          onRetry={log.retry}
          truncated={build.job.logs_overflowed}
          downloadName={`${workspace.name}-build-${build.build_number}.log`}
          className="h-full"
        />
      </div>
    </section>
  );
}
