// The list a viewer scrolls: stage header rows and visible line rows, in one Int32Array.
// A value >= 0 is a line index; a value < 0 is the header of group (-value - 1).
// Filters and collapsed groups only change which rows exist, never a line's number.

import type { LevelCode } from "./levels";
import type { LogStore } from "./store";

export interface RowOptions {
  /** Show a header row before each group (build stages). */
  headers: boolean;
  /** Group indices whose lines are hidden. */
  collapsed: ReadonlySet<number>;
  /** Lines below this level are hidden. */
  minLevel: LevelCode;
  /** Only lines of this group (an agent log source tab); null = all. */
  group: number | null;
}

export const headerRow = (group: number) => -group - 1;
export const isHeader = (row: number) => row < 0;
export const headerGroup = (row: number) => -row - 1;

export class LogRowIndex {
  readonly store: LogStore;
  readonly options: RowOptions;
  length = 0;
  private rows = new Int32Array(1024);
  private scanned = 0;
  private lastHeader = -1;
  private hiddenGroups = new Uint8Array(0);

  constructor(store: LogStore, options: RowOptions) {
    this.store = store;
    this.options = options;
    this.sync();
  }

  /** Row value at position `i` (line index, or negative header). */
  at(i: number): number {
    return this.rows[i];
  }

  /** Takes in lines appended since the last call. Returns true when rows were added. */
  sync(): boolean {
    const { store, options } = this;
    const end = store.length;
    if (this.scanned >= end) return false;
    const before = this.length;
    this.refreshHiddenGroups();
    // Worst case every line plus one header per group.
    this.ensure(this.length + (end - this.scanned) + (options.headers ? store.groups.length : 0));
    const rows = this.rows;
    const hidden = this.hiddenGroups;
    const { minLevel, headers } = options;
    let n = this.length;
    let lastHeader = this.lastHeader;
    for (let line = this.scanned; line < end; line++) {
      const g = store.groupOf(line);
      if (headers && g !== lastHeader) {
        rows[n++] = -g - 1;
        lastHeader = g;
      }
      if (hidden[g] === 1 || store.level(line) < minLevel) continue;
      rows[n++] = line;
    }
    this.lastHeader = lastHeader;
    this.scanned = end;
    this.length = n;
    return n !== before;
  }

  /** Row position of a line, or -1 when the line is filtered out or its group is collapsed. */
  rowOfLine(line: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const key = this.keyAt(mid);
      if (key === line) return mid;
      if (key < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Row position of a group's header, or -1. */
  rowOfHeader(group: number): number {
    const target = headerRow(group);
    const first = this.store.groups[group]?.firstLine ?? -1;
    if (first < 0) return -1;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.rows[mid];
      if (v === target) return mid;
      if (this.keyAt(mid) < first - 0.5) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** First line shown at or after row `i` (skipping headers), or -1. */
  lineAtOrAfter(i: number): number {
    for (let r = Math.max(0, i); r < this.length; r++) if (this.rows[r] >= 0) return this.rows[r];
    return -1;
  }

  // Rows are sorted by this key: a header sorts just before its group's first line.
  private keyAt(i: number): number {
    const v = this.rows[i];
    return v >= 0 ? v : this.store.groups[-v - 1].firstLine - 0.5;
  }

  private refreshHiddenGroups(): void {
    const { store, options } = this;
    if (this.hiddenGroups.length < store.groups.length) {
      const next = new Uint8Array(Math.max(store.groups.length, 16));
      next.set(this.hiddenGroups);
      this.hiddenGroups = next;
    }
    for (let g = 0; g < store.groups.length; g++) {
      this.hiddenGroups[g] = options.collapsed.has(g) || (options.group !== null && options.group !== g) ? 1 : 0;
    }
  }

  private ensure(size: number): void {
    if (size <= this.rows.length) return;
    const next = new Int32Array(Math.max(size, this.rows.length * 2));
    next.set(this.rows.subarray(0, this.length));
    this.rows = next;
  }
}
