// The log lines around a build failure, for the alert at the top of the workspace page: enough
// context to recognise the problem without opening the whole log.
import { stripAnsi } from "../logs/ansi";
import { ERROR } from "../logs/levels";

/** What the log store offers (LogStore satisfies it); lines are 0-based here. */
export interface LineSource {
  readonly length: number;
  level(line: number): number;
  text(line: number): string;
}

export interface FailureLine {
  /** 1-based, as `#L` permalinks count. */
  number: number;
  text: string;
  isError: boolean;
}

export interface FailureWindow {
  /** 1-based number of the line that best explains the failure. */
  focus: number;
  lines: FailureLine[];
}

const ERROR_WORD = /\berror\b/i;

/**
 * The line (0-based) that best explains the failure. Terraform ends a failed run with a block of
 * error-level lines whose heading says "Error: …", framed by "│" lines: the last error-level line
 * that says "error" is that heading. Without one, the first line of the last run of error-level
 * lines; without any, the last line that says "error"; without that, the last line.
 */
export function failureFocus(log: LineSource): number | undefined {
  if (log.length === 0) return undefined;
  let lastRunStart: number | undefined;
  for (let i = log.length - 1; i >= 0; i--) {
    if (log.level(i) !== ERROR) continue;
    if (ERROR_WORD.test(stripAnsi(log.text(i)))) return i;
    if (lastRunStart === undefined) {
      lastRunStart = i;
      while (lastRunStart > 0 && log.level(lastRunStart - 1) === ERROR) lastRunStart--;
    }
  }
  if (lastRunStart !== undefined) return lastRunStart;
  for (let i = log.length - 1; i >= 0; i--) if (ERROR_WORD.test(stripAnsi(log.text(i)))) return i;
  return log.length - 1;
}

/** Up to `before` lines before the focus and `after` lines from it, ANSI stripped. */
export function failureWindow(log: LineSource, before = 4, after = 6): FailureWindow | undefined {
  const focus = failureFocus(log);
  if (focus === undefined) return undefined;
  const from = Math.max(0, focus - before);
  const to = Math.min(log.length, focus + after);
  const lines: FailureLine[] = [];
  for (let i = from; i < to; i++)
    lines.push({ number: i + 1, text: stripAnsi(log.text(i)), isError: log.level(i) === ERROR || i === focus });
  return { focus: focus + 1, lines };
}
