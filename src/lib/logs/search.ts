// Search over the visible text of log lines (ANSI removed), in time slices so a million lines
// never block the main thread: each slice runs ≤ `sliceMs`, then yields to the event loop.

import { stripAnsi } from "./ansi";
import type { LogStore } from "./store";

export interface SearchQuery {
  text: string;
  caseSensitive: boolean;
  regex: boolean;
}

export type CompiledQuery = { ok: true; pattern: RegExp } | { ok: false; error: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A global RegExp for the query, or a readable error for an invalid regex; null for an empty query. */
export function compileQuery(query: SearchQuery): CompiledQuery | null {
  if (query.text === "") return null;
  const flags = query.caseSensitive ? "g" : "gi";
  if (!query.regex) return { ok: true, pattern: new RegExp(escapeRegExp(query.text), flags) };
  try {
    return { ok: true, pattern: new RegExp(query.text, flags) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 says "Invalid regular expression: /(/gi: Unterminated group"; keep the reason.
    const reason = message.includes(": ") ? message.slice(message.lastIndexOf(": ") + 2) : message;
    return { ok: false, error: `Invalid regular expression: ${reason}` };
  }
}

/** Calls `found(start, end)` for each non-empty match of `pattern` in `text`. */
export function findMatches(pattern: RegExp, text: string, found: (start: number, end: number) => void): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      // An empty match (e.g. /x*/) highlights nothing; step past it so the loop ends.
      pattern.lastIndex = start + 1;
      if (pattern.lastIndex > text.length) break;
      continue;
    }
    found(start, end);
  }
}

/** Matches in line order, as parallel typed arrays (line, start, end in visible text). */
export class SearchResults {
  count = 0;
  /** True when MAX_MATCHES was reached and the search stopped. */
  capped = false;
  private lines = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);

  static readonly MAX_MATCHES = 1_000_000;

  push(line: number, start: number, end: number): boolean {
    if (this.count >= SearchResults.MAX_MATCHES) {
      this.capped = true;
      return false;
    }
    if (this.count === this.lines.length) {
      const size = this.lines.length * 2;
      this.lines = copyInto(this.lines, size);
      this.starts = copyInto(this.starts, size);
      this.ends = copyInto(this.ends, size);
    }
    this.lines[this.count] = line;
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
    return true;
  }

  line(i: number): number {
    return this.lines[i];
  }
  start(i: number): number {
    return this.starts[i];
  }
  end(i: number): number {
    return this.ends[i];
  }

  /** Index of the first match on a line ≥ `line`, or `count` when none. */
  firstAtOrAfter(line: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lines[mid] < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** [from, to) indices of the matches on one line. */
  rangeOnLine(line: number): [number, number] {
    const from = this.firstAtOrAfter(line);
    let to = from;
    while (to < this.count && this.lines[to] === line) to++;
    return [from, to];
  }
}

function copyInto(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

type Yield = () => Promise<void>;

/**
 * Gives the event loop a turn through a MessageChannel task: first in, first out with React's
 * own scheduler tasks, so renders (a first match on screen) interleave with the scan.
 * (`scheduler.yield()` would resume ahead of them and starve rendering until the scan ends.)
 */
export const yieldToMain: Yield = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export interface SearchTaskOptions {
  /** Which lines take part (level filter, source tab); all when omitted. */
  include?: (line: number) => boolean;
  /** Called after each slice that found something, and when the scan catches up. */
  onUpdate: (results: SearchResults) => void;
  sliceMs?: number;
  yieldFn?: Yield;
  now?: () => number;
}

/**
 * One running search. `run()` scans to the end of the store in slices; after new lines are
 * appended, calling `run()` again continues from where it stopped. `cancel()` stops it for good.
 */
export class SearchTask {
  readonly results = new SearchResults();
  private scanned = 0;
  private running: Promise<void> | null = null;
  private cancelled = false;
  private readonly store: LogStore;
  private readonly pattern: RegExp;
  private readonly options: SearchTaskOptions;

  constructor(store: LogStore, pattern: RegExp, options: SearchTaskOptions) {
    this.store = store;
    this.pattern = pattern;
    this.options = options;
  }

  get done(): boolean {
    return this.scanned >= this.store.length || this.results.capped;
  }

  /** Lines scanned so far (for a progress hint). */
  get progress(): number {
    return this.scanned;
  }

  cancel(): void {
    this.cancelled = true;
  }

  run(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    const { include, onUpdate, sliceMs = 8, yieldFn = yieldToMain, now = () => performance.now() } = this.options;
    const { store, pattern, results } = this;
    let line = -1;
    const found = (start: number, end: number) => {
      results.push(line, start, end);
    };
    while (!this.cancelled && !this.done) {
      const sliceEnd = now() + sliceMs;
      const before = results.count;
      const end = store.length;
      let i = this.scanned;
      while (i < end && !results.capped) {
        // Checking the clock every line costs more than the search itself.
        const stop = Math.min(end, i + 256);
        for (; i < stop; i++) {
          if (include && !include(i)) continue;
          line = i;
          findMatches(pattern, stripAnsi(store.text(i)), found);
        }
        if (now() >= sliceEnd) break;
      }
      this.scanned = i;
      if (results.count !== before || this.done) onUpdate(results);
      if (!this.done) await yieldFn();
    }
  }
}
