import { useMemo } from "react";
import { CircleX, ExternalLink, Lightbulb } from "lucide-react";
import { Link } from "react-router";
import type { WorkspaceBuild } from "../../../api/types";
import { Button } from "../../../components/Button";
import { cx } from "../../../components/cx";
import { errorGuidance } from "../../../lib/buildErrors";
import type { LogStore } from "../../../lib/logs/store";
import { failureWindow } from "../../../lib/workspace/failureLines";
import { useStoreSnapshot } from "./useStoreSnapshot";

export interface FailureAlertProps {
  build: WorkspaceBuild;
  log: LogStore;
  /** The guidance's "Try again" starts the workspace; absent when starting is not possible now. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** Why the latest build failed: the job's error, what to do about known error codes, and the log lines around it. */
export function FailureAlert({ build, log, onRetry, retrying }: FailureAlertProps) {
  const failed = build.job.status === "failed";
  // A failed job's log no longer grows, but it may still be arriving when the page opens.
  const version = useStoreSnapshot(log, (s) => (failed ? s.version : 0));
  const around = useMemo(() => (failed ? failureWindow(log) : undefined), [failed, log, version]);
  const job = build.job;
  if (!failed) return null;
  const guidance = errorGuidance(job);

  return (
    <section aria-labelledby="failure-title" data-testid="build-failure" className="rounded-md border border-failure/40 bg-failure/5">
      <div className="flex items-start gap-2 p-4">
        <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-failure" />
        <div className="min-w-0 flex-1">
          <h2 id="failure-title" className="text-sm font-semibold text-text">
            Build #{build.build_number} ({build.transition}) failed
            {job.error_code && <span className="ml-2 rounded bg-failure/10 px-1.5 py-0.5 font-mono text-xs text-failure">{job.error_code}</span>}
          </h2>
          <p className="mt-1 whitespace-pre-wrap break-words font-mono text-sm text-text">{job.error || "The provisioner did not report an error message."}</p>
        </div>
      </div>

      {guidance && (
        <div data-testid="error-guidance" className="mx-4 mb-4 rounded-md border border-border bg-panel p-3">
          <h3 className="flex items-center gap-1.5 text-sm font-semibold text-text">
            <Lightbulb aria-hidden className="size-4 text-attention" />
            {guidance.title}
          </h3>
          <p className="mt-1 text-sm text-text">{guidance.body}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {guidance.actions.map((action) =>
              action.id === "retry" ? (
                onRetry && (
                  <Button key={action.id} size="sm" variant="primary" onClick={onRetry} loading={retrying}>
                    {action.label}
                  </Button>
                )
              ) : action.href?.startsWith("/") ? (
                <Link key={action.id} to={action.href} className="inline-flex h-7 items-center text-sm text-accent hover:underline">
                  {action.label}
                </Link>
              ) : (
                <a key={action.id} href={action.href} target="_blank" rel="noreferrer noopener" className="inline-flex h-7 items-center gap-1 text-sm text-accent hover:underline">
                  {action.label}
                  <ExternalLink aria-hidden className="size-3" />
                </a>
              ),
            )}
          </div>
        </div>
      )}

      {around && (
        <div className="border-t border-failure/20 px-4 py-3">
          <div className="mb-1.5 flex items-center justify-between gap-2 text-xs text-muted">
            <span>Log around the failure</span>
            <a href={`#L${around.focus}`} className="text-accent hover:underline">
              Show line {around.focus} in the build log
            </a>
          </div>
          <pre aria-label="Log lines around the failure" tabIndex={0} className="overflow-x-auto rounded bg-page py-1 font-mono text-xs leading-5">
            {around.lines.map((line) => (
              <div key={line.number} className={cx("flex", line.isError && "bg-failure/10")}>
                <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-muted">
                  {line.number}
                </span>
                <span className={cx("whitespace-pre pr-3", line.isError ? "text-failure" : "text-text")}>{line.text || " "}</span>
              </div>
            ))}
          </pre>
        </div>
      )}
    </section>
  );
}
