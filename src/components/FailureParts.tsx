// The pieces of a failed-build alert that the workspace page and the build page share: the card
// with the job's error, what to do about a known error (guidance + actions) and the log lines
// around the failure.
import type { ReactNode } from "react";
import { CircleX, ExternalLink, Lightbulb } from "lucide-react";
import { Link } from "react-router";
import type { ProvisionerJob } from "../api/types";
import type { ErrorGuidance } from "../lib/buildErrors";
import type { FailureWindow } from "../lib/workspace/failureLines";
import { Button, type ButtonVariant } from "./Button";
import { cx } from "./cx";

export interface FailureCardProps {
  /** The heading, e.g. "This build failed". */
  title: ReactNode;
  job: Pick<ProvisionerJob, "error" | "error_code">;
  /** The guidance and the log lines, under the error. */
  children?: ReactNode;
}

/** The alert of a failed build: its heading, the job's error code and message. */
export function FailureCard({ title, job, children }: FailureCardProps) {
  return (
    <section
      aria-labelledby="failure-title"
      data-testid="build-failure"
      className="rounded-md border border-failure/40 bg-failure/5"
    >
      <div className="flex items-start gap-2 p-4">
        <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-failure" />
        <div className="min-w-0 flex-1">
          <h2 id="failure-title" className="flex flex-wrap items-center gap-2 text-sm font-semibold text-text">
            {title}
            {job.error_code && (
              <span className="rounded bg-failure/10 px-1.5 py-0.5 font-mono text-xs text-failure">
                {job.error_code}
              </span>
            )}
          </h2>
          <p className="mt-1 whitespace-pre-wrap break-words font-mono text-sm text-text">
            {job.error || "The provisioner did not report an error message."}
          </p>
        </div>
      </div>
      {children}
    </section>
  );
}

export interface GuidanceCardProps {
  guidance: ErrorGuidance;
  /** Extra lines under the guidance text (the build page's quota cost). */
  children?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  retryVariant?: ButtonVariant;
}

export function GuidanceCard({ guidance, children, onRetry, retrying, retryVariant = "secondary" }: GuidanceCardProps) {
  return (
    <div data-testid="error-guidance" className="mx-4 mb-4 rounded-md border border-border bg-panel p-3">
      <h3 className="flex items-center gap-1.5 text-sm font-semibold text-text">
        <Lightbulb aria-hidden className="size-4 text-attention" />
        {guidance.title}
      </h3>
      <p className="mt-1 text-sm text-text">{guidance.body}</p>
      {children}
      <div className="mt-2 flex flex-wrap gap-2">
        {guidance.actions.map((action) => {
          if (action.id === "retry") {
            return (
              onRetry && (
                <Button key={action.id} size="sm" variant={retryVariant} onClick={onRetry} loading={retrying}>
                  {action.label}
                </Button>
              )
            );
          }
          if (action.href?.startsWith("/")) {
            return (
              <Link
                key={action.id}
                to={action.href}
                className="inline-flex h-7 items-center text-sm text-accent hover:underline"
              >
                {action.label}
              </Link>
            );
          }
          return (
            <a
              key={action.id}
              href={action.href}
              target="_blank"
              rel="noreferrer noopener"
              className="inline-flex h-7 items-center gap-1 text-sm text-accent hover:underline"
            >
              {action.label}
              <ExternalLink aria-hidden className="size-3" />
            </a>
          );
        })}
      </div>
    </div>
  );
}

/** The failing lines with their 1-based numbers in the full log; `link` points into the log viewer. */
export function FailureLines({ lines, link }: { lines: FailureWindow["lines"]; link?: ReactNode }) {
  return (
    <div className="border-t border-failure/20 px-4 py-3">
      <div className="mb-1.5 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        <span>Log around the failure</span>
        {link}
      </div>
      <pre
        data-testid="failure-lines"
        aria-label="Log lines around the failure"
        tabIndex={0}
        className="overflow-x-auto rounded bg-page py-1 font-mono text-xs leading-5"
      >
        {lines.map((line) => (
          <div key={line.number} className={cx("flex", line.isError && "bg-failure/10")}>
            <span aria-hidden className="w-12 shrink-0 select-none pr-3 text-right text-muted">
              {line.number}
            </span>
            <span className={cx("whitespace-pre pr-3", line.isError ? "text-failure" : "text-text")}>
              {line.text || " "}
            </span>
          </div>
        ))}
      </pre>
    </div>
  );
}
