// A compact, append-only log store: one string per line plus typed arrays for time, level and
// group, so a million lines cost about the size of their text. Callers (stream handlers) append
// batches; views subscribe and re-read. Line numbers are array indices + 1 and never change.

import type { ProvisionerJobLog, WorkspaceAgentLog, WorkspaceAgentLogSource } from "../../api/types";
import { ERROR, levelCode, WARN, type LevelCode } from "./levels";

export type LogKind = "build" | "agent";

export interface LogLineInput {
  text: string;
  /** Epoch milliseconds (NaN when unknown). */
  time: number;
  level: LevelCode;
  /** Build logs: the stage name as given. Agent logs: the log source id. */
  group: string;
  /** Server id; a line whose id is not above the last one seen is a resume overlap and is dropped. */
  id?: number;
}

/** A build stage (a run of consecutive lines with one `stage`) or an agent log source. */
export interface LogGroup {
  index: number;
  key: string;
  name: string;
  icon?: string;
  firstLine: number;
  lastLine: number;
  count: number;
  firstTime: number;
  lastTime: number;
  errors: number;
  warnings: number;
}

function grow<T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(
  array: T,
  needed: number,
  make: (n: number) => T,
): T {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, array.length * 2, 1024));
  next.set(array);
  return next;
}

export class LogStore {
  readonly kind: LogKind;
  /** Number of lines. */
  length = 0;
  /** Bumped on every change; views compare it to know they are stale. */
  version = 0;
  /** Highest server id appended (for `after=` when a stream resumes); undefined before any. */
  lastId: number | undefined;
  readonly groups: LogGroup[] = [];

  private texts: string[] = [];
  private times = new Float64Array(1024);
  private levels = new Uint8Array(1024);
  private groupIds = new Uint32Array(1024);
  private errorList = new Int32Array(256);
  private errorCount = 0;
  private groupByKey = new Map<string, LogGroup>();
  private listeners = new Set<() => void>();

  constructor(kind: LogKind) {
    this.kind = kind;
  }

  text(line: number): string {
    return this.texts[line];
  }
  time(line: number): number {
    return this.times[line];
  }
  level(line: number): LevelCode {
    return this.levels[line] as LevelCode;
  }
  groupOf(line: number): number {
    return this.groupIds[line];
  }
  get errors(): number {
    return this.errorCount;
  }
  /** The i-th error line (0-based), in line order. */
  errorLine(i: number): number {
    return this.errorList[i];
  }
  /** Start of the log (first line's time), NaN when empty. */
  get startTime(): number {
    return this.length > 0 ? this.times[0] : NaN;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends a batch and notifies once. Returns how many lines were kept. */
  append(lines: readonly LogLineInput[]): number {
    const start = this.length;
    const needed = start + lines.length;
    this.times = grow(this.times, needed, (n) => new Float64Array(n));
    this.levels = grow(this.levels, needed, (n) => new Uint8Array(n));
    this.groupIds = grow(this.groupIds, needed, (n) => new Uint32Array(n));
    let n = start;
    for (const line of lines) {
      if (line.id !== undefined) {
        if (this.lastId !== undefined && line.id <= this.lastId) continue;
        this.lastId = line.id;
      }
      const group = this.groupFor(line.group, n);
      this.texts.push(line.text);
      this.times[n] = line.time;
      this.levels[n] = line.level;
      this.groupIds[n] = group.index;
      group.lastLine = n;
      group.count++;
      if (Number.isNaN(group.firstTime)) group.firstTime = line.time;
      if (!Number.isNaN(line.time)) group.lastTime = line.time;
      if (line.level === ERROR) {
        group.errors++;
        this.errorList = grow(this.errorList, this.errorCount + 1, (k) => new Int32Array(k));
        this.errorList[this.errorCount++] = n;
      } else if (line.level === WARN) {
        group.warnings++;
      }
      n++;
    }
    if (n === start) return 0;
    this.length = n;
    this.changed();
    return n - start;
  }

  appendBuildLogs(logs: readonly ProvisionerJobLog[]): number {
    return this.append(
      logs.map((l) => ({
        text: l.output,
        time: Date.parse(l.created_at),
        level: levelCode(l.log_level),
        group: l.stage,
        id: l.id,
      })),
    );
  }

  appendAgentLogs(logs: readonly WorkspaceAgentLog[]): number {
    return this.append(
      logs.map((l) => ({
        text: l.output,
        time: Date.parse(l.created_at),
        level: levelCode(l.level),
        group: l.source_id,
        id: l.id,
      })),
    );
  }

  /** Names agent log sources (tabs appear in this order, even before their first line). */
  setSources(sources: readonly Pick<WorkspaceAgentLogSource, "id" | "display_name" | "icon">[]): void {
    for (const source of sources) {
      const group = this.groupByKey.get(source.id) ?? this.addGroup(source.id, -1);
      group.name = source.display_name || source.id;
      group.icon = source.icon || undefined;
    }
    this.changed();
  }

  private groupFor(key: string, line: number): LogGroup {
    if (this.kind === "build") {
      // A stage is a run of consecutive lines: if a stage name comes back later it is a new group,
      // so groups stay in line order and collapsing one never hides lines from another.
      const last = this.groups[this.groups.length - 1];
      return last && last.key === key ? last : this.addGroup(key, line);
    }
    const group = this.groupByKey.get(key) ?? this.addGroup(key, line);
    if (group.firstLine < 0) group.firstLine = line;
    return group;
  }

  private addGroup(key: string, firstLine: number): LogGroup {
    const group: LogGroup = {
      index: this.groups.length,
      key,
      name: key,
      firstLine,
      lastLine: firstLine,
      count: 0,
      firstTime: NaN,
      lastTime: NaN,
      errors: 0,
      warnings: 0,
    };
    this.groups.push(group);
    if (this.kind === "agent") this.groupByKey.set(key, group);
    return group;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

export function fromBuildLogs(logs: readonly ProvisionerJobLog[]): LogStore {
  const store = new LogStore("build");
  store.appendBuildLogs(logs);
  return store;
}

export function fromAgentLogs(
  logs: readonly WorkspaceAgentLog[],
  sources: readonly WorkspaceAgentLogSource[] = [],
): LogStore {
  const store = new LogStore("agent");
  store.setSources(sources);
  store.appendAgentLogs(logs);
  return store;
}
