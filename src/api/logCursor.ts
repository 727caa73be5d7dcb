// Resume-and-dedupe for followed log streams. Ids only grow, so the last id seen is all the state
// needed: reconnect with `after=<last id>` and drop anything at or below it. No duplicate, no gap.

export interface HasId {
  id: number;
}

export class LogCursor {
  private last: number;

  constructor(after = 0) {
    this.last = after;
  }

  /** The `after=` value for the next (re)connect. */
  get lastId(): number {
    return this.last;
  }

  /** Returns only the logs not yet seen, in order, and advances the cursor. */
  accept<T extends HasId>(batch: readonly T[]): T[] {
    const fresh: T[] = [];
    for (const log of batch) {
      if (typeof log.id !== "number" || log.id <= this.last) continue;
      this.last = log.id;
      fresh.push(log);
    }
    return fresh;
  }
}

/**
 * One WebSocket text message as logs. Build logs send one object per message, agent logs send an
 * array per batch (possibly followed by a newline); both become an array.
 */
export function parseLogMessage<T>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  if (Array.isArray(value)) return value as T[];
  if (value && typeof value === "object") return [value as T];
  return [];
}
