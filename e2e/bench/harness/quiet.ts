// Waits for the machine to go quiet before a measurement: a page closed just before (a peer that
// held 1.6 GB, a renderer still tearing down) keeps the CPU busy for a moment, and on two cores
// that time would be charged to whatever is measured next.
import { readFileSync } from "node:fs";

/** Busy and total CPU time since boot, summed over all cores (Linux /proc/stat); null elsewhere. */
export function cpuTimes(stat: string): { busy: number; total: number } | null {
  const line = stat.split("\n").find((l) => l.startsWith("cpu "));
  if (!line) return null;
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 5 || fields.some((n) => !Number.isFinite(n))) return null;
  const total = fields.reduce((a, b) => a + b, 0);
  // idle and iowait
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** The busy share of the CPU between two readings (0–1). */
export function busyShare(a: { busy: number; total: number }, b: { busy: number; total: number }): number {
  const total = b.total - a.total;
  return total > 0 ? (b.busy - a.busy) / total : 0;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function read(): { busy: number; total: number } | null {
  try {
    return cpuTimes(readFileSync("/proc/stat", "utf8"));
  } catch {
    return null;
  }
}

/**
 * Resolves once two consecutive 100 ms windows had the CPU at most `maxBusy` busy, or after
 * `timeoutMs` (a machine that never goes quiet is measured anyway, as it is).
 */
export async function waitForQuiet({ maxBusy = 0.25, timeoutMs = 3000 } = {}): Promise<void> {
  let last = read();
  if (!last) return sleep(300);
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 2) {
    await sleep(100);
    const now = read();
    if (!now) return;
    quiet = busyShare(last, now) <= maxBusy ? quiet + 1 : 0;
    last = now;
  }
}
