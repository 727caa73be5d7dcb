// Words for build fields whose enums grow upstream (docs/conventions.md): a value this release does not know
// is shown as the server wrote it, never dropped.

const REASONS: Record<string, string> = {
  initiator: "Manual",
  autostart: "Autostart",
  autostop: "Autostop",
  dormancy: "Dormancy",
  dashboard: "Dashboard",
  cli: "CLI",
  ssh_connection: "SSH connection",
  vscode_connection: "VS Code connection",
  jetbrains_connection: "JetBrains connection",
};

/** Why the build happened, e.g. `autostart` → "Autostart"; unknown values as given. */
export function reasonLabel(reason: string | undefined): string {
  if (!reason) return "—";
  return Object.prototype.hasOwnProperty.call(REASONS, reason) ? REASONS[reason] : reason;
}

const TRANSITIONS: Record<string, string> = { start: "Start", stop: "Stop", delete: "Delete" };

export function transitionLabel(transition: string | undefined): string {
  if (!transition) return "—";
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, transition) ? TRANSITIONS[transition] : transition;
}
