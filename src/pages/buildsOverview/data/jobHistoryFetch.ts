import type { ProvisionerJob } from "../../../api/types";
import { FIRST_HISTORY_LIMIT, nextHistoryLimit } from "../model/jobHistory";
import type { OverviewApi } from "./overviewApi";

/**
 * Each organization's newest jobs back to `since`: one request, or two when the first guess
 * falls short (the list has no `since` filter, only `limit`, newest first).
 */
export async function fetchJobHistory(
  api: Pick<OverviewApi, "jobs">,
  organizationIds: readonly string[],
  since: number,
  now: number,
): Promise<ProvisionerJob[]> {
  const perOrg = await Promise.all(
    organizationIds.map(async (org) => {
      let limit = FIRST_HISTORY_LIMIT;
      for (;;) {
        const jobs = await api.jobs(org, { limit });
        const next = nextHistoryLimit(jobs, limit, since, now);
        if (next === undefined) return jobs;
        limit = next;
      }
    }),
  );
  return perOrg.flat();
}
