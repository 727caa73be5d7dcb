// Axis and legend words for the health charts (Intl only, docs/design.md).
import type { RangeId } from "../model/filters";
import { LOCALE } from "../../../lib/format";

const clock = new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", hour12: false });
const dayHour = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const day = new Intl.DateTimeFormat(LOCALE, { month: "short", day: "numeric" });

/** A bucket's start as the axis shows it: clock time within a day, weekday + hour or date beyond. */
export function bucketLabel(start: number, range: RangeId, bucketMs: number): string {
  if (range !== "7d") return clock.format(start);
  return bucketMs >= 24 * 3600_000 ? day.format(start) : dayHour.format(start);
}

/** "per hour", "per 5 minutes": what one bar of the count chart covers. */
export function perBucket(bucketMs: number): string {
  const minutes = Math.round(bucketMs / 60_000);
  if (minutes < 60) return `per ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours === 1) return "per hour";
  if (hours < 24) return `per ${hours} hours`;
  return "per day";
}

export const percentText = (rate: number) => `${Math.round(rate * 100)} %`;

/** Template line colours: the Okabe–Ito stage hues, distinct for colour-blind readers. */
const PALETTE = [
  "var(--color-stage-apply)",
  "var(--color-stage-plan)",
  "var(--color-stage-graph)",
  "var(--color-stage-connect)",
  "var(--color-stage-init)",
  "var(--color-stage-script)",
];

/** A colour per template, by its place among every template seen, so filtering does not repaint lines. */
export function templateColours(templates: readonly string[]): (template: string) => string {
  const index = new Map(templates.map((t, i) => [t, i]));
  return (template) => PALETTE[(index.get(template) ?? 0) % PALETTE.length];
}
