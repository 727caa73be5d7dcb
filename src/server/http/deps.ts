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
  /** Sign-in methods the deployment offers (default: password only). */
  auth?: AuthConfig;
}

export interface AuthConfig {
  /** `--password-auth off`: email + password refused, as on an SSO-only deployment. */
  password: boolean;
  /** OIDC sign-in button text; null = OIDC not configured. */
  oidcSignInText: string | null;
}
