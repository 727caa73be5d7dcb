// Autostart as a form edits it: days of the week, a time and a timezone, to and from Coder's
// schedule string (`CRON_TZ=Europe/Berlin 30 9 * * 1-5`). Only what the form can express is
// parsed; anything else is left to `describeAutostart` to show as it is.

export interface AutostartForm {
  /** 0 = Sunday … 6 = Saturday, sorted, no duplicates. */
  days: number[];
  /** `HH:MM`, 24-hour. */
  time: string;
  timeZone: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5];
/** Coder's `autostart_requirement.days_of_week` names, indexed like cron days. */
export const DAY_KEYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** `[1,2,3,5]` → `1-3,5`: the short form Coder's own scheduler writes. */
function daysField(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "*";
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(","));
    i = j + 1;
  }
  return parts.join(",");
}

export function buildAutostartCron(form: AutostartForm): string {
  const [hour, minute] = form.time.split(":").map(Number);
  return `CRON_TZ=${form.timeZone} ${minute} ${hour} * * ${daysField(form.days)}`;
}

function parseDays(field: string): number[] | undefined {
  if (field === "*") return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of field.split(",")) {
    const range = /^([0-7])(?:-([0-7]))?$/.exec(part);
    if (!range) return undefined;
    const from = +range[1];
    const to = range[2] === undefined ? from : +range[2];
    if (to < from) return undefined;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b);
}

/** The form values of a schedule, or undefined when it is empty or more than days + one time. */
export function parseAutostartCron(schedule: string | undefined, fallbackZone: string): AutostartForm | undefined {
  if (!schedule?.trim()) return undefined;
  const zone = /^CRON_TZ=(\S+)\s+/.exec(schedule);
  const cron = (zone ? schedule.slice(zone[0].length) : schedule).trim().split(/\s+/);
  if (cron.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = cron;
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || +minute > 59 || +hour > 23) return undefined;
  if (dom !== "*" || month !== "*") return undefined;
  const days = parseDays(dow);
  if (!days) return undefined;
  return {
    days,
    time: `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`,
    timeZone: zone?.[1] ?? fallbackZone,
  };
}

/** Days the template forbids (its `autostart_requirement`); empty or missing means every day is allowed. */
export function forbiddenDays(allowed: readonly string[] | null | undefined): number[] {
  if (!allowed || allowed.length === 0) return [];
  return DAY_KEYS.flatMap((key, i) => (allowed.includes(key) ? [] : [i]));
}

/** Autostop in whole hours from `ttl_ms` (undefined = off). */
export function ttlHours(ttlMs: number | undefined | null): number | undefined {
  return ttlMs ? Math.round((ttlMs / 3_600_000) * 100) / 100 : undefined;
}

const capitalized = (key: string) => key[0].toUpperCase() + key.slice(1);

/**
 * The template's required stop (`autostop_requirement`) as a sentence, or undefined when it has
 * none. It applies whatever the workspace's own autostop says, so the form names it.
 */
export function describeAutostopRequirement(
  requirement: { days_of_week: readonly string[]; weeks: number } | null | undefined,
): string | undefined {
  const days = DAY_KEYS.filter((key) => requirement?.days_of_week.includes(key));
  if (!requirement || days.length === 0) return undefined;
  const when = days.length === 7 ? "every day" : `on ${days.map(capitalized).join(", ")}`;
  const every = requirement.weeks > 1 ? `, every ${requirement.weeks} weeks` : "";
  return `The template also stops workspaces ${when}${every}, during your quiet hours.`;
}

const hoursText = (h: number) => `${h} hour${h === 1 ? "" : "s"}`;

/**
 * What autostop after `hours` does, in Coder's terms: the stop is counted from each start, and
 * activity pushes it back by the template's activity bump.
 */
export function describeTtl(hours: number, activityBumpMs: number | undefined): string {
  const bump = activityBumpMs ?? 0;
  const delay =
    bump <= 0
      ? "Activity does not delay it."
      : `Activity pushes it back by ${bump % 3_600_000 === 0 ? hoursText(bump / 3_600_000) : `${Math.round(bump / 60_000)} minutes`}.`;
  return `Stops ${hoursText(hours)} after each start. ${delay}`;
}
