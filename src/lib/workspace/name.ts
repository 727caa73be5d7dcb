// Workspace names as Coder validates them (docs/conventions.md): letters/digits in dash-separated groups, ≤ 32.
export const WORKSPACE_NAME_PATTERN = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
export const WORKSPACE_NAME_MAX = 32;

/** The reason a name is refused, or null when it is fine. */
export function workspaceNameError(name: string): string | null {
  if (name.length === 0) return "Enter a name.";
  if (name.length > WORKSPACE_NAME_MAX) return `At most ${WORKSPACE_NAME_MAX} characters (this is ${name.length}).`;
  if (!WORKSPACE_NAME_PATTERN.test(name)) {
    if (/^-|-$/.test(name)) return "Cannot start or end with a dash.";
    if (name.includes("--")) return "Cannot contain two dashes in a row.";
    return "Use only letters, digits and single dashes.";
  }
  return null;
}
