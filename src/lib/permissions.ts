// What the signed-in user's roles let them see and do, the one place that reads role names. Coder's
// built-in roles: `owner` may do everything; `template-admin` manages templates and reads every
// workspace; `user-admin` manages users and groups (no workspaces); `auditor` reads audit logs;
// the `organization-*` roles are the same scoped to one organization. These checks only decide
// what the UI offers: the server's answer stays the authority.
import type { User } from "../api/types";

type WithRoles = Pick<User, "roles"> | undefined;

/** Roles that may read every workspace, not only their own. */
const READ_ALL_WORKSPACES = new Set(["owner", "template-admin", "organization-admin", "organization-template-admin"]);

/**
 * Roles that may update templates: they read raw Terraform state (Coder answers 404 to anyone else),
 * build with `log_level: debug`, and cancel builds even where the template forbids users to.
 */
const UPDATE_TEMPLATES = new Set(["owner", "template-admin", "organization-admin", "organization-template-admin"]);

function hasRole(user: WithRoles, roles: ReadonlySet<string>): boolean {
  return user?.roles.some((r) => roles.has(r.name)) ?? false;
}

/** Sees everyone's workspaces and builds (the owner column, the deployment-wide builds overview). */
export function canSeeAllWorkspaces(user: WithRoles): boolean {
  return hasRole(user, READ_ALL_WORKSPACES);
}

export function canUpdateTemplates(user: WithRoles): boolean {
  return hasRole(user, UPDATE_TEMPLATES);
}
