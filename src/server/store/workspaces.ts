import type { AutomaticUpdates, WorkspaceBuildParameter } from "../../api/types";
import { isActiveJob } from "../../api/jobStatus";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import type { Jobs } from "./jobs";
import { mergeParameters } from "./parameters";
import type {
  BuildOutcome,
  BuildRecord,
  JobRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from "./records";
import type { StoreContext } from "./tables";

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

const NAME_RE = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;

export function validName(name: string): boolean {
  return name.length >= 1 && name.length <= 32 && NAME_RE.test(name);
}

/** Workspaces and their builds: creation, settings, and the builds that start, stop and delete them. */
export class Workspaces {
  constructor(
    private readonly ctx: StoreContext,
    private readonly jobs: Jobs,
  ) {}

  /** The workspace named `name` of `owner` that is not deleted (names are reused after deletion). */
  byName(ownerId: string, name: string, includeDeleted: boolean): WorkspaceRecord | undefined {
    let deleted: WorkspaceRecord | undefined;
    for (const w of this.ctx.tables.workspaces.values()) {
      if (w.owner_id !== ownerId || w.name !== name) continue;
      if (!w.deleted) return w;
      if (includeDeleted && (!deleted || w.updated_at > deleted.updated_at)) deleted = w;
    }
    return deleted;
  }

  create(req: NewWorkspaceRequest, initiator: UserRecord): WorkspaceRecord {
    this.checkName(req.owner.id, req.name, "Validation failed.");
    // Refused parameters must leave no workspace behind, so they are checked before it exists.
    mergeParameters(req.version, [], req.rich_parameter_values ?? []);
    const now = this.ctx.iso();
    const ws: WorkspaceRecord = {
      id: this.ctx.ids.mintId(),
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
    this.ctx.tables.insertWorkspace(ws);
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
    const { tables, ids } = this.ctx;
    const transition = req.transition;
    if (transition !== "start" && transition !== "stop" && transition !== "delete") {
      throw new Invalid("Validation failed.", undefined, [
        { field: "transition", detail: `Validation failed for tag "oneof" with value: "${transition}"` },
      ]);
    }
    const template = tables.templates.get(ws.template_id);
    if (!template) throw new NotFound();
    const list = tables.buildsOf(ws.id);
    const prior = list[list.length - 1];
    if (prior && isActiveJob(tables.jobOf(prior).status)) {
      throw new Conflict("A workspace build is already active.");
    }
    if (req.orphan && (transition !== "delete" || !initiator.admin)) {
      throw new Invalid("Orphaning is only supported for delete transitions by template administrators.");
    }
    if (transition === "start" && ws.dormant_at) {
      throw new Forbidden("Workspace is dormant and cannot be started.", "Activate the workspace first.");
    }
    let versionId = req.template_version_id;
    if (versionId) {
      const v = tables.versions.get(versionId);
      if (!v || v.template_id !== template.id) {
        throw new Invalid("Template version not found.", undefined, [
          { field: "template_version_id", detail: "not found" },
        ]);
      }
    } else if (transition === "start" && (template.require_active_version || ws.automatic_updates === "always")) {
      versionId = template.active_version_id;
    } else {
      versionId = prior?.template_version_id ?? template.active_version_id;
    }
    const version = tables.versions.get(versionId)!;
    const parameters = mergeParameters(version, prior?.parameters ?? [], req.rich_parameter_values ?? []);

    const nowMs = this.ctx.now();
    const now = this.ctx.iso(nowMs);
    const job: JobRecord = {
      id: ids.mintId(),
      ordinal: ids.takeOrdinal(),
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
      id: ids.mintId(),
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
    tables.insertBuild(build, {
      resources: [],
      logs: [],
      timings: { provisioner_timings: [], agent_script_timings: [], agent_connection_timings: [] },
      agentLogs: new Map(),
      state: prior ? this.ctx.content(prior).state : "",
    });
    ws.updated_at = now;
    this.jobs.enqueue(job);
    this.ctx.touchWorkspace(ws.id);
    return build;
  }

  cancelBuild(build: BuildRecord, user: UserRecord, expectStatus: string | undefined): void {
    const { tables } = this.ctx;
    const ws = tables.workspaces.get(build.workspace_id)!;
    const template = tables.templates.get(ws.template_id)!;
    if (!template.allow_user_cancel_workspace_jobs && !user.admin) {
      throw new Forbidden("User is not allowed to cancel workspace builds. Owner role is required.");
    }
    this.jobs.cancel(tables.jobOf(build), expectStatus);
  }

  rename(ws: WorkspaceRecord, name: string): void {
    this.checkName(ws.owner_id, name, "Invalid workspace name.", ws.id);
    ws.name = name;
    this.update(ws);
  }

  update(ws: WorkspaceRecord): void {
    ws.updated_at = this.ctx.iso();
    this.ctx.touchWorkspace(ws.id);
  }

  setFavorite(ws: WorkspaceRecord, user: UserRecord, favorite: boolean): void {
    ws.favorite_of = ws.favorite_of.filter((id) => id !== user.id);
    if (favorite) ws.favorite_of.push(user.id);
    this.ctx.touchWorkspace(ws.id);
  }

  setDeadline(build: BuildRecord, deadline: string | null): void {
    build.deadline = deadline;
    build.updated_at = this.ctx.iso();
    this.ctx.touchWorkspace(build.workspace_id);
  }

  /** `name` is well formed and no other live workspace of the owner has it; `invalid`: Coder's message. */
  private checkName(ownerId: string, name: string, invalid: string, selfId?: string): void {
    if (!validName(name)) {
      throw new Invalid(invalid, undefined, [
        { field: "name", detail: `Validation failed for tag "workspace_name" with value: "${name}"` },
      ]);
    }
    const other = this.byName(ownerId, name, false);
    if (other && other.id !== selfId) {
      throw new Conflict(`Workspace "${name}" already exists.`, undefined, [
        { field: "name", detail: "This value is already in use and should be unique." },
      ]);
    }
  }
}
