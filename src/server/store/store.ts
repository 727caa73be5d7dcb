import type {
  AgentConnectionTiming,
  AgentScriptTiming,
  ProvisionerJobLog,
  WorkspaceAgent,
  WorkspaceAgentLog,
  WorkspaceAppStatus,
} from "../../api/types";
import { Agents } from "./agents";
import type { StoreEvent, StoreListener } from "./events";
import { IdSource } from "./ids";
import { Jobs, type JobResult } from "./jobs";
import type {
  BuildContent,
  BuildOutcome,
  BuildRecord,
  JobRecord,
  OrganizationRecord,
  ProvisionerRecord,
  SessionRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from "./records";
import { Sessions } from "./sessions";
import { restoreSnapshot, takeSnapshot, type StoreSnapshot } from "./snapshot";
import { deriveWorkspaceStatus } from "./status";
import { Tables, type StoreContext } from "./tables";
import { Workspaces, type NewBuildRequest, type NewWorkspaceRequest } from "./workspaces";

/** Builds the content of a historical build on demand; deterministic from the build's seed. */
export interface ContentGenerator {
  materialize(store: Store, build: BuildRecord): BuildContent;
}

export interface StoreOptions {
  now?: () => number;
  generator: ContentGenerator;
  /** Seed for ids the store mints at run time (new workspaces, builds, jobs). */
  seed: number;
}

/**
 * The one owner of server state. Everyone else reads it through read-only views and changes it
 * through these operations, which the modules beside this one carry out (sessions, workspaces and
 * builds, the job queue, agents); every change is published as a StoreEvent.
 */
export class Store {
  readonly now: () => number;
  /** Bumped on every event: lets readers cache what they derived from the state. */
  revision = 0;
  private readonly tables = new Tables();
  private readonly ids: IdSource;
  private readonly listeners = new Set<StoreListener>();
  private readonly generator: ContentGenerator;
  private readonly sessionTokens: Sessions;
  private readonly lifecycle: Jobs;
  private readonly agentOps: Agents;
  private readonly workspaceOps: Workspaces;

  constructor(opts: StoreOptions) {
    this.now = opts.now ?? Date.now;
    this.generator = opts.generator;
    this.ids = new IdSource(opts.seed);
    const ctx: StoreContext = {
      tables: this.tables,
      ids: this.ids,
      now: () => this.now(),
      iso: (ms) => this.iso(ms),
      emit: (event) => this.emit(event),
      touchWorkspace: (workspaceId) => this.emit({ kind: "workspace", workspaceId }),
      content: (build) => this.content(build),
    };
    this.sessionTokens = new Sessions(ctx);
    this.lifecycle = new Jobs(ctx);
    this.agentOps = new Agents(ctx);
    this.workspaceOps = new Workspaces(ctx, this.lifecycle);
  }

  // ---- events -------------------------------------------------------------------------------

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    this.revision++;
    for (const l of [...this.listeners]) l(event);
  }

  // ---- read-only views ----------------------------------------------------------------------

  readonly users: ReadonlyMap<string, UserRecord> = this.tables.users;
  readonly organizations: ReadonlyMap<string, OrganizationRecord> = this.tables.organizations;
  readonly templates: ReadonlyMap<string, TemplateRecord> = this.tables.templates;
  readonly versions: ReadonlyMap<string, TemplateVersionRecord> = this.tables.versions;
  readonly workspaces: ReadonlyMap<string, WorkspaceRecord> = this.tables.workspaces;
  readonly builds: ReadonlyMap<string, BuildRecord> = this.tables.builds;
  readonly jobs: ReadonlyMap<string, JobRecord> = this.tables.jobs;
  readonly provisioners: readonly ProvisionerRecord[] = this.tables.provisioners;
  /** Pending jobs the provisioners will take, oldest first (held jobs are not in it). */
  readonly queue: readonly string[] = this.tables.queue;

  // ---- ids and time -------------------------------------------------------------------------

  iso(ms: number = this.now()): string {
    return new Date(ms).toISOString();
  }

  /** Run-time ids: unique and stable across restarts because the counter is persisted. */
  mintId(): string {
    return this.ids.mintId();
  }

  takeOrdinal(): number {
    return this.ids.takeOrdinal();
  }

  // ---- seeding (world generation) and restore -----------------------------------------------

  addUser(user: UserRecord): void {
    this.tables.users.set(user.id, user);
  }
  addOrganization(org: OrganizationRecord): void {
    this.tables.organizations.set(org.id, org);
  }
  addTemplate(template: TemplateRecord): void {
    this.tables.templates.set(template.id, template);
  }
  addVersion(version: TemplateVersionRecord): void {
    this.tables.versions.set(version.id, version);
  }
  addProvisioner(daemon: ProvisionerRecord): void {
    this.tables.provisioners.push(daemon);
  }
  insertWorkspace(ws: WorkspaceRecord): void {
    this.tables.insertWorkspace(ws);
  }
  insertBuild(build: BuildRecord, content?: BuildContent): void {
    this.tables.insertBuild(build, content);
  }
  /** A job as it is (seeded history); a pending one that is not held joins the queue silently. */
  insertJob(job: JobRecord): void {
    this.lifecycle.insert(job);
  }
  /** A new job for the provisioners: queued and announced, unless held. */
  enqueueJob(job: JobRecord): void {
    this.lifecycle.enqueue(job);
  }

  snapshot(): StoreSnapshot {
    return takeSnapshot(this.tables, this.ids, this.sessionTokens);
  }

  /** Fills a new store from a snapshot. */
  restore(snapshot: StoreSnapshot): void {
    restoreSnapshot(snapshot, this.tables, this.ids, this.sessionTokens, this.lifecycle);
  }

  // ---- queries ------------------------------------------------------------------------------

  content(build: BuildRecord): BuildContent {
    let c = this.tables.contents.get(build.id);
    if (!c) {
      c = this.generator.materialize(this, build);
      this.tables.setContent(build, c);
    }
    return c;
  }

  latestBuild(workspaceId: string): BuildRecord {
    return this.tables.latestBuild(workspaceId);
  }

  buildsOf(workspaceId: string): BuildRecord[] {
    return this.tables.buildsOf(workspaceId);
  }

  jobOf(build: BuildRecord): JobRecord {
    return this.tables.jobOf(build);
  }

  workspaceStatus(ws: WorkspaceRecord): string {
    const b = this.latestBuild(ws.id);
    return deriveWorkspaceStatus(this.jobOf(b).status, b.transition);
  }

  userByName(nameOrId: string): UserRecord | undefined {
    const lower = nameOrId.toLowerCase();
    for (const u of this.users.values()) if (u.id === nameOrId || u.username.toLowerCase() === lower) return u;
    return undefined;
  }

  templateByName(orgId: string, name: string): TemplateRecord | undefined {
    for (const t of this.templates.values()) if (t.organization_id === orgId && t.name === name) return t;
    return undefined;
  }

  defaultOrganization(): OrganizationRecord {
    for (const o of this.organizations.values()) if (o.is_default) return o;
    throw new Error("no default organization");
  }

  /** The workspace named `name` of `owner` that is not deleted (names are reused after deletion). */
  workspaceByName(ownerId: string, name: string, includeDeleted: boolean): WorkspaceRecord | undefined {
    return this.workspaceOps.byName(ownerId, name, includeDeleted);
  }

  buildByNumber(workspaceId: string, n: number): BuildRecord | undefined {
    return this.buildsOf(workspaceId).find((b) => b.build_number === n);
  }

  /** The agent and the build whose resources hold it. */
  agent(agentId: string): { agent: WorkspaceAgent; build: BuildRecord } | undefined {
    return this.agentOps.find(agentId);
  }

  isAgentInLatestBuild(agentId: string): boolean {
    return this.agentOps.isInLatestBuild(agentId);
  }

  queuePosition(job: JobRecord): { position: number; size: number } {
    return this.lifecycle.queuePosition(job);
  }

  canSeeWorkspace(user: UserRecord, ws: WorkspaceRecord): boolean {
    return user.admin || ws.owner_id === user.id;
  }

  // ---- sessions -----------------------------------------------------------------------------

  createSession(userId: string): SessionRecord {
    return this.sessionTokens.create(userId);
  }

  authenticate(token: string | undefined): UserRecord | undefined {
    return this.sessionTokens.authenticate(token);
  }

  login(email: string, password: string): SessionRecord | undefined {
    return this.sessionTokens.login(email, password);
  }

  logout(token: string): void {
    this.sessionTokens.logout(token);
  }

  // ---- workspaces and builds ----------------------------------------------------------------

  createWorkspace(req: NewWorkspaceRequest, initiator: UserRecord): WorkspaceRecord {
    return this.workspaceOps.create(req, initiator);
  }

  createBuild(ws: WorkspaceRecord, req: NewBuildRequest, initiator: UserRecord, outcome?: BuildOutcome): BuildRecord {
    return this.workspaceOps.createBuild(ws, req, initiator, outcome);
  }

  cancelBuild(build: BuildRecord, user: UserRecord, expectStatus: string | undefined): void {
    this.workspaceOps.cancelBuild(build, user, expectStatus);
  }

  renameWorkspace(ws: WorkspaceRecord, name: string): void {
    this.workspaceOps.rename(ws, name);
  }

  updateWorkspace(ws: WorkspaceRecord): void {
    this.workspaceOps.update(ws);
  }

  setFavorite(ws: WorkspaceRecord, user: UserRecord, favorite: boolean): void {
    this.workspaceOps.setFavorite(ws, user, favorite);
  }

  setDeadline(build: BuildRecord, deadline: string | null): void {
    this.workspaceOps.setDeadline(build, deadline);
  }

  // ---- jobs (the simulation's provisioners) -------------------------------------------------

  startJob(jobId: string, worker: { id: string; name: string }): void {
    this.lifecycle.start(jobId, worker);
  }

  /** The daemon is done with its job (whatever the outcome) and free for the next. */
  releaseWorker(workerId: string): void {
    this.lifecycle.releaseWorker(workerId);
  }

  appendJobLogs(jobId: string, lines: Array<Omit<ProvisionerJobLog, "id" | "created_at">>): void {
    this.lifecycle.appendLogs(jobId, lines);
  }

  /** Terminal state of a build job. */
  finishJob(jobId: string, result: JobResult): void {
    this.lifecycle.finishBuild(jobId, result);
  }

  /** Terminal state of a template import job. */
  finishImportJob(jobId: string, status: "succeeded" | "canceled"): void {
    this.lifecycle.finishImport(jobId, status);
  }

  /** Cancels any job (Coder's rules); a build's cancel goes through cancelBuild for its permission. */
  cancelJob(job: JobRecord): void {
    this.lifecycle.cancel(job);
  }

  /** The provisioner acknowledged a cancel request. */
  acknowledgeCancel(jobId: string): void {
    this.lifecycle.acknowledgeCancel(jobId);
  }

  // ---- agents (the simulation's agents) -----------------------------------------------------

  updateAgent(agentId: string, patch: Partial<WorkspaceAgent>): void {
    this.agentOps.update(agentId, patch);
  }

  appendAgentLogs(agentId: string, lines: Array<Omit<WorkspaceAgentLog, "id" | "created_at">>): void {
    this.agentOps.appendLogs(agentId, lines);
  }

  addAgentTimings(buildId: string, t: { script?: AgentScriptTiming; connection?: AgentConnectionTiming }): void {
    this.agentOps.addTimings(buildId, t);
  }

  addAppStatus(agentId: string, status: WorkspaceAppStatus): void {
    this.agentOps.addAppStatus(agentId, status);
  }

  setAppHealth(agentId: string, appId: string, health: string): void {
    this.agentOps.setAppHealth(agentId, appId, health);
  }
}
