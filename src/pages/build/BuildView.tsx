import { Link } from "react-router";
import { ChartGantt } from "lucide-react";
import type { LogStreamState } from "../../api/logStreams";
import type { ProvisionerJobLog, WorkspaceBuild } from "../../api/types";
import { buildHistoryPath, timingsPath, workspacePath } from "../../app/params";
import { buttonClasses } from "../../components/Button";
import { Duration } from "../../components/Duration";
import { RelativeTime } from "../../components/RelativeTime";
import { SkeletonBlock } from "../../components/Skeleton";
import { StatusBadge } from "../../components/StatusBadge";

export interface BuildViewProps {
  owner: string;
  workspaceName: string;
  build: WorkspaceBuild;
  logs: ProvisionerJobLog[];
  logState: LogStreamState;
  logError?: Error;
}

// Colour codes are stripped here; the full log viewer renders them.
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function BuildView({ owner, workspaceName, build, logs, logState, logError }: BuildViewProps) {
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm text-muted">
            <Link to={workspacePath(owner, workspaceName)} className="hover:text-text hover:underline">
              {owner}/{workspaceName}
            </Link>{" "}
            /{" "}
            <Link to={buildHistoryPath(owner, workspaceName)} className="hover:text-text hover:underline">
              builds
            </Link>
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold text-text">
              Build #{build.build_number} <span className="font-normal capitalize text-muted">{build.transition}</span>
            </h1>
            <StatusBadge kind="job" value={build.job.status} />
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-muted">
            <span>by {build.initiator_name}</span>·<RelativeTime date={build.created_at} />·
            <Duration start={build.job.started_at} end={build.job.completed_at} />
          </p>
        </div>
        <Link to={timingsPath(owner, workspaceName, build.build_number)} className={buttonClasses({ size: "sm" })}>
          <ChartGantt aria-hidden className="size-3.5" />
          Timings
        </Link>
      </header>

      {build.job.error && (
        <div role="alert" className="rounded-md border border-failure/30 bg-failure/5 px-3 py-2 text-sm">
          {build.job.error_code && <p className="font-mono text-xs font-semibold text-failure">{build.job.error_code}</p>}
          <p className="break-words text-text">{build.job.error}</p>
        </div>
      )}

      <section aria-labelledby="build-logs" className="rounded-md border border-border bg-panel">
        <div className="flex items-center justify-between border-b border-border px-4 py-2">
          <h2 id="build-logs" className="text-sm font-semibold text-text">
            Logs
          </h2>
          <span className="text-xs text-muted" role="status">
            {logState === "live" ? "Following" : logState === "reconnecting" ? "Reconnecting…" : logState === "error" ? "Unavailable" : `${logs.length} lines`}
          </span>
        </div>
        {logError ? (
          <p className="px-4 py-3 text-sm text-failure">{logError.message}</p>
        ) : logs.length === 0 && logState === "connecting" ? (
          <SkeletonBlock label="Loading logs" lines={4} className="p-4" />
        ) : logs.length === 0 ? (
          <p className="px-4 py-3 text-sm text-muted">No log output yet.</p>
        ) : (
          <ol className="max-h-[60vh] overflow-auto py-2 font-mono text-xs leading-5" aria-label="Build log lines">
            {logs.map((log) => (
              <li key={log.id} className="flex gap-3 whitespace-pre-wrap break-all px-4 hover:bg-raised/50">
                <span className="w-40 shrink-0 truncate text-muted" title={log.stage}>
                  {log.stage}
                </span>
                <span className={log.log_level === "error" ? "text-failure" : "text-text"}>{log.output.replace(ANSI, "")}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
