// The one status map (DESIGN.md "Status colours"): every badge, chart bar and icon asks here what a
// state means, so a new state is taught to the whole UI in one line.
import {
  Ban,
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleStop,
  CircleX,
  Clock,
  Hourglass,
  LoaderCircle,
  Moon,
  Power,
  PowerOff,
  Trash2,
  TriangleAlert,
  Unplug,
  type LucideIcon,
} from "lucide-react";
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

export interface StatusInfo {
  meaning: StatusMeaning;
  label: string;
  icon: LucideIcon;
}

/** The families of states the API reports; the same word (e.g. `failed`) can mean different things in each. */
export type StatusKind =
  "workspace" | "job" | "agentStatus" | "agentLifecycle" | "script" | "appHealth" | "appState" | "flag";

/** Attention markers that are not an API enum but are shown like one. */
export const WORKSPACE_FLAGS = ["outdated", "dormant", "needs_user_attention", "queued"] as const;

const s = (meaning: StatusMeaning, label: string, icon: LucideIcon): StatusInfo => ({ meaning, label, icon });

const WORKSPACE: Record<(typeof WORKSPACE_STATUSES)[number], StatusInfo> = {
  pending: s("progress", "Pending", Clock),
  starting: s("progress", "Starting", LoaderCircle),
  running: s("ok", "Running", CircleCheck),
  stopping: s("progress", "Stopping", LoaderCircle),
  stopped: s("neutral", "Stopped", CircleStop),
  failed: s("failure", "Failed", CircleX),
  canceling: s("progress", "Canceling", LoaderCircle),
  canceled: s("neutral", "Canceled", Ban),
  deleting: s("progress", "Deleting", LoaderCircle),
  deleted: s("neutral", "Deleted", Trash2),
};

const JOB: Record<(typeof JOB_STATUSES)[number], StatusInfo> = {
  pending: s("progress", "Queued", Clock),
  running: s("progress", "Running", LoaderCircle),
  succeeded: s("ok", "Succeeded", CircleCheck),
  canceling: s("progress", "Canceling", LoaderCircle),
  canceled: s("neutral", "Canceled", Ban),
  failed: s("failure", "Failed", CircleX),
};

const AGENT_STATUS: Record<(typeof AGENT_STATUSES)[number], StatusInfo> = {
  connecting: s("progress", "Connecting", LoaderCircle),
  connected: s("ok", "Connected", CircleCheck),
  disconnected: s("neutral", "Disconnected", Unplug),
  timeout: s("failure", "Timed out", Hourglass),
};

const AGENT_LIFECYCLE: Record<(typeof AGENT_LIFECYCLE_STATES)[number], StatusInfo> = {
  created: s("progress", "Created", CircleDashed),
  starting: s("progress", "Starting", LoaderCircle),
  start_timeout: s("failure", "Start timeout", Hourglass),
  start_error: s("failure", "Start error", CircleX),
  ready: s("ok", "Ready", CircleCheck),
  shutting_down: s("progress", "Shutting down", LoaderCircle),
  shutdown_timeout: s("failure", "Shutdown timeout", Hourglass),
  shutdown_error: s("failure", "Shutdown error", CircleX),
  off: s("neutral", "Off", PowerOff),
};

const SCRIPT: Record<(typeof SCRIPT_STATUSES)[number], StatusInfo> = {
  ok: s("ok", "OK", CircleCheck),
  exit_failure: s("failure", "Exit failure", CircleX),
  timed_out: s("failure", "Timed out", Hourglass),
  pipes_left_open: s("attention", "Pipes left open", TriangleAlert),
};

const APP_HEALTH: Record<(typeof APP_HEALTHS)[number], StatusInfo> = {
  disabled: s("neutral", "No health check", CircleDashed),
  initializing: s("progress", "Initializing", LoaderCircle),
  healthy: s("ok", "Healthy", CircleCheck),
  unhealthy: s("failure", "Unhealthy", CircleX),
};

const APP_STATE: Record<(typeof APP_STATUS_STATES)[number], StatusInfo> = {
  working: s("progress", "Working", LoaderCircle),
  idle: s("neutral", "Idle", Power),
  complete: s("ok", "Complete", CircleCheck),
  failure: s("failure", "Failure", CircleX),
};

const FLAG: Record<(typeof WORKSPACE_FLAGS)[number], StatusInfo> = {
  outdated: s("attention", "Outdated", TriangleAlert),
  dormant: s("attention", "Dormant", Moon),
  needs_user_attention: s("attention", "Needs attention", TriangleAlert),
  queued: s("attention", "Queued", Clock),
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
 * What a state means. Enums grow upstream (SPEC §7), so an unknown value is shown as its own text
 * with a neutral meaning instead of throwing.
 */
export function statusInfo(kind: StatusKind, value: string | undefined | null): StatusInfo {
  const key = value ?? "";
  const table = STATUS_MAP[kind];
  if (Object.prototype.hasOwnProperty.call(table, key)) return table[key];
  return s("neutral", humanize(key), CircleHelp);
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
