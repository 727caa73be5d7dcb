// Latency scenarios read what the app itself measured: `performance.measure` entries of one name.
import type { Page } from "@playwright/test";
import { percentile } from "./stats";
import type { Sample } from "./types";

/** How many measures named `name` the page holds. */
export const measureCount = (page: Page, name: string): Promise<number> =>
  page.evaluate((n) => performance.getEntriesByName(n, "measure").length, name);

/** Waits (10 s at most) until the page holds at least `count` measures named `name`. */
export async function waitForMeasures(page: Page, name: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([n, c]) => performance.getEntriesByName(n as string, "measure").length >= (c as number),
    [name, count] as const,
    { timeout: 10_000 },
  );
}

/** The durations of the page's measures named `name`, oldest first. */
export const measuredDurations = (page: Page, name: string): Promise<number[]> =>
  page.evaluate((n) => performance.getEntriesByName(n, "measure").map((m) => m.duration), name);

/** A latency scenario's outcome: p50, p95 and how many events were measured. */
export function latencySamples(measured: number[]): Sample[] {
  return [
    { metric: "p50", variant: "ours", value: percentile(measured, 0.5), unit: "ms" },
    { metric: "p95", variant: "ours", value: percentile(measured, 0.95), unit: "ms" },
    { metric: "events", variant: "ours", value: measured.length, unit: "count" },
  ];
}
