// Formatting shared by every page: durations, times, ordinals, sizes. Intl only (docs/design.md).

/** The one locale for every number, date and sort order the app shows. */
export const LOCALE = "en-US";

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Compact duration: `850 ms`, `4.2s`, `42s`, `1m 05s`, `2h 03m`, `3d 04h`.
 * Units below the two shown are truncated, so a live ticking value never jumps backwards.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 0) ms = 0;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const totalSeconds = Math.floor(ms / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m ${pad2(totalSeconds % 60)}s`;
  const totalHours = Math.floor(totalMinutes / 60);
  if (totalHours < 24) return `${totalHours}h ${pad2(totalMinutes % 60)}m`;
  return `${Math.floor(totalHours / 24)}d ${pad2(totalHours % 24)}h`;
}

/** Milliseconds between two ISO timestamps; `end` defaults to now (for a job still running). */
export function durationBetween(
  start: string | undefined,
  end?: string | null,
  now: number = Date.now(),
): number | undefined {
  if (!start) return undefined;
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  return Math.max(0, to - from);
}

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto", style: "long" });

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.345],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** `5 minutes ago`, `in 2 hours`, `yesterday`; anything under 10 s is `just now`. */
export function formatRelative(date: string | number | Date, now: number = Date.now()): string {
  const t = toMillis(date);
  if (Number.isNaN(t)) return "—";
  let value = (t - now) / 1000;
  if (Math.abs(value) < 10) return "just now";
  // Rounded, not truncated: a deadline 4 d 23 h 59 m away reads "in 5 days"; a value that rounds
  // up to a whole next unit (59.6 s) moves on to that unit.
  for (const [unit, size] of RELATIVE_STEPS) {
    const rounded = Math.round(value);
    if (Math.abs(rounded) < size) return relativeFormat.format(rounded, unit);
    value /= size;
  }
  return relativeFormat.format(Math.round(value), "year");
}

/** How often a relative label can change: tick fast for fresh times, slowly for old ones. */
export function relativeTickMs(date: string | number | Date, now: number = Date.now()): number {
  const age = Math.abs(now - toMillis(date));
  if (age < 60_000) return 1_000;
  if (age < 3_600_000) return 15_000;
  return 60_000;
}

const absoluteFormat = new Intl.DateTimeFormat(LOCALE, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZoneName: "short",
});

/** `Mar 4, 2025, 14:05:09 UTC` in the viewer's time zone. */
export function formatAbsolute(date: string | number | Date): string {
  const t = toMillis(date);
  if (Number.isNaN(t)) return "—";
  return absoluteFormat.format(t);
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** `14:05:09`, for log gutters and chart axes. */
export function formatClock(date: string | number | Date): string {
  const t = toMillis(date);
  if (Number.isNaN(t)) return "—";
  return timeFormat.format(t);
}

const ordinalRules = new Intl.PluralRules(LOCALE, { type: "ordinal" });
const ORDINAL_SUFFIX: Record<Intl.LDMLPluralRule, string> = {
  zero: "th",
  one: "st",
  two: "nd",
  few: "rd",
  many: "th",
  other: "th",
};

/** `1st`, `2nd`, `3rd`, `11th`, `22nd`. */
export function formatOrdinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX[ordinalRules.select(n)]}`;
}

const BYTE_UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

/** Binary units: `512 B`, `1.5 KiB`, `20 MiB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${value} B`;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${BYTE_UNITS[unit]}`;
}

const countFormat = new Intl.NumberFormat(LOCALE);

/** `12,345`. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

function toMillis(date: string | number | Date): number {
  if (typeof date === "number") return date;
  if (date instanceof Date) return date.getTime();
  return Date.parse(date);
}
