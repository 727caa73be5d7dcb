// The admins' cheap question, asked every poll: the organization's jobs in flight and its newest
// few. What it remembers between polls (the previous in-flight set, the job states a refresh was
// already made for) is what turns two answers into "these workspaces changed".
import { isApiError } from "../../../api/client";
import type { ProvisionerJob } from "../../../api/types";
import { activeJobIndex, changedFromJobs, type JobChange, type JobChanges } from "../model/history";
import type { OverviewApi } from "./overviewApi";
import { ACTIVE_JOBS_LIMIT, IN_FLIGHT, RECENT_JOBS_LIMIT } from "./overviewConfig";

export interface JobPollAnswer {
  changes: JobChanges;
  /** The in-flight jobs or their states differ from the last poll: a daemon may have gone busy or idle. */
  queueMoved: boolean;
}

export class JobPoll {
  /** Undefined until the server answered; false once it refused (404/403: members, older Coder). */
  available: boolean | undefined;
  /** The jobs pending, running or canceling at the last poll. */
  active: ProvisionerJob[] = [];
  /** Job states a refresh was already made for without the cache learning them. */
  readonly attempted = new Map<string, string>();
  private previousActive = new Map<string, string>();
  private signature = "";

  constructor(private readonly api: Pick<OverviewApi, "jobs">) {}

  /** Undefined when the server does not offer the job list to this user. */
  async poll(
    orgs: readonly string[],
    since: number,
    known: (jobId: string) => JobChange | undefined,
  ): Promise<JobPollAnswer | undefined> {
    if (this.available === false) return undefined;
    let answers: Array<[ProvisionerJob[], ProvisionerJob[]]>;
    try {
      answers = await Promise.all(
        orgs.map((org) =>
          Promise.all([
            this.api.jobs(org, { status: IN_FLIGHT, limit: ACTIVE_JOBS_LIMIT }),
            this.api.jobs(org, { limit: RECENT_JOBS_LIMIT }),
          ]),
        ),
      );
    } catch (error) {
      // Coder answers 404 to members, and servers older than the endpoint do too.
      if (isApiError(error) && (error.status === 404 || error.status === 403)) {
        this.available = false;
        this.active = [];
        return undefined;
      }
      throw error;
    }
    this.available = orgs.length > 0 ? true : this.available;
    const active = answers.flatMap(([a]) => a);
    const recent = answers.flatMap(([, r]) => r);
    const changes = changedFromJobs({
      active,
      recent,
      previousActive: this.previousActive,
      attempted: this.attempted,
      since,
      known,
    });
    this.previousActive = activeJobIndex(active);
    this.active = active;
    const signature = active
      .map((j) => `${j.id}:${j.status}`)
      .sort()
      .join();
    const queueMoved = signature !== this.signature;
    this.signature = signature;
    const current = new Set([...active, ...recent].map((j) => j.id));
    for (const jobId of this.attempted.keys()) if (!current.has(jobId)) this.attempted.delete(jobId);
    return { changes, queueMoved };
  }
}
