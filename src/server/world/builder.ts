import type { WorkspaceTransition } from "../../api/types";
import type {
  BuildOutcome,
  BuildRecord,
  BuildSlowdown,
  JobHold,
  JobRecord,
  ProvisionerRecord,
  TemplateRecord,
  TemplateVersionRecord,
  UserRecord,
  WorkspaceRecord,
} from "../store/records";
import type { Store } from "../store/store";
import { queueTemplateImport } from "../store/templateJobs";
import { isUntagged } from "../../lib/provisionerTags";
import { createRng, type Rng } from "../util/prng";
import { TEMPLATES, templateSpec } from "./catalog";
import { planFor } from "./materialize";
import { planBuild, planRunningMs } from "./plan";

const DAY = 24 * 3600_000;
const UNTAGGED = { scope: "organization", owner: "" };
/** No daemon offers this region: jobs tagged with it wait until canceled. */
export const STUCK_REGION = "ap-southeast-2";
const iso = (ms: number) => new Date(ms).toISOString();

/** Helpers shared by the demo and bench worlds to put seeded entities into a store. */
export class WorldBuilder {
  readonly t0: number;
  constructor(
    readonly store: Store,
    readonly rng: Rng,
  ) {
    this.t0 = store.now();
  }

  user(username: string, name: string, admin: boolean): UserRecord {
    const u: UserRecord = {
      id: this.rng.uuid(),
      username,
      name,
      email: `${username}@example.com`,
      password: "coder-demo-1",
      admin,
      created_at: iso(this.t0 - 90 * DAY),
      avatar_url: "",
    };
    this.store.addUser(u);
    return u;
  }

  /**
   * Provisioner daemons: `count` untagged ones take the ordinary jobs; `provisioner-eu` offers
   * `region=eu-west-1` (some template imports go there); `provisioner-gpu` stopped reporting
   * twelve minutes before the world began. Ids are part of the seeded world.
   */
  provisioners(count: number): void {
    // Own stream, so the number of provisioners never shifts the ids of everything else.
    const rng = this.rng.fork("provisioners");
    const created = iso(this.t0 - 30 * DAY);
    const daemon = (name: string, tags: Record<string, string>, offline_since?: string) =>
      this.store.addProvisioner({
        id: rng.uuid(),
        name,
        tags: { ...UNTAGGED, ...tags },
        created_at: created,
        offline_since,
      });
    for (let i = 0; i < Math.max(1, count); i++) daemon(`provisioner-${i + 1}`, {});
    daemon("provisioner-eu", { region: "eu-west-1" });
    daemon("provisioner-gpu", { gpu: "a100" }, iso(this.t0 - 12 * 60_000));
  }

  /**
   * A template admin pushed a version of `template` for a region no daemon serves: its import job
   * waits in the queue (the realistic stuck job the builds overview explains) until canceled.
   */
  stuckTemplateImport(template: TemplateRecord, admin: UserRecord): void {
    queueTemplateImport(this.store, {
      template,
      initiator: admin,
      tags: { ...UNTAGGED, region: STUCK_REGION },
      message: `Move to ${STUCK_REGION}`,
      createdMs: this.t0 - 25 * 60_000,
      hold: "pending",
    });
  }

  /** The daemons that took the world's historical (untagged) jobs. */
  private untaggedDaemons(): ProvisionerRecord[] {
    return this.store.provisioners.filter((p) => !p.offline_since && isUntagged(p.tags));
  }

  organization(): void {
    const id = this.rng.uuid();
    this.store.addOrganization({
      id,
      name: "coder",
      display_name: "Coder",
      description: "The default organization.",
      icon: "",
      created_at: iso(this.t0 - 120 * DAY),
      updated_at: iso(this.t0 - 120 * DAY),
      is_default: true,
      default_org_member_roles: [],
    });
  }

  /**
   * Templates named in `versionCounts`, with versions v1..vN created over the last two months; the
   * newest is active. `rng` lets a template added later draw its ids apart from the seeded world's.
   */
  templates(
    admin: UserRecord,
    versionCounts: Record<string, number>,
    rng: Rng = this.rng,
  ): Map<string, { template: TemplateRecord; versions: TemplateVersionRecord[] }> {
    const org = this.store.defaultOrganization();
    const out = new Map<string, { template: TemplateRecord; versions: TemplateVersionRecord[] }>();
    for (const spec of TEMPLATES.filter((t) => t.name in versionCounts)) {
      const n = versionCounts[spec.name] ?? 2;
      const templateId = rng.uuid();
      const versions: TemplateVersionRecord[] = [];
      for (let i = 0; i < n; i++) {
        // Versions: oldest ~60 days ago, newest 3 days ago.
        const created = this.t0 - Math.round((60 - (57 * i) / Math.max(1, n - 1)) * DAY);
        const job: JobRecord = {
          id: rng.uuid(),
          ordinal: this.store.takeOrdinal(),
          type: "template_version_import",
          organization_id: org.id,
          created_at: iso(created),
          started_at: iso(created + 800),
          completed_at: iso(created + 9_000),
          updated_at: iso(created + 9_000),
          status: "succeeded",
          worker_id: this.untaggedDaemons()[0].id,
          worker_name: this.untaggedDaemons()[0].name,
          file_id: rng.uuid(),
          tags: { scope: "organization", owner: "" },
          initiator_id: admin.id,
          logs_overflowed: false,
        };
        const v: TemplateVersionRecord = {
          id: rng.uuid(),
          template_id: templateId,
          organization_id: org.id,
          name: `v${i + 1}`,
          message:
            i === 0
              ? "Initial version"
              : i === n - 1
                ? `Bump ${spec.provider.name} provider to ${spec.provider.version}`
                : "Add dotfiles parameter",
          readme: `# ${spec.display_name}\n\n${spec.description}\n`,
          created_at: iso(created),
          created_by_id: admin.id,
          job_id: job.id,
          parameters: spec.parameters,
          presets: (spec.presets ?? []).map((preset) => ({ ...preset, id: rng.uuid() })),
          archived: false,
        };
        job.template_version_id = v.id;
        this.store.insertJob(job);
        this.store.addVersion(v);
        versions.push(v);
      }
      const t: TemplateRecord = {
        id: templateId,
        organization_id: org.id,
        name: spec.name,
        display_name: spec.display_name,
        description: spec.description,
        icon: spec.icon,
        created_at: versions[0].created_at,
        updated_at: versions[n - 1].created_at,
        active_version_id: versions[n - 1].id,
        allow_user_cancel_workspace_jobs: spec.allowUserCancel,
        require_active_version: false,
        default_ttl_ms: 8 * 3600_000,
        created_by_id: admin.id,
        deprecated: false,
        deprecation_message: "",
      };
      this.store.addTemplate(t);
      out.set(spec.name, { template: t, versions });
    }
    return out;
  }

  workspace(
    owner: UserRecord,
    template: TemplateRecord,
    name: string,
    extra: Partial<WorkspaceRecord> = {},
  ): WorkspaceRecord {
    const ws: WorkspaceRecord = {
      id: this.rng.uuid(),
      organization_id: template.organization_id,
      owner_id: owner.id,
      template_id: template.id,
      name,
      created_at: iso(this.t0 - 15 * DAY),
      updated_at: iso(this.t0 - DAY),
      last_used_at: iso(this.t0 - this.rng.int(1, 72) * 3600_000),
      autostart_schedule: undefined,
      ttl_ms: template.default_ttl_ms,
      dormant_at: null,
      deleting_at: null,
      automatic_updates: "never",
      favorite_of: [],
      deleted: false,
      ambient: false,
      ...extra,
    };
    this.store.insertWorkspace(ws);
    return ws;
  }

  /**
   * A build history ending in `last`. Earlier builds alternate start/stop with realistic
   * failures; timestamps spread over the last 14 days; durations come from the same plan the
   * content is later materialized from.
   */
  history(
    ws: WorkspaceRecord,
    versions: TemplateVersionRecord[],
    count: number,
    last: {
      transition: WorkspaceTransition;
      outcome: BuildOutcome;
      hold?: JobHold;
      version?: TemplateVersionRecord;
      agoMs?: number;
    },
    initiators: UserRecord[],
  ): BuildRecord[] {
    const builds: BuildRecord[] = [];
    const end = this.t0 - (last.agoMs ?? 2 * 3600_000);
    const start = Math.min(this.t0 - 14 * DAY, end - count * 3600_000);
    let transition: WorkspaceTransition = "start";
    for (let i = 0; i < count; i++) {
      const isLast = i === count - 1;
      const created =
        count === 1
          ? end
          : Math.round(start + ((end - start) * i) / (count - 1) - (isLast ? 0 : this.rng.int(0, 3_600_000)));
      let outcome: BuildOutcome = "succeeded";
      if (isLast) {
        transition = last.transition;
        outcome = last.outcome;
      } else if (i > 0) {
        const r = this.rng.next();
        outcome =
          r < 0.08
            ? "failed"
            : r < 0.12
              ? "canceled"
              : r < 0.15 && transition === "start"
                ? "insufficient_quota"
                : "succeeded";
      }
      const version = isLast && last.version ? last.version : this.versionAt(versions, created);
      builds.push(
        this.build(
          ws,
          i + 1,
          transition,
          outcome,
          version,
          created,
          isLast ? last.hold : undefined,
          this.rng.pick(initiators),
        ),
      );
      // After a successful start the next build stops, and vice versa; failures are retried.
      if (outcome === "succeeded") transition = transition === "start" ? "stop" : "start";
    }
    if (last.transition === "delete" && last.outcome === "succeeded" && !last.hold) ws.deleted = true;
    // Someone is using a running workspace: last use after its start (own stream, ids unaffected).
    if (last.transition === "start" && last.outcome === "succeeded" && !last.hold && !ws.dormant_at) {
      const used = this.t0 - this.rng.fork(`last-used:${ws.id}`).int(1, 90) * 60_000;
      ws.last_used_at = new Date(Math.max(used, end)).toISOString();
    }
    ws.updated_at = builds[builds.length - 1].updated_at;
    return builds;
  }

  private versionAt(versions: TemplateVersionRecord[], at: number): TemplateVersionRecord {
    let v = versions[0];
    for (const x of versions) if (Date.parse(x.created_at) <= at) v = x;
    return v;
  }

  build(
    ws: WorkspaceRecord,
    number: number,
    transition: WorkspaceTransition,
    outcome: BuildOutcome,
    version: TemplateVersionRecord,
    createdMs: number,
    hold: JobHold | undefined,
    initiator: UserRecord,
  ): BuildRecord {
    const template = this.store.templates.get(ws.template_id)!;
    const seed = Math.floor(this.rng.next() * 0x7fffffff);
    const build: BuildRecord = {
      id: this.rng.uuid(),
      workspace_id: ws.id,
      build_number: number,
      transition,
      template_version_id: version.id,
      initiator_id: initiator.id,
      reason:
        transition === "stop" && this.rng.chance(0.4)
          ? "autostop"
          : transition === "start" && this.rng.chance(0.2)
            ? "autostart"
            : "initiator",
      job_id: this.rng.uuid(),
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
      deadline: null,
      max_deadline: null,
      daily_cost: 0,
      parameters: version.parameters.map((p) => ({ name: p.name, value: p.default_value })),
      seed,
      lazy: true,
      outcome,
    };
    // The plan decides durations; the slowdown mirrors the one materialization applies.
    const slow = template.name === "kubernetes" && this.t0 - createdMs < 24 * 3600_000 ? 1.9 : 1;
    const plan = planBuild(createRng(seed).fork("plan"), {
      spec: templateSpec(template.name),
      transition,
      outcome,
      slow,
    });
    const started = createdMs + plan.queueMs;
    const running = planRunningMs(plan);
    const job: JobRecord = {
      id: build.job_id,
      ordinal: this.store.takeOrdinal(),
      type: "workspace_build",
      organization_id: ws.organization_id,
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
      status: "pending",
      file_id: version.job_id,
      tags: { scope: "organization", owner: "" },
      initiator_id: initiator.id,
      build_id: build.id,
      template_version_id: version.id,
      logs_overflowed: false,
    };
    const worker = this.rng.pick(this.untaggedDaemons());
    if (hold === "pending") {
      job.hold = "pending";
      // Tags no provisioner serves: it waits until someone cancels it.
      job.tags = { ...UNTAGGED, region: STUCK_REGION };
    } else {
      job.started_at = iso(started);
      job.worker_id = worker.id;
      job.worker_name = worker.name;
      if (hold) {
        job.hold = hold;
        job.status = hold === "canceling" ? "canceling" : "running";
        if (hold === "canceling") job.canceled_at = iso(started + running / 2);
      } else {
        const completed = started + (outcome === "canceled" ? Math.round(running * 0.6) : running);
        job.completed_at = iso(completed);
        job.updated_at = iso(completed);
        build.updated_at = iso(completed);
        job.status =
          outcome === "canceled"
            ? "canceled"
            : outcome === "failed" || outcome === "insufficient_quota"
              ? "failed"
              : "succeeded";
        if (outcome === "canceled") {
          job.canceled_at = iso(completed - 400);
          job.error = "canceled";
        }
        if (plan.failure) {
          job.error = plan.failure.error;
          job.error_code = plan.failure.error_code;
        }
        if (job.status === "succeeded" && transition === "start" && ws.ttl_ms)
          build.deadline = iso(completed + ws.ttl_ms);
      }
    }
    this.store.insertJob(job);
    this.store.insertBuild(build);
    return build;
  }

  /**
   * Makes one resource and one script of a finished build slower than its history: the job ends
   * later by the extra time, so its timings (laid out inside the job's window) show it.
   */
  slowDown(build: BuildRecord, slowdown: BuildSlowdown): void {
    build.slowdown = slowdown;
    const job = this.store.jobs.get(build.job_id)!;
    if (!job.started_at || !job.completed_at) return;
    const completed = iso(Date.parse(job.started_at) + planRunningMs(planFor(this.store, build)));
    job.completed_at = job.updated_at = build.updated_at = completed;
    const ws = this.store.workspaces.get(build.workspace_id)!;
    if (build.deadline && ws.ttl_ms) build.deadline = iso(Date.parse(completed) + ws.ttl_ms);
    if (this.store.latestBuild(ws.id).id === build.id) ws.updated_at = completed;
  }
}
