import type { StoreEvent } from "./events";
import type { IdSource } from "./ids";
import type {
  BuildContent,
  BuildRecord,
  JobRecord,
  OrganizationRecord,
  ProvisionerRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from "./records";

/**
 * The records of the server. Only the store's own modules hold this object; the rest of the server
 * reads through Store's read-only views and changes state through its operations.
 */
export class Tables {
  readonly users = new Map<string, UserRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly templates = new Map<string, TemplateRecord>();
  readonly versions = new Map<string, TemplateVersionRecord>();
  readonly workspaces = new Map<string, WorkspaceRecord>();
  readonly builds = new Map<string, BuildRecord>();
  readonly jobs = new Map<string, JobRecord>();
  /** Builds of each workspace, ascending by build number. */
  readonly buildsByWorkspace = new Map<string, BuildRecord[]>();
  /** Materialized content (resources, logs, timings, agent logs) per build id. */
  readonly contents = new Map<string, BuildContent>();
  /** Agent id → build id, for the agent endpoints. */
  readonly agentBuild = new Map<string, string>();
  /** Provisioner daemons the simulation works with (and the offline one it never uses). */
  readonly provisioners: ProvisionerRecord[] = [];
  /** Pending jobs the provisioners will take, oldest first (held jobs are not in it). */
  readonly queue: string[] = [];

  insertWorkspace(ws: WorkspaceRecord): void {
    this.workspaces.set(ws.id, ws);
    if (!this.buildsByWorkspace.has(ws.id)) this.buildsByWorkspace.set(ws.id, []);
  }

  insertBuild(build: BuildRecord, content?: BuildContent): void {
    this.builds.set(build.id, build);
    let list = this.buildsByWorkspace.get(build.workspace_id);
    if (!list) {
      list = [];
      this.buildsByWorkspace.set(build.workspace_id, list);
    }
    list.push(build);
    if (list.length > 1 && list[list.length - 2].build_number > build.build_number) {
      list.sort((x, y) => x.build_number - y.build_number);
    }
    if (content) this.setContent(build, content);
  }

  setContent(build: BuildRecord, content: BuildContent): void {
    this.contents.set(build.id, content);
    this.indexAgents(build, content);
  }

  /** Records which build holds each agent of `content`, for lookups by agent id. */
  indexAgents(build: BuildRecord, content: Pick<BuildContent, "resources">): void {
    for (const r of content.resources) for (const a of r.agents ?? []) this.agentBuild.set(a.id, build.id);
  }

  buildsOf(workspaceId: string): BuildRecord[] {
    return this.buildsByWorkspace.get(workspaceId) ?? [];
  }

  latestBuild(workspaceId: string): BuildRecord {
    const list = this.buildsByWorkspace.get(workspaceId);
    if (!list || list.length === 0) throw new Error(`workspace ${workspaceId} has no builds`);
    return list[list.length - 1];
  }

  jobOf(build: BuildRecord): JobRecord {
    const job = this.jobs.get(build.job_id);
    if (!job) throw new Error(`build ${build.id} has no job`);
    return job;
  }

  buildOfJob(job: JobRecord): BuildRecord {
    const build = job.build_id ? this.builds.get(job.build_id) : undefined;
    if (!build) throw new Error(`job ${job.id} has no build`);
    return build;
  }
}

/** What the store's modules share: the records, ids, time, events and build content. */
export interface StoreContext {
  readonly tables: Tables;
  readonly ids: IdSource;
  now(): number;
  iso(ms?: number): string;
  emit(event: StoreEvent): void;
  /** Anything the workspace's JSON could reflect changed: watchers refresh it. */
  touchWorkspace(workspaceId: string): void;
  /** A build's content; a historical build's is materialized on first use. */
  content(build: BuildRecord): BuildContent;
}
