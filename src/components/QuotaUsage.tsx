import type { WorkspaceQuota } from "../api/types";
import { cx } from "./cx";

/** "Your workspaces use 8 of 12 quota credits a day", with a bar; nothing when there is no quota. */
export function QuotaUsage({ quota, need, className }: { quota: WorkspaceQuota; need?: number; className?: string }) {
  if (quota.budget <= 0) return null;
  const used = Math.min(100, Math.round((quota.credits_consumed / quota.budget) * 100));
  const left = quota.budget - quota.credits_consumed;
  return (
    <div data-testid="quota-usage" className={cx("flex flex-col gap-1.5 text-sm text-text", className)}>
      <p>
        Your workspaces use <strong>{quota.credits_consumed}</strong> of <strong>{quota.budget}</strong> quota credits a
        day ({Math.max(0, left)} left{need !== undefined ? `; this build needs ${need}` : ""}).
      </p>
      <div
        role="meter"
        aria-label="Quota used"
        aria-valuemin={0}
        aria-valuemax={quota.budget}
        aria-valuenow={Math.min(quota.credits_consumed, quota.budget)}
        className="h-1.5 w-full max-w-sm overflow-hidden rounded bg-raised"
      >
        <div className={cx("h-full", used >= 90 ? "bg-failure" : "bg-accent")} style={{ width: `${used}%` }} />
      </div>
    </div>
  );
}
