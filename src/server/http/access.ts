import type { Context } from "hono";
import type { BuildRecord, UserRecord, WorkspaceRecord } from "../store/records";
import type { Store } from "../store/store";
import { HttpError, notFound } from "../util/errors";
import type { ApiEnv } from "./env";
import { uuidParam } from "./params";

// Resource lookups with Coder's visibility rules: what a caller may not read is a 404.

export function workspaceById(store: Store, c: Context<ApiEnv>, param = "workspace"): WorkspaceRecord {
  const id = uuidParam(c, param);
  const ws = store.workspaces.get(id);
  const user = c.get("user");
  if (!ws || !store.canSeeWorkspace(user, ws)) throw notFound();
  if (ws.deleted) {
    throw new HttpError(
      410,
      `Workspace "${ws.name}" was deleted, you can view this workspace by specifying '?deleted=true' and trying again.`,
    );
  }
  return ws;
}

/** `{user}` path segment: a username, a user id or `me`. */
export function userParam(store: Store, c: Context<ApiEnv>, param = "user"): UserRecord {
  const raw = c.req.param(param) ?? "";
  const me = c.get("user");
  if (raw === "me") return me;
  const u = store.userByName(raw);
  if (!u) throw new HttpError(400, `Could not find user "${raw}".`, undefined);
  return u;
}

export function buildById(store: Store, c: Context<ApiEnv>, param = "workspacebuild"): BuildRecord {
  const id = uuidParam(c, param);
  const build = store.builds.get(id);
  if (!build) throw notFound();
  const ws = store.workspaces.get(build.workspace_id)!;
  if (!store.canSeeWorkspace(c.get("user"), ws)) throw notFound();
  return build;
}

/** Writes to someone else's workspace: admins only (members never see them, so 404). */
export function assertCanSee(store: Store, user: UserRecord, ws: WorkspaceRecord): void {
  if (!store.canSeeWorkspace(user, ws)) throw notFound();
}
