// Autostart / autostop as a person reads them, in the owner's timezone, and the rules of the
// "+1h / −1h" deadline buttons.
import type { Workspace } from "../../api/types";
import { LOCALE, formatDuration, formatRelative } from "../format";

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export interface Autostart {
  /** "Weekdays at 08:30", or the raw cron expression when it is not a simple daily time. */
  text: string;
  timeZone: string;
}

/**
 * One formatter per zone, made on first use: a new `Intl.DateTimeFormat` costs about a millisecond
 * (more for the first of a zone), and a workspace page formats several moments on every render.
 * `null`: the zone is not one the browser knows.
 */
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  let format = zoneFormats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(LOCALE, {
        weekday: "short",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        // Not `hour12: false`: en-US then writes midnight as 24:00.
        hourCycle: "h23",
        timeZone: zone,
        timeZoneName: "short",
      });
    } catch {
      format = null;
    }
    zoneFormats.set(zone, format);
  }
  return format;
}

function validZone(zone: string | undefined): zone is string {
  return zone !== undefined && zone !== "" && zoneFormat(zone) !== null;
}

let viewerZone: string | undefined;

/** The viewer's own zone, used when the owner never said theirs. */
export function viewerTimeZone(): string {
  return (viewerZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
}

/**
 * The owner's timezone as far as the workspace tells: the `CRON_TZ` of its autostart schedule
 * (Coder writes the owner's zone there). Without one, `fallback` (the viewer's zone).
 */
export function ownerTimeZone(
  workspace: Pick<Workspace, "autostart_schedule">,
  fallback: string = viewerTimeZone(),
): string {
  const zone = /^CRON_TZ=(\S+)/.exec(workspace.autostart_schedule ?? "")?.[1];
  return validZone(zone) ? zone : fallback;
}

function describeDays(field: string): string | undefined {
  if (field === "*" || field === "0-6" || field === "1-7") return "Every day";
  if (field === "1-5") return "Weekdays";
  if (field === "0,6" || field === "6,0" || field === "6-7" || field === "6,7") return "Weekends";
  const range = /^([0-7])-([0-7])$/.exec(field);
  if (range) return `${DAY_NAMES[+range[1] % 7]}–${DAY_NAMES[+range[2] % 7]}`;
  if (/^[0-7](,[0-7])*$/.test(field))
    return field
      .split(",")
      .map((d) => DAY_NAMES[+d % 7])
      .join(", ");
  return undefined;
}

/** Reads Coder's autostart cron (`CRON_TZ=Europe/Berlin 30 8 * * 1-5`); undefined when autostart is off. */
export function describeAutostart(
  schedule: string | undefined,
  fallbackZone: string = viewerTimeZone(),
): Autostart | undefined {
  if (!schedule?.trim()) return undefined;
  const zoneMatch = /^CRON_TZ=(\S+)\s+/.exec(schedule);
  const timeZone = validZone(zoneMatch?.[1]) ? zoneMatch[1] : fallbackZone;
  const cron = zoneMatch ? schedule.slice(zoneMatch[0].length).trim() : schedule.trim();
  const [minute, hour, dom, month, dow, ...extra] = cron.split(/\s+/);
  const simple =
    extra.length === 0 &&
    /^\d{1,2}$/.test(minute ?? "") &&
    /^\d{1,2}$/.test(hour ?? "") &&
    dom === "*" &&
    month === "*";
  const days = simple && dow !== undefined ? describeDays(dow) : undefined;
  if (!simple || !days || +hour > 23 || +minute > 59) return { text: cron, timeZone };
  return { text: `${days} at ${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`, timeZone };
}

/** "Tue, Mar 4, 17:30 UTC": a moment as the owner's wall clock shows it. */
export function formatInZone(date: string | number | Date, timeZone: string): string {
  const t = typeof date === "number" ? date : new Date(date).getTime();
  if (Number.isNaN(t)) return "—";
  return (zoneFormat(timeZone) ?? zoneFormat("UTC")!).format(t);
}

export interface Autostop {
  /** "Stops Tue, Mar 4, 17:30 UTC" while running with a deadline, else "8h after start". */
  text: string;
  /** "in 2 hours", for a deadline. */
  relative?: string;
  deadline?: string;
}

export function describeAutostop(
  workspace: Workspace,
  timeZone: string,
  now: number = Date.now(),
): Autostop | undefined {
  const build = workspace.latest_build;
  if (build.status === "running" && build.deadline) {
    return {
      text: `Stops ${formatInZone(build.deadline, timeZone)}`,
      relative: formatRelative(build.deadline, now),
      deadline: build.deadline,
    };
  }
  if (workspace.ttl_ms && workspace.ttl_ms > 0) return { text: `${formatDuration(workspace.ttl_ms)} after start` };
  return undefined;
}

const HOUR = 3_600_000;
/** Coder refuses a deadline closer than this to now. */
export const MIN_DEADLINE_LEAD_MS = 30 * 60_000;

export type DeadlineChange = { ok: true; deadline: string } | { ok: false; reason: string };

/**
 * The deadline after "+1h" (`hours` > 0) or "−1h". Later is capped at the build's max deadline;
 * earlier must stay at least 30 minutes ahead of now, as the server requires.
 */
export function changeDeadline(
  build: { deadline?: string | null; max_deadline?: string | null; status: string },
  hours: number,
  now: number = Date.now(),
): DeadlineChange {
  if (build.status !== "running" || !build.deadline)
    return { ok: false, reason: "Only a running workspace with an autostop time can be extended." };
  const current = Date.parse(build.deadline);
  let next = current + hours * HOUR;
  if (hours > 0) {
    const max = build.max_deadline ? Date.parse(build.max_deadline) : Number.POSITIVE_INFINITY;
    if (current >= max) return { ok: false, reason: "The template's maximum lifetime does not allow a later stop." };
    next = Math.min(next, max);
  } else if (next < now + MIN_DEADLINE_LEAD_MS) {
    return { ok: false, reason: "The stop time must stay at least 30 minutes away." };
  }
  return { ok: true, deadline: new Date(next).toISOString() };
}

export interface Notice {
  tone: "attention" | "failure";
  text: string;
}

/** Dormancy and scheduled deletion, the two things that happen to a workspace without its owner. */
export function lifecycleNotices(
  workspace: Pick<Workspace, "dormant_at" | "deleting_at">,
  timeZone: string,
  now: number = Date.now(),
): Notice[] {
  const notices: Notice[] = [];
  if (workspace.dormant_at) {
    notices.push({
      tone: "attention",
      text: `Dormant since ${formatInZone(workspace.dormant_at, timeZone)}: it was unused for too long. Activate it to start it again.`,
    });
  }
  if (workspace.deleting_at) {
    const soon = Date.parse(workspace.deleting_at) - now < 24 * HOUR;
    notices.push({
      tone: soon ? "failure" : "attention",
      text: `Will be deleted ${formatRelative(workspace.deleting_at, now)} (${formatInZone(workspace.deleting_at, timeZone)}) unless it is used or activated.`,
    });
  }
  return notices;
}
