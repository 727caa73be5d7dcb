import type { JobRecord } from "../store/records";
import type { Store } from "../store/store";
import { MIN_STATE_MS, type SimClock } from "./clock";

/** Simulated time a template import takes: fetch providers, parse, plan the parameters. */
const IMPORT_MS = 6_000;
const STEP_MS = 50;

/** Plays a template version import on a provisioner: it runs, notices a cancel, and ends. */
export async function runTemplateImport(store: Store, clock: SimClock, job: JobRecord): Promise<void> {
  const end = store.now() + clock.scale(IMPORT_MS, MIN_STATE_MS);
  while (store.now() < end) {
    if (job.status === "canceling") {
      if (await clock.wait(MIN_STATE_MS)) store.acknowledgeCancel(job.id);
      return;
    }
    if (!(await clock.wait(STEP_MS))) return;
  }
  store.finishImportJob(job.id, "succeeded");
}
