import type { HttpBindings } from "@hono/node-server";
import type { UserRecord } from "../store/records";

/** Hono context: the Node request/response (for streams) and what the auth middleware sets. */
export interface ApiEnv {
  Bindings: HttpBindings;
  Variables: { user: UserRecord; token: string };
}

export const SESSION_COOKIE = "coder_session_token";
export const SESSION_HEADER = "Coder-Session-Token";
