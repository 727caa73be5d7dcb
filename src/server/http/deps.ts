import type { BuildOutcome } from "../store/records";
import type { Store } from "../store/store";

/** What the route modules need besides the store. */
export interface ApiDeps {
  store: Store;
  /** The outcome the next build of a workspace will have (test controls, failure rate). */
  nextOutcome(workspaceId: string): BuildOutcome;
  buildInfo: { version: string };
  /** Serve `GET /organizations/{org}/provisionerjobs[/{job}]` (off: behave like a Coder without them). */
  provisionerJobsEndpoint?: boolean;
}
