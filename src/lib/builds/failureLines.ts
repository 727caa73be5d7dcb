// Where a failed build's log explains the failure: the window of lines around the last error,
// shown in the failure alert with a link into the full log (`#L<first>-L<last>`).
import type { ProvisionerJobLog } from "../../api/types";
import { stripAnsi } from "../logs/ansi";

export interface FailureWindow {
  /** 1-based line numbers in the full, unfiltered log (SPEC §7 `#L`). */
  first: number;
  last: number;
  /** The line that best explains the failure. */
  focus: number;
}

export interface WindowOptions {
  before?: number;
  after?: number;
}

/**
 * The last `error` line, else the last line that mentions `job.error` (the error quotes the line,
 * or the line quotes the error), else the last line. Undefined for an empty log.
 */
export function failureWindow(logs: readonly Pick<ProvisionerJobLog, "log_level" | "output">[], jobError?: string, { before = 6, after = 2 }: WindowOptions = {}): FailureWindow | undefined {
  if (logs.length === 0) return undefined;
  let index = findLastIndex(logs, (l) => l.log_level === "error");
  const error = jobError?.trim().toLowerCase();
  if (index < 0 && error) index = findLastIndex(logs, (l) => mentions(stripAnsi(l.output).trim().toLowerCase(), error));
  if (index < 0) index = logs.length - 1;
  return { first: Math.max(0, index - before) + 1, last: Math.min(logs.length - 1, index + after) + 1, focus: index + 1 };
}

/** Short lines ("Error", "}") would match any error text. */
const MIN_QUOTE = 12;

function mentions(line: string, error: string): boolean {
  if (line.length >= MIN_QUOTE && error.includes(line)) return true;
  return line.includes(error.slice(0, 40));
}

function findLastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}
