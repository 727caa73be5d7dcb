import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ServerOptions } from "../main";
import { contentGenerator } from "../world/index";
import type {
  BuildContent,
  BuildRecord,
  JobRecord,
  ProvisionerRecord,
  SessionRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
  OrganizationRecord,
} from "./records";
import { Store } from "./store";

const VERSION = 2;
const DEBOUNCE_MS = 1000;

interface SerializedContent extends Omit<BuildContent, "agentLogs"> {
  agentLogs: Array<[string, BuildContent["agentLogs"] extends Map<string, infer V> ? V : never]>;
}

interface StateFile {
  version: number;
  seed: number;
  world: string;
  counters: { nextOrdinal: number; idCounter: number };
  provisioners: ProvisionerRecord[];
  users: UserRecord[];
  sessions: SessionRecord[];
  organizations: OrganizationRecord[];
  templates: TemplateRecord[];
  versions: TemplateVersionRecord[];
  workspaces: WorkspaceRecord[];
  jobs: JobRecord[];
  builds: BuildRecord[];
  /** Only live builds: historical content is regenerated from seeds on demand. */
  contents: Array<[string, SerializedContent]>;
}

function serialize(store: Store, opts: { seed: number; world: string }): StateFile {
  const contents: StateFile["contents"] = [];
  for (const [id, c] of store.contents) {
    const build = store.builds.get(id);
    if (!build || build.lazy) continue;
    contents.push([id, { ...c, agentLogs: [...c.agentLogs] }]);
  }
  return {
    version: VERSION,
    seed: opts.seed,
    world: opts.world,
    counters: store.counters(),
    provisioners: store.provisioners,
    users: [...store.users.values()],
    sessions: [...store.sessions.values()],
    organizations: [...store.organizations.values()],
    templates: [...store.templates.values()],
    versions: [...store.versions.values()],
    workspaces: [...store.workspaces.values()],
    jobs: [...store.jobs.values()],
    builds: [...store.builds.values()],
    contents,
  };
}

/**
 * Restores a store saved by StatePersister, or null when the file is absent, unreadable or
 * from another seed/world (then the seeded world starts fresh and overwrites it).
 */
export function loadState(file: string, opts: Pick<ServerOptions, "seed" | "world">): Store | null {
  let data: StateFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as StateFile;
  } catch {
    return null;
  }
  if (data.version !== VERSION || data.seed !== opts.seed || data.world !== opts.world) return null;
  const store = new Store({ generator: contentGenerator(data.world), seed: data.seed });
  store.provisioners.push(...data.provisioners);
  for (const u of data.users) store.users.set(u.id, u);
  for (const s of data.sessions) store.sessions.set(s.token, s);
  for (const o of data.organizations) store.organizations.set(o.id, o);
  for (const t of data.templates) store.templates.set(t.id, t);
  for (const v of data.versions) store.versions.set(v.id, v);
  for (const w of data.workspaces) store.insertWorkspace(w);
  const contents = new Map(data.contents.map(([id, c]) => [id, { ...c, agentLogs: new Map(c.agentLogs) }]));
  for (const job of data.jobs.sort((a, b) => a.created_at.localeCompare(b.created_at))) {
    // A job cut off mid-run by the restart starts over on a provisioner. Its logs so far stay and
    // the rerun's lines follow them: log ids are never reused, or a client resuming with
    // `after=<last id>` would skip the rerun's first lines.
    if (job.status === "running" && !job.hold) {
      job.status = "pending";
      delete job.started_at;
      delete job.worker_id;
      delete job.worker_name;
    }
    store.insertJob(job);
  }
  for (const b of data.builds) store.insertBuild(b, contents.get(b.id));
  store.restoreCounters(data.counters);
  return store;
}

/** Writes the state file on change (debounced) and at stop. */
export class StatePersister {
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;
  constructor(
    private readonly store: Store,
    private readonly file: string,
    private readonly meta: { seed: number; world: string },
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
