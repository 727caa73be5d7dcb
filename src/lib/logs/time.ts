// Per-line time labels and the "the build waited here" marker.

export type TimestampMode = "absolute" | "relative" | "off";

/** Lines further apart than this get a gap marker. */
export const GAP_MS = 10_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Milliseconds since the previous line when above GAP_MS, else 0. */
export function gapBefore(previous: number, current: number): number {
  const gap = current - previous;
  return gap > GAP_MS ? gap : 0;
}

/** `14:05:09.123` (viewer's time zone unless one is given) or `+1:05.123` since `start`. */
export function formatLineTime(ms: number, mode: TimestampMode, start: number, timeZone?: string): string {
  if (mode === "off" || Number.isNaN(ms)) return "";
  if (mode === "relative") {
    const d = Math.max(0, ms - (Number.isNaN(start) ? ms : start));
    const totalSeconds = Math.floor(d / 1000);
    const minutes = Math.floor(totalSeconds / 60);
    const hours = Math.floor(minutes / 60);
    const head = hours > 0 ? `${hours}:${pad(minutes % 60)}` : `${minutes}`;
    return `+${head}:${pad(totalSeconds % 60)}.${pad(Math.floor(d % 1000), 3)}`;
  }
  return clockFormat(timeZone).format(ms);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let f = clockFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      fractionalSecondDigits: 3,
      hour12: false,
      timeZone,
    });
    clockFormats.set(key, f);
  }
  return f;
}
