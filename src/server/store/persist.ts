import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentGenerator } from "../world/index";
import type { BuildContent } from "./records";
import type { StoreSnapshot } from "./snapshot";
import { Store } from "./store";

const VERSION = 2;
const DEBOUNCE_MS = 1000;

/** Which seeded world the state belongs to: a file from another one is not loaded. */
export interface StateMeta {
  seed: number;
  world: string;
}

interface SerializedContent extends Omit<BuildContent, "agentLogs"> {
  agentLogs: Array<[string, BuildContent["agentLogs"] extends Map<string, infer V> ? V : never]>;
}

interface StateFile extends StateMeta, Omit<StoreSnapshot, "contents"> {
  version: number;
  contents: Array<[string, SerializedContent]>;
}

function serialize(store: Store, meta: StateMeta): StateFile {
  const snapshot = store.snapshot();
  return {
    version: VERSION,
    ...meta,
    ...snapshot,
    contents: snapshot.contents.map(([id, c]) => [id, { ...c, agentLogs: [...c.agentLogs] }]),
  };
}

/**
 * Restores a store saved by StatePersister, or null when the file is absent, unreadable or
 * from another seed/world (then the seeded world starts fresh and overwrites it).
 */
export function loadState(file: string, meta: StateMeta): Store | null {
  let data: StateFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as StateFile;
  } catch {
    return null;
  }
  if (data.version !== VERSION || data.seed !== meta.seed || data.world !== meta.world) return null;
  for (const job of data.jobs) {
    // A job cut off mid-run by the restart starts over on a provisioner. Its logs so far stay and
    // the rerun's lines follow them: log ids are never reused, or a client resuming with
    // `after=<last id>` would skip the rerun's first lines.
    if (job.status === "running" && !job.hold) {
      job.status = "pending";
      delete job.started_at;
      delete job.worker_id;
      delete job.worker_name;
    }
  }
  const store = new Store({ generator: contentGenerator(data.world), seed: data.seed });
  store.restore({
    ...data,
    contents: data.contents.map(([id, c]) => [id, { ...c, agentLogs: new Map(c.agentLogs) }]),
  });
  return store;
}

/** Writes the state file on change (debounced) and at stop. */
export class StatePersister {
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  constructor(
    private readonly store: Store,
    private readonly file: string,
    private readonly meta: StateMeta,
  ) {
    this.unsubscribe = store.subscribe((e) => {
      if (e.kind === "workspace" || e.kind === "sessions" || e.kind === "job-done") this.schedule();
    });
    this.save();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, DEBOUNCE_MS);
  }

  save(): void {
    mkdirSync(path.dirname(path.resolve(this.file)), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(serialize(this.store, this.meta)));
    renameSync(tmp, this.file);
  }

  stop(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }
}
