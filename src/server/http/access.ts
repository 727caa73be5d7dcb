import type { Context } from "hono";
import type { BuildRecord, UserRecord, WorkspaceRecord } from "../store/records";
import type { Store } from "../store/store";
import { HttpError } from "../util/errors";
import { NotFound } from "../store/errors";
import type { ApiEnv } from "./env";
import { uuidParam } from "./params";

// Resource lookups with Coder's visibility rules: what a caller may not read is a 404. The
// `visible*` forms take the user and id directly, so WebSocket upgrades apply the same rules.

export function visibleWorkspace(store: Store, user: UserRecord, id: string): WorkspaceRecord {
  const ws = store.workspaces.get(id);
  if (!ws || !store.canSeeWorkspace(user, ws)) throw new NotFound();
  if (ws.deleted) {
    throw new HttpError(
      410,
      `Workspace "${ws.name}" was deleted, you can view this workspace by specifying '?deleted=true' and trying again.`,
    );
  }
  return ws;
}

export function visibleBuild(store: Store, user: UserRecord, id: string): BuildRecord {
  const build = store.builds.get(id);
  if (!build) throw new NotFound();
  const ws = store.workspaces.get(build.workspace_id)!;
  if (!store.canSeeWorkspace(user, ws)) throw new NotFound();
  return build;
}

export function visibleAgent(store: Store, user: UserRecord, id: string): NonNullable<ReturnType<Store["agent"]>> {
  const found = store.agent(id);
  if (!found) throw new NotFound();
  const ws = store.workspaces.get(found.build.workspace_id)!;
  if (!store.canSeeWorkspace(user, ws)) throw new NotFound();
  return found;
}

export function workspaceById(store: Store, c: Context<ApiEnv>, param = "workspace"): WorkspaceRecord {
  return visibleWorkspace(store, c.get("user"), uuidParam(c, param));
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
  return visibleBuild(store, c.get("user"), uuidParam(c, param));
}

/** Writes to someone else's workspace: admins only (members never see them, so 404). */
export function assertCanSee(store: Store, user: UserRecord, ws: WorkspaceRecord): void {
  if (!store.canSeeWorkspace(user, ws)) throw new NotFound();
}
