import { CircleX, ExternalLink, Lightbulb } from "lucide-react";
import { Link } from "react-router";
import type { WorkspaceBuild } from "../../api/types";
import { Button } from "../../components/Button";
import { cx } from "../../components/cx";
import type { ErrorGuidance } from "../../lib/buildErrors";
import type { CostEstimate } from "../../lib/builds/quota";
import type { FailureWindow } from "../../lib/workspace/failureLines";

export interface BuildFailureProps {
  build: WorkspaceBuild;
  guidance: ErrorGuidance | null;
  /** Log lines around the failure (1-based numbers in the full log); undefined while the log is empty. */
  window: FailureWindow | undefined;
  onJumpToLine: (line: number) => void;
  /** Quota credits per day this build needs (INSUFFICIENT_QUOTA), when known. */
  cost?: CostEstimate | "loading";
  onRetry?: () => void;
  retrying?: boolean;
}

function GuidanceActions({ guidance, onRetry, retrying }: { guidance: ErrorGuidance; onRetry?: () => void; retrying?: boolean }) {
  return (
    <div className="mt-2 flex flex-wrap gap-3">
      {guidance.actions.map((action) => {
        if (action.id === "retry") {
          return (
            onRetry && (
              <Button key={action.id} size="sm" onClick={onRetry} loading={retrying}>
                {action.label}
              </Button>
            )
          );
        }
        if (action.href?.startsWith("/")) {
          return (
            <Link key={action.id} to={action.href} className="inline-flex h-7 items-center text-sm text-accent hover:underline">
              {action.label}
            </Link>
          );
        }
        return (
          <a key={action.id} href={action.href} target="_blank" rel="noreferrer noopener" className="inline-flex h-7 items-center gap-1 text-sm text-accent hover:underline">
            {action.label}
            <ExternalLink aria-hidden className="size-3" />
          </a>
        );
      })}
    </div>
  );
}

/** Why the build failed: `job.error`, what to do about a known error code, and the log around the failure. */
function CostNote({ build, cost }: { build: WorkspaceBuild; cost: CostEstimate | "loading" | undefined }) {
  if (cost === "loading") return <>Looking up what this build costs…</>;
  if (!cost) {
    return <>Coder recorded no quota cost for this build (it was refused before its resources were created), and no earlier start of this workspace has one.</>;
  }
  const credits = (
    <strong className="font-mono tabular-nums">
      {cost.daily} quota credit{cost.daily === 1 ? "" : "s"}
    </strong>
  );
  if (cost.fromBuild === build.build_number) return <>This build costs {credits} per day.</>;
  return (
    <>
      This build needs about {credits} per day: what the last successful start (build #{cost.fromBuild}) cost. Coder records no cost for a refused build.
    </>
  );
}

export function BuildFailure({ build, guidance, window, cost, onJumpToLine, onRetry, retrying }: BuildFailureProps) {
  const job = build.job;
  const lines = window?.lines ?? [];
  const focus = window?.focus;
  return (
    <section aria-labelledby="failure-title" data-testid="build-failure" className="rounded-md border border-failure/40 bg-failure/5">
      <div className="flex items-start gap-2 p-4">
        <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-failure" />
        <div className="min-w-0 flex-1">
          <h2 id="failure-title" className="flex flex-wrap items-center gap-2 text-sm font-semibold text-text">
            This build failed
            {job.error_code && <span className="rounded bg-failure/10 px-1.5 py-0.5 font-mono text-xs text-failure">{job.error_code}</span>}
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
          {guidance.code === "INSUFFICIENT_QUOTA" && (
            <p data-testid="daily-cost" className="mt-2 text-sm text-text">
              <CostNote build={build} cost={cost} /> Stopping a running workspace frees its share.
            </p>
          )}
          <GuidanceActions guidance={guidance} onRetry={onRetry} retrying={retrying} />
        </div>
      )}

      {lines.length > 0 && (
        <div className="border-t border-failure/20 px-4 py-3">
          <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
            <span>Log around the failure</span>
            {focus !== undefined && (
              <a
                href={`#L${focus}`}
                onClick={(e) => {
                  e.preventDefault();
                  onJumpToLine(focus);
                }}
                className="text-accent hover:underline"
              >
                Jump to line {focus} in the log
              </a>
            )}
          </div>
          <pre data-testid="failure-lines" aria-label="Log lines around the failure" tabIndex={0} className="overflow-x-auto rounded bg-page py-1 font-mono text-xs leading-5">
            {lines.map((line) => (
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
