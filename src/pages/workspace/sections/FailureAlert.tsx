import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { workspaceQuotaQuery } from "../../../api/queries";
import type { Workspace, WorkspaceBuild } from "../../../api/types";
import { QuotaUsage } from "../../../components/QuotaUsage";
import { FailureCard, FailureLines, GuidanceCard } from "../../../components/FailureParts";
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
    <FailureCard title={`Build #${build.build_number} (${build.transition}) failed`} job={job}>
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
    </FailureCard>
  );
}
