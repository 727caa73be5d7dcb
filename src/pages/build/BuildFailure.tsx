import type { WorkspaceBuild, WorkspaceQuota } from "../../api/types";
import { QuotaUsage } from "../../components/QuotaUsage";
import { FailureCard, FailureLines, GuidanceCard } from "../../components/FailureParts";
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
  /** The owner's quota, for INSUFFICIENT_QUOTA (absent when it could not be read). */
  quota?: WorkspaceQuota;
  onRetry?: () => void;
  retrying?: boolean;
}

function CostNote({ build, cost }: { build: WorkspaceBuild; cost: CostEstimate | "loading" | undefined }) {
  if (cost === "loading") return <>Looking up what this build costs…</>;
  if (!cost) {
    return (
      <>
        Coder recorded no quota cost for this build (it was refused before its resources were created), and no earlier
        start of this workspace has one.
      </>
    );
  }
  const credits = (
    <strong className="font-mono tabular-nums">
      {cost.daily} quota credit{cost.daily === 1 ? "" : "s"}
    </strong>
  );
  if (cost.fromBuild === build.build_number) return <>This build costs {credits} per day.</>;
  return (
    <>
      This build needs about {credits} per day: what the last successful start (build #{cost.fromBuild}) cost. Coder
      records no cost for a refused build.
    </>
  );
}

/** Why the build failed: `job.error`, what to do about a known error code, and the log around the failure. */
export function BuildFailure({
  build,
  guidance,
  window,
  cost,
  quota,
  onJumpToLine,
  onRetry,
  retrying,
}: BuildFailureProps) {
  const lines = window?.lines ?? [];
  const focus = window?.focus;
  return (
    <FailureCard title="This build failed" job={build.job}>
      {guidance && (
        <GuidanceCard guidance={guidance} onRetry={onRetry} retrying={retrying}>
          {guidance.code === "INSUFFICIENT_QUOTA" && (
            <p data-testid="daily-cost" className="mt-2 text-sm text-text">
              <CostNote build={build} cost={cost} /> Stopping a running workspace frees its share.
            </p>
          )}
          {guidance.code === "INSUFFICIENT_QUOTA" && quota && (
            <QuotaUsage quota={quota} need={cost !== "loading" ? cost?.daily : undefined} className="mt-2" />
          )}
        </GuidanceCard>
      )}

      {lines.length > 0 && (
        <FailureLines
          lines={lines}
          link={
            focus !== undefined && (
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
            )
          }
        />
      )}
    </FailureCard>
  );
}
