// The one status map (docs/design.md "Status colours"): every badge, chart bar and icon asks here what a
// state means, so a new state is taught to the whole UI in one line.
import type {
  AGENT_LIFECYCLE_STATES,
  AGENT_STATUSES,
  APP_HEALTHS,
  APP_STATUS_STATES,
  JOB_STATUSES,
  SCRIPT_STATUSES,
  WORKSPACE_STATUSES,
} from "../api/types";

export type StatusMeaning = "ok" | "progress" | "neutral" | "failure" | "attention";

/** Which icon shows the state; components/statusIcons.ts draws each one (this module stays free of UI code). */
export type StatusIcon = (typeof STATUS_ICON_NAMES)[number];

export const STATUS_ICON_NAMES = [
  "ban",
  "check",
  "dashed",
  "help",
  "stop",
  "cross",
  "clock",
  "hourglass",
  "spinner",
  "moon",
  "power",
  "power-off",
  "trash",
  "alert",
  "unplug",
] as const;

export interface StatusInfo {
  meaning: StatusMeaning;
  label: string;
  icon: StatusIcon;
}

/** The families of states the API reports; the same word (e.g. `failed`) can mean different things in each. */
export type StatusKind =
  "workspace" | "job" | "agentStatus" | "agentLifecycle" | "script" | "appHealth" | "appState" | "flag";

/** Attention markers that are not an API enum but are shown like one. */
export const WORKSPACE_FLAGS = ["outdated", "dormant", "needs_user_attention", "queued"] as const;

const s = (meaning: StatusMeaning, label: string, icon: StatusIcon): StatusInfo => ({ meaning, label, icon });

const WORKSPACE: Record<(typeof WORKSPACE_STATUSES)[number], StatusInfo> = {
  pending: s("progress", "Pending", "clock"),
  starting: s("progress", "Starting", "spinner"),
  running: s("ok", "Running", "check"),
  stopping: s("progress", "Stopping", "spinner"),
  stopped: s("neutral", "Stopped", "stop"),
  failed: s("failure", "Failed", "cross"),
  canceling: s("progress", "Canceling", "spinner"),
  canceled: s("neutral", "Canceled", "ban"),
  deleting: s("progress", "Deleting", "spinner"),
  deleted: s("neutral", "Deleted", "trash"),
};

const JOB: Record<(typeof JOB_STATUSES)[number], StatusInfo> = {
  pending: s("progress", "Queued", "clock"),
  running: s("progress", "Running", "spinner"),
  succeeded: s("ok", "Succeeded", "check"),
  canceling: s("progress", "Canceling", "spinner"),
  canceled: s("neutral", "Canceled", "ban"),
  failed: s("failure", "Failed", "cross"),
};

const AGENT_STATUS: Record<(typeof AGENT_STATUSES)[number], StatusInfo> = {
  connecting: s("progress", "Connecting", "spinner"),
  connected: s("ok", "Connected", "check"),
  disconnected: s("neutral", "Disconnected", "unplug"),
  timeout: s("failure", "Timed out", "hourglass"),
};

const AGENT_LIFECYCLE: Record<(typeof AGENT_LIFECYCLE_STATES)[number], StatusInfo> = {
  created: s("progress", "Created", "dashed"),
  starting: s("progress", "Starting", "spinner"),
  start_timeout: s("failure", "Start timeout", "hourglass"),
  start_error: s("failure", "Start error", "cross"),
  ready: s("ok", "Ready", "check"),
  shutting_down: s("progress", "Shutting down", "spinner"),
  shutdown_timeout: s("failure", "Shutdown timeout", "hourglass"),
  shutdown_error: s("failure", "Shutdown error", "cross"),
  off: s("neutral", "Off", "power-off"),
};

const SCRIPT: Record<(typeof SCRIPT_STATUSES)[number], StatusInfo> = {
  ok: s("ok", "OK", "check"),
  exit_failure: s("failure", "Exit failure", "cross"),
  timed_out: s("failure", "Timed out", "hourglass"),
  pipes_left_open: s("attention", "Pipes left open", "alert"),
};

const APP_HEALTH: Record<(typeof APP_HEALTHS)[number], StatusInfo> = {
  disabled: s("neutral", "No health check", "dashed"),
  initializing: s("progress", "Initializing", "spinner"),
  healthy: s("ok", "Healthy", "check"),
  unhealthy: s("failure", "Unhealthy", "cross"),
};

const APP_STATE: Record<(typeof APP_STATUS_STATES)[number], StatusInfo> = {
  working: s("progress", "Working", "spinner"),
  idle: s("neutral", "Idle", "power"),
  complete: s("ok", "Complete", "check"),
  failure: s("failure", "Failure", "cross"),
};

const FLAG: Record<(typeof WORKSPACE_FLAGS)[number], StatusInfo> = {
  outdated: s("attention", "Outdated", "alert"),
  dormant: s("attention", "Dormant", "moon"),
  needs_user_attention: s("attention", "Needs attention", "alert"),
  queued: s("attention", "Queued", "clock"),
};

/** Exported for the completeness test; read through {@link statusInfo}. */
export const STATUS_MAP: Record<StatusKind, Record<string, StatusInfo>> = {
  workspace: WORKSPACE,
  job: JOB,
  agentStatus: AGENT_STATUS,
  agentLifecycle: AGENT_LIFECYCLE,
  script: SCRIPT,
  appHealth: APP_HEALTH,
  appState: APP_STATE,
  flag: FLAG,
};

/** Turns `start_timeout` into `Start timeout`, so a state added upstream still reads as words. */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Unknown";
}

/**
 * What a state means. Enums grow upstream (docs/conventions.md), so an unknown value is shown as its own text
 * with a neutral meaning instead of throwing.
 */
export function statusInfo(kind: StatusKind, value: string | undefined | null): StatusInfo {
  const key = value ?? "";
  const table = STATUS_MAP[kind];
  if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  return s("neutral", humanize(key), "help");
}

/** Meanings that animate (a pulsing dot) while the state lasts. */
export function isInProgress(meaning: StatusMeaning): boolean {
  return meaning === "progress";
}

/** Tailwind classes per meaning, so colour choices stay in this file too. */
export const MEANING_CLASSES: Record<StatusMeaning, { text: string; bg: string; soft: string; border: string }> = {
  ok: { text: "text-ok", bg: "bg-ok", soft: "bg-ok/10", border: "border-ok/30" },
  progress: { text: "text-progress", bg: "bg-progress", soft: "bg-progress/10", border: "border-progress/30" },
  neutral: { text: "text-neutral", bg: "bg-neutral", soft: "bg-neutral/10", border: "border-neutral/30" },
  failure: { text: "text-failure", bg: "bg-failure", soft: "bg-failure/10", border: "border-failure/30" },
  attention: { text: "text-attention", bg: "bg-attention", soft: "bg-attention/10", border: "border-attention/30" },
};
