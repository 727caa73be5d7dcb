// Log levels as small integers so a million lines fit in a Uint8Array and filters are comparisons.

export const LEVEL_NAMES = ["trace", "debug", "info", "warn", "error"] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

export const TRACE = 0;
export const DEBUG = 1;
export const INFO = 2;
export const WARN = 3;
export const ERROR = 4;
export type LevelCode = 0 | 1 | 2 | 3 | 4;

/** Unknown levels (the enum may grow upstream) count as info: shown, never hidden by the filter. */
export function levelCode(level: string | undefined): LevelCode {
  switch (level) {
    case "trace":
      return TRACE;
    case "debug":
      return DEBUG;
    case "warn":
      return WARN;
    case "error":
      return ERROR;
    default:
      return INFO;
  }
}

export function levelName(code: number): LevelName {
  return LEVEL_NAMES[code] ?? "info";
}
