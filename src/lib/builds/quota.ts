// What a build costs in quota. Coder records `daily_cost` only when the quota check lets a build
// through, so a build refused for INSUFFICIENT_QUOTA reports 0: its cost is best estimated from the
// workspace's last start build that did succeed.
import type { WorkspaceBuild } from "../../api/types";

export interface CostEstimate {
  /** Quota credits per day. */
  daily: number;
  /** The build the figure comes from (the build itself when it has a cost). */
  fromBuild: number;
}

type CostBuild = Pick<WorkspaceBuild, "id" | "build_number" | "transition" | "daily_cost"> & {
  job: Pick<WorkspaceBuild["job"], "status">;
};

export function dailyCostOf(build: CostBuild, history: readonly CostBuild[]): CostEstimate | undefined {
  if (build.daily_cost > 0) return { daily: build.daily_cost, fromBuild: build.build_number };
  const source = history
    .filter((b) => b.id !== build.id && b.transition === "start" && b.job.status === "succeeded" && b.daily_cost > 0)
    .sort((a, b) => b.build_number - a.build_number)[0];
  return source ? { daily: source.daily_cost, fromBuild: source.build_number } : undefined;
}
