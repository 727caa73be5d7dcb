// Lines are parsed only when a row is drawn, and remembered for a while, so scrolling back and
// forth (or re-rendering during follow) does not parse the same line twice.

import { parseAnsi, type AnsiSegment } from "./ansi";
import { findLinks, type LinkRange } from "./linkify";
import type { LogStore } from "./store";

export interface ParsedLine {
  segments: AnsiSegment[];
  /** Visible text (segments joined): what search offsets and links refer to. */
  text: string;
  links: LinkRange[];
}

export class ParsedLineCache {
  private readonly entries = new Map<number, ParsedLine>();
  private readonly store: LogStore;
  private readonly limit: number;

  constructor(store: LogStore, limit = 4000) {
    this.store = store;
    this.limit = limit;
  }

  get size(): number {
    return this.entries.size;
  }

  get(line: number): ParsedLine {
    let parsed = this.entries.get(line);
    if (parsed) return parsed;
    const segments = parseAnsi(this.store.text(line));
    const text = segments.length === 1 ? segments[0].text : segments.map((s) => s.text).join("");
    parsed = { segments, text, links: findLinks(text) };
    if (this.entries.size >= this.limit) {
      // Oldest first: Map iteration order is insertion order.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(line, parsed);
    return parsed;
  }
}
