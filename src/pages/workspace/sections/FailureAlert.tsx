import { useMemo } from "react";
import { CircleX } from "lucide-react";
import { useQuery } from "@tanstack/react-query";
import { workspaceQuotaQuery } from "../../../api/queries";
import type { Workspace, WorkspaceBuild } from "../../../api/types";
import { QuotaUsage } from "../../../components/QuotaUsage";
import { FailureLines, GuidanceCard } from "../../../components/FailureParts";
import { errorGuidance } from "../../../lib/buildErrors";
import type { LogStore } from "../../../lib/logs/store";
import { failureWindow } from "../../../lib/workspace/failureLines";
import { useLogStoreSnapshot } from "../../../components/LogViewer";

export interface FailureAlertProps {
  build: WorkspaceBuild;
  /** Whose quota a quota failure is about. */
  workspace: Pick<Workspace, "organization_id" | "owner_name">;
  log: LogStore;
  /** The guidance's "Try again" starts the workspace; absent when starting is not possible now. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** Why the latest build failed: the job's error, what to do about known error codes, and the log lines around it. */
export function FailureAlert({ build, workspace, log, onRetry, retrying }: FailureAlertProps) {
  const failed = build.job.status === "failed";
  // A failed job's log no longer grows, but it may still be arriving when the page opens.
  const version = useLogStoreSnapshot(log, (s) => (failed ? s.version : 0));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` counts the store's in-place appends
  const around = useMemo(() => (failed ? failureWindow(log) : undefined), [failed, log, version]);
  const job = build.job;
  const guidance = failed ? errorGuidance(job) : null;
  const quota = useQuery({
    ...workspaceQuotaQuery(workspace.organization_id, workspace.owner_name),
    enabled: guidance?.code === "INSUFFICIENT_QUOTA",
    retry: false,
  });
  if (!failed) return null;

  return (
    <section
      aria-labelledby="failure-title"
      data-testid="build-failure"
      className="rounded-md border border-failure/40 bg-failure/5"
    >
      <div className="flex items-start gap-2 p-4">
        <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-failure" />
        <div className="min-w-0 flex-1">
          <h2 id="failure-title" className="text-sm font-semibold text-text">
            Build #{build.build_number} ({build.transition}) failed
            {job.error_code && (
              <span className="ml-2 rounded bg-failure/10 px-1.5 py-0.5 font-mono text-xs text-failure">
                {job.error_code}
              </span>
            )}
          </h2>
          <p className="mt-1 whitespace-pre-wrap break-words font-mono text-sm text-text">
            {job.error || "The provisioner did not report an error message."}
          </p>
        </div>
      </div>

      {guidance && (
        <GuidanceCard guidance={guidance} onRetry={onRetry} retrying={retrying} retryVariant="primary">
          {guidance.code === "INSUFFICIENT_QUOTA" && quota.data && <QuotaUsage quota={quota.data} className="mt-2" />}
        </GuidanceCard>
      )}

      {around && (
        <FailureLines
          lines={around.lines}
          link={
            <a href={`#L${around.focus}`} className="text-accent hover:underline">
              Show line {around.focus} in the build log
            </a>
          }
        />
      )}
    </section>
  );
}
