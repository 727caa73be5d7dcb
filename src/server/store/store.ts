import { randomBytes } from "node:crypto";
import { validateParameter } from "../../lib/workspace/parameters";
import type {
  AgentConnectionTiming,
  AgentScriptTiming,
  AutomaticUpdates,
  JobErrorCode,
  ProvisionerJobLog,
  ProvisionerTiming,
  WorkspaceAgent,
  WorkspaceAgentLog,
  WorkspaceAppStatus,
  WorkspaceBuildParameter,
  WorkspaceResource,
} from "../../api/types";
import { HttpError, notFound } from "../util/errors";
import type { StoreEvent, StoreListener } from "./events";
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
import { isActiveJob } from "../../api/jobStatus";
import { deriveWorkspaceStatus } from "./status";

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

export interface NewBuildRequest {
  transition: string;
  template_version_id?: string;
  rich_parameter_values?: WorkspaceBuildParameter[];
  orphan?: boolean;
  reason?: string;
}

export interface NewWorkspaceRequest {
  owner: UserRecord;
  template: TemplateRecord;
  version: TemplateVersionRecord;
  name: string;
  autostart_schedule?: string;
  ttl_ms?: number;
  automatic_updates?: AutomaticUpdates;
  rich_parameter_values?: WorkspaceBuildParameter[];
}

const SESSION_LIFETIME_MS = 7 * 24 * 3600_000;
const NAME_RE = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;

export function validName(name: string): boolean {
  return name.length >= 1 && name.length <= 32 && NAME_RE.test(name);
}

/**
 * The one owner of server state. HTTP routes and the simulation change it only through these
 * operations; every change is published as a StoreEvent.
 */
export class Store {
  readonly now: () => number;
  readonly users = new Map<string, UserRecord>();
  readonly sessions = new Map<string, SessionRecord>();
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
  private readonly listeners = new Set<StoreListener>();
  private readonly generator: ContentGenerator;
  private nextOrdinal = 1;
  private idCounter = 0;
  private readonly idSeed: number;

  constructor(opts: StoreOptions) {
    this.now = opts.now ?? Date.now;
    this.generator = opts.generator;
    this.idSeed = opts.seed;
  }

  // ---- events -------------------------------------------------------------------------------

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Bumped on every event: lets readers cache what they derived from the state. */
  revision = 0;

  emit(event: StoreEvent): void {
    this.revision++;
    for (const l of [...this.listeners]) l(event);
  }

  private touchWorkspace(workspaceId: string): void {
    this.emit({ kind: "workspace", workspaceId });
  }

  // ---- ids and time -------------------------------------------------------------------------

  iso(ms: number = this.now()): string {
    return new Date(ms).toISOString();
  }

  /** Run-time ids: unique and stable across restarts because the counter is persisted. */
  mintId(): string {
    this.idCounter++;
    const h = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
    const a = h(this.idSeed ^ 0x5eed);
    const b = h(this.idCounter);
    const c = h(Math.imul(this.idCounter, 0x9e3779b1) ^ this.idSeed);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c}${h(this.idCounter * 7919).slice(4)}`;
  }

  takeOrdinal(): number {
    return this.nextOrdinal++;
  }

  counters(): { nextOrdinal: number; idCounter: number } {
    return { nextOrdinal: this.nextOrdinal, idCounter: this.idCounter };
  }

  restoreCounters(c: { nextOrdinal: number; idCounter: number }): void {
    this.nextOrdinal = c.nextOrdinal;
    this.idCounter = c.idCounter;
  }

  // ---- insertion (world generation and state restore) ---------------------------------------

  insertWorkspace(ws: WorkspaceRecord): void {
    this.workspaces.set(ws.id, ws);
    if (!this.buildsByWorkspace.has(ws.id)) this.buildsByWorkspace.set(ws.id, []);
  }

  insertJob(job: JobRecord): void {
    this.jobs.set(job.id, job);
    this.nextOrdinal = Math.max(this.nextOrdinal, job.ordinal + 1);
    if (job.status === "pending" && !job.hold) this.queue.push(job.id);
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

  private setContent(build: BuildRecord, content: BuildContent): void {
    this.contents.set(build.id, content);
    for (const r of content.resources) for (const a of r.agents ?? []) this.agentBuild.set(a.id, build.id);
  }

  // ---- queries ------------------------------------------------------------------------------

  content(build: BuildRecord): BuildContent {
    let c = this.contents.get(build.id);
    if (!c) {
      c = this.generator.materialize(this, build);
      this.setContent(build, c);
    }
    return c;
  }

  latestBuild(workspaceId: string): BuildRecord {
    const list = this.buildsByWorkspace.get(workspaceId);
    if (!list || list.length === 0) throw new Error(`workspace ${workspaceId} has no builds`);
    return list[list.length - 1];
  }

  buildsOf(workspaceId: string): BuildRecord[] {
    return this.buildsByWorkspace.get(workspaceId) ?? [];
  }

  jobOf(build: BuildRecord): JobRecord {
    const job = this.jobs.get(build.job_id);
    if (!job) throw new Error(`build ${build.id} has no job`);
    return job;
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
    let deleted: WorkspaceRecord | undefined;
    for (const w of this.workspaces.values()) {
      if (w.owner_id !== ownerId || w.name !== name) continue;
      if (!w.deleted) return w;
      if (includeDeleted && (!deleted || w.updated_at > deleted.updated_at)) deleted = w;
    }
    return deleted;
  }

  buildByNumber(workspaceId: string, n: number): BuildRecord | undefined {
    return this.buildsOf(workspaceId).find((b) => b.build_number === n);
  }

  /** The agent and the build whose resources hold it. */
  agent(agentId: string): { agent: WorkspaceAgent; build: BuildRecord } | undefined {
    const buildId = this.agentBuild.get(agentId);
    const build = buildId ? this.builds.get(buildId) : undefined;
    if (!build) return undefined;
    for (const r of this.content(build).resources)
      for (const a of r.agents ?? []) if (a.id === agentId) return { agent: a, build };
    return undefined;
  }

  isAgentInLatestBuild(agentId: string): boolean {
    const found = this.agent(agentId);
    if (!found) return false;
    return this.latestBuild(found.build.workspace_id).id === found.build.id;
  }

  queuePosition(job: JobRecord): { position: number; size: number } {
    if (job.status !== "pending" || job.hold) return { position: 0, size: 0 };
    const i = this.queue.indexOf(job.id);
    return { position: i + 1, size: this.queue.length };
  }

  canSeeWorkspace(user: UserRecord, ws: WorkspaceRecord): boolean {
    return user.admin || ws.owner_id === user.id;
  }

  // ---- sessions -----------------------------------------------------------------------------

  createSession(userId: string): SessionRecord {
    // Coder's key format: <10-char id>-<22-char secret>.
    const token = `${randomBytes(5).toString("hex")}-${randomBytes(16).toString("base64url").slice(0, 22)}`;
    const now = this.now();
    const s: SessionRecord = {
      token,
      user_id: userId,
      created_at: this.iso(now),
      expires_at: this.iso(now + SESSION_LIFETIME_MS),
    };
    this.sessions.set(token, s);
    this.emitChanged();
    return s;
  }

  authenticate(token: string | undefined): UserRecord | undefined {
    if (!token) return undefined;
    const s = this.sessions.get(token);
    if (!s) return undefined;
    if (Date.parse(s.expires_at) < this.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    return this.users.get(s.user_id);
  }

  login(email: string, password: string): SessionRecord | undefined {
    const lower = email.toLowerCase();
    for (const u of this.users.values()) {
      if (u.email.toLowerCase() === lower && u.password === password) return this.createSession(u.id);
    }
    return undefined;
  }

  logout(token: string): void {
    this.sessions.delete(token);
    this.emitChanged();
  }

  private emitChanged(): void {
    this.emit({ kind: "sessions" });
  }

  // ---- workspace operations -----------------------------------------------------------------

  createWorkspace(req: NewWorkspaceRequest, initiator: UserRecord): WorkspaceRecord {
    if (!validName(req.name)) {
      throw new HttpError(400, "Validation failed.", undefined, [
        { field: "name", detail: `Validation failed for tag "workspace_name" with value: "${req.name}"` },
      ]);
    }
    if (this.workspaceByName(req.owner.id, req.name, false)) {
      throw new HttpError(409, `Workspace "${req.name}" already exists.`, undefined, [
        { field: "name", detail: "This value is already in use and should be unique." },
      ]);
    }
    // Refused parameters must leave no workspace behind, so they are checked before it exists.
    this.mergeParameters(req.version, [], req.rich_parameter_values ?? []);
    const now = this.iso();
    const ws: WorkspaceRecord = {
      id: this.mintId(),
      organization_id: req.template.organization_id,
      owner_id: req.owner.id,
      template_id: req.template.id,
      name: req.name,
      created_at: now,
      updated_at: now,
      last_used_at: now,
      autostart_schedule: req.autostart_schedule || undefined,
      ttl_ms: req.ttl_ms ?? req.template.default_ttl_ms,
      dormant_at: null,
      deleting_at: null,
      automatic_updates: req.automatic_updates ?? "never",
      favorite_of: [],
      deleted: false,
      ambient: false,
    };
    this.insertWorkspace(ws);
    this.createBuild(
      ws,
      {
        transition: "start",
        template_version_id: req.version.id,
        rich_parameter_values: req.rich_parameter_values,
        reason: "initiator",
      },
      initiator,
    );
    return ws;
  }

  createBuild(
    ws: WorkspaceRecord,
    req: NewBuildRequest,
    initiator: UserRecord,
    outcome: BuildOutcome = "succeeded",
  ): BuildRecord {
    const transition = req.transition;
    if (transition !== "start" && transition !== "stop" && transition !== "delete") {
      throw new HttpError(400, "Validation failed.", undefined, [
        { field: "transition", detail: `Validation failed for tag "oneof" with value: "${transition}"` },
      ]);
    }
    const template = this.templates.get(ws.template_id);
    if (!template) throw notFound();
    const list = this.buildsOf(ws.id);
    const prior = list[list.length - 1];
    if (prior && isActiveJob(this.jobOf(prior).status)) {
      throw new HttpError(409, "A workspace build is already active.");
    }
    if (req.orphan && (transition !== "delete" || !initiator.admin)) {
      throw new HttpError(400, "Orphaning is only supported for delete transitions by template administrators.");
    }
    if (transition === "start" && ws.dormant_at) {
      throw new HttpError(403, "Workspace is dormant and cannot be started.", "Activate the workspace first.");
    }
    let versionId = req.template_version_id;
    if (versionId) {
      const v = this.versions.get(versionId);
      if (!v || v.template_id !== template.id) {
        throw new HttpError(400, "Template version not found.", undefined, [
          { field: "template_version_id", detail: "not found" },
        ]);
      }
    } else if (transition === "start" && (template.require_active_version || ws.automatic_updates === "always")) {
      versionId = template.active_version_id;
    } else {
      versionId = prior?.template_version_id ?? template.active_version_id;
    }
    const version = this.versions.get(versionId)!;
    const parameters = this.mergeParameters(version, prior?.parameters ?? [], req.rich_parameter_values ?? []);

    const nowMs = this.now();
    const now = this.iso(nowMs);
    const job: JobRecord = {
      id: this.mintId(),
      ordinal: this.takeOrdinal(),
      type: "workspace_build",
      organization_id: ws.organization_id,
      created_at: now,
      updated_at: now,
      status: "pending",
      file_id: version.job_id,
      tags: { scope: "organization", owner: "" },
      initiator_id: initiator.id,
      template_version_id: version.id,
      logs_overflowed: false,
    };
    const build: BuildRecord = {
      id: this.mintId(),
      workspace_id: ws.id,
      build_number: (prior?.build_number ?? 0) + 1,
      transition,
      template_version_id: version.id,
      initiator_id: initiator.id,
      reason: req.reason || "initiator",
      job_id: job.id,
      created_at: now,
      updated_at: now,
      deadline: null,
      max_deadline: null,
      daily_cost: 0,
      parameters,
      seed: nowMs >>> 0,
      lazy: false,
      outcome,
    };
    job.build_id = build.id;
    this.jobs.set(job.id, job);
    this.insertBuild(build, {
      resources: [],
      logs: [],
      timings: { provisioner_timings: [], agent_script_timings: [], agent_connection_timings: [] },
      agentLogs: new Map(),
      state: prior ? this.content(prior).state : "",
    });
    ws.updated_at = now;
    this.queue.push(job.id);
    this.emit({ kind: "job-queued", jobId: job.id });
    this.touchWorkspace(ws.id);
    return build;
  }

  private mergeParameters(
    version: TemplateVersionRecord,
    previous: WorkspaceBuildParameter[],
    given: WorkspaceBuildParameter[],
  ): WorkspaceBuildParameter[] {
    const byName = new Map(version.parameters.map((p) => [p.name, p]));
    const validations = [];
    for (const g of given) {
      const p = byName.get(g.name);
      if (!p) {
        validations.push({ field: g.name, detail: `Parameter "${g.name}" is not present in the template.` });
        continue;
      }
      const prev = previous.find((x) => x.name === g.name);
      if (!p.mutable && prev && prev.value !== g.value) {
        validations.push({
          field: g.name,
          detail: `Parameter "${g.name}" is not mutable, so it can't be updated after creating a workspace.`,
        });
      }
      const problem = validateParameter(p, g.value, prev?.value);
      if (problem) validations.push({ field: g.name, detail: `Invalid parameter value; ${problem}` });
    }
    // A first build has no previous values: required parameters must be given (Coder's wording).
    if (previous.length === 0) {
      for (const p of version.parameters) {
        if (p.required && !given.some((g) => g.name === p.name && g.value !== ""))
          validations.push({ field: p.name, detail: "Required parameter not provided; parameter value is null" });
      }
    }
    if (validations.length > 0) {
      validations.sort((a, b) => a.field.localeCompare(b.field));
      throw new HttpError(400, "Unable to validate parameters", undefined, validations);
    }
    return version.parameters.map((p) => {
      const value =
        given.find((g) => g.name === p.name)?.value ??
        previous.find((x) => x.name === p.name)?.value ??
        p.default_value;
      return { name: p.name, value };
    });
  }

  cancelBuild(build: BuildRecord, user: UserRecord, expectStatus: string | undefined): void {
    const ws = this.workspaces.get(build.workspace_id)!;
    const template = this.templates.get(ws.template_id)!;
    if (!template.allow_user_cancel_workspace_jobs && !user.admin) {
      throw new HttpError(403, "User is not allowed to cancel workspace builds. Owner role is required.");
    }
    const job = this.jobOf(build);
    if (job.completed_at) throw new HttpError(400, "Job has already completed!");
    if (job.canceled_at) throw new HttpError(400, "Job has already been marked as canceled!");
    if (expectStatus !== undefined && job.status !== expectStatus) {
      throw new HttpError(
        412,
        "Job is not in the expected state.",
        `Expected status "${expectStatus}", got "${job.status}".`,
      );
    }
    const now = this.iso();
    job.canceled_at = now;
    job.updated_at = now;
    if (job.status === "pending") {
      // Never picked up: nothing to tell a provisioner, the job is canceled at once.
      job.status = "canceled";
      job.completed_at = now;
      this.removeFromQueue(job.id);
      this.finishBuildBookkeeping(build, job);
      return;
    }
    job.status = "canceling";
    this.emit({ kind: "job-cancel-requested", jobId: job.id });
    this.touchWorkspace(ws.id);
  }

  renameWorkspace(ws: WorkspaceRecord, name: string): void {
    if (!validName(name)) {
      throw new HttpError(400, "Invalid workspace name.", undefined, [
        { field: "name", detail: `Validation failed for tag "workspace_name" with value: "${name}"` },
      ]);
    }
    const other = this.workspaceByName(ws.owner_id, name, false);
    if (other && other.id !== ws.id) {
      throw new HttpError(409, `Workspace "${name}" already exists.`, undefined, [
        { field: "name", detail: "This value is already in use and should be unique." },
      ]);
    }
    ws.name = name;
    this.updateWorkspace(ws);
  }

  updateWorkspace(ws: WorkspaceRecord): void {
    ws.updated_at = this.iso();
    this.touchWorkspace(ws.id);
  }

  setFavorite(ws: WorkspaceRecord, user: UserRecord, favorite: boolean): void {
    ws.favorite_of = ws.favorite_of.filter((id) => id !== user.id);
    if (favorite) ws.favorite_of.push(user.id);
    this.touchWorkspace(ws.id);
  }

  setDeadline(build: BuildRecord, deadline: string | null): void {
    build.deadline = deadline;
    build.updated_at = this.iso();
    this.touchWorkspace(build.workspace_id);
  }

  // ---- simulation operations ----------------------------------------------------------------

  private removeFromQueue(jobId: string): void {
    const i = this.queue.indexOf(jobId);
    if (i >= 0) this.queue.splice(i, 1);
    // Everyone behind it moved up a place.
    for (const id of this.queue) {
      const b = this.jobs.get(id)?.build_id;
      const build = b ? this.builds.get(b) : undefined;
      if (build) this.touchWorkspace(build.workspace_id);
    }
  }

  private buildOfJob(job: JobRecord): BuildRecord {
    const build = job.build_id ? this.builds.get(job.build_id) : undefined;
    if (!build) throw new Error(`job ${job.id} has no build`);
    return build;
  }

  startJob(jobId: string, worker: { id: string; name: string }): void {
    const job = this.jobs.get(jobId);
    if (!job || job.status !== "pending") return;
    const now = this.iso();
    job.status = "running";
    job.started_at = now;
    job.updated_at = now;
    job.worker_id = worker.id;
    job.worker_name = worker.name;
    this.removeFromQueue(jobId);
    const daemon = this.provisioners.find((p) => p.id === worker.id);
    if (daemon) daemon.current_job_id = jobId;
    if (!job.build_id) return;
    const build = this.buildOfJob(job);
    build.updated_at = now;
    this.touchWorkspace(build.workspace_id);
  }

  /** The daemon is done with its job (whatever the outcome) and free for the next. */
  releaseWorker(workerId: string): void {
    const daemon = this.provisioners.find((p) => p.id === workerId);
    if (!daemon?.current_job_id) return;
    daemon.previous_job_id = daemon.current_job_id;
    daemon.current_job_id = undefined;
  }

  appendJobLogs(jobId: string, lines: Array<Omit<ProvisionerJobLog, "id" | "created_at">>): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    const logs = this.content(this.buildOfJob(job)).logs;
    const created_at = this.iso();
    const base = job.ordinal * 1_000_000;
    const added = lines.map((l, i) => ({ id: base + logs.length + i + 1, created_at, ...l }));
    logs.push(...added);
    this.emit({ kind: "job-logs", jobId, logs: added });
  }

  /**
   * Terminal job state. Resources and provisioner timings arrive together with success,
   * as they do when a real provisioner completes a job; failures carry no timings.
   */
  finishJob(
    jobId: string,
    result:
      | { status: "succeeded"; resources: WorkspaceResource[]; timings: ProvisionerTiming[]; state: string }
      | { status: "failed"; error: string; error_code?: JobErrorCode }
      | { status: "canceled" },
  ): void {
    const job = this.jobs.get(jobId);
    if (!job || job.completed_at) return;
    const build = this.buildOfJob(job);
    const content = this.content(build);
    const nowMs = this.now();
    const now = this.iso(nowMs);
    job.completed_at = now;
    job.updated_at = now;
    job.status = result.status;
    if (result.status === "failed") {
      job.error = result.error;
      job.error_code = result.error_code;
    }
    if (result.status === "succeeded") {
      content.resources = result.resources;
      content.timings.provisioner_timings = result.timings;
      content.state = result.state;
      for (const r of result.resources) for (const a of r.agents ?? []) this.agentBuild.set(a.id, build.id);
      const ws = this.workspaces.get(build.workspace_id)!;
      if (build.transition === "start" && ws.ttl_ms) build.deadline = this.iso(nowMs + ws.ttl_ms);
      build.daily_cost = result.resources.reduce((s, r) => s + r.daily_cost, 0);
    }
    this.finishBuildBookkeeping(build, job);
  }

  private finishBuildBookkeeping(build: BuildRecord, job: JobRecord): void {
    build.updated_at = job.updated_at;
    const ws = this.workspaces.get(build.workspace_id)!;
    if (build.transition === "delete" && job.status === "succeeded") ws.deleted = true;
    ws.updated_at = job.updated_at;
    this.emit({ kind: "job-done", jobId: job.id });
    this.touchWorkspace(ws.id);
  }

  updateAgent(agentId: string, patch: Partial<WorkspaceAgent>): void {
    const found = this.agent(agentId);
    if (!found) return;
    Object.assign(found.agent, patch, { updated_at: this.iso() });
    this.touchWorkspace(found.build.workspace_id);
  }

  appendAgentLogs(agentId: string, lines: Array<Omit<WorkspaceAgentLog, "id" | "created_at">>): void {
    const found = this.agent(agentId);
    if (!found) return;
    const content = this.content(found.build);
    let logs = content.agentLogs.get(agentId);
    if (!logs) {
      logs = [];
      content.agentLogs.set(agentId, logs);
    }
    const created_at = this.iso();
    const base = agentLogBase(found.agent);
    const added = lines.map((l, i) => ({ id: base + logs.length + i + 1, created_at, ...l }));
    logs.push(...added);
    found.agent.logs_length = logs.length;
    this.emit({ kind: "agent-logs", agentId, logs: added });
    // Log batches change logs_length, which watchers see as a data event like upstream.
    this.touchWorkspace(found.build.workspace_id);
  }

  addAgentTimings(buildId: string, t: { script?: AgentScriptTiming; connection?: AgentConnectionTiming }): void {
    const build = this.builds.get(buildId);
    if (!build) return;
    const timings = this.content(build).timings;
    if (t.script) timings.agent_script_timings.push(t.script);
    if (t.connection) timings.agent_connection_timings.push(t.connection);
    this.touchWorkspace(build.workspace_id);
  }

  addAppStatus(agentId: string, status: WorkspaceAppStatus): void {
    const found = this.agent(agentId);
    const app = found?.agent.apps.find((a) => a.id === status.app_id);
    if (!found || !app) return;
    app.statuses.unshift(status);
    this.touchWorkspace(found.build.workspace_id);
  }

  setAppHealth(agentId: string, appId: string, health: string): void {
    const found = this.agent(agentId);
    const app = found?.agent.apps.find((a) => a.id === appId);
    if (!found || !app || app.health === health) return;
    app.health = health;
    this.touchWorkspace(found.build.workspace_id);
  }

  /** The provisioner acknowledged a cancel request. */
  acknowledgeCancel(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job || job.status !== "canceling") return;
    const now = this.iso();
    job.status = "canceled";
    job.completed_at = now;
    job.updated_at = now;
    job.error = "canceled";
    if (job.build_id) this.finishBuildBookkeeping(this.buildOfJob(job), job);
    else this.emit({ kind: "job-done", jobId: job.id });
  }
}

/** Agent log ids are unique across agents: a per-agent base derived from its id. */
export function agentLogBase(agent: WorkspaceAgent): number {
  return (parseInt(agent.id.slice(0, 7), 16) % 9_000_000) * 1_000_000;
}
