import type { BuildOutcome } from "../store/records";
import type { Store } from "../store/store";
import { queueTemplateImport } from "../store/templateJobs";
import { createRng, type Rng } from "../util/prng";
import { MIN_STATE_MS, SimClock } from "./clock";
import { daemonCanTake } from "../../lib/provisionerTags";
import { runJob } from "./job";
import { runTemplateImport } from "./templateImport";

export interface SimulationOptions {
  speed: number;
  provisioners: number;
  failureRate: number;
  ambient: boolean;
  seed: number;
}

/** Share of ambient ticks that also push a template version (an import job on the queue). */
const IMPORT_CHANCE = 0.2;
const UNTAGGED_JOB = { scope: "organization", owner: "" };

/** Simulated seconds between ambient builds. */
const AMBIENT_EVERY_MS = 25_000;

/**
 * The provisioner fleet and the world's background life. It drives the store only through
 * its operations, like the HTTP routes do.
 */
export class Simulation {
  readonly clock: SimClock;
  private readonly rng: Rng;
  private readonly busy = new Map<string, string>();
  private readonly overrides = new Map<string, BuildOutcome>();
  private unsubscribe: () => void = () => {};
  private pumpScheduled = false;
  private held = false;

  constructor(
    private readonly store: Store,
    private readonly opts: SimulationOptions,
  ) {
    this.clock = new SimClock(opts.speed);
    this.rng = createRng(opts.seed).fork("simulation");
  }

  start(): void {
    this.unsubscribe = this.store.subscribe((e) => {
      if (e.kind === "job-queued") this.schedulePump(0);
      if (e.kind === "job-cancel-requested" && ![...this.busy.values()].includes(e.jobId))
        this.acknowledgeLater(e.jobId);
    });
    // Resume after a restart: queued work continues; jobs cut mid-run start over.
    for (const job of this.store.jobs.values()) {
      if (job.status === "canceling" && job.hold !== "canceling") this.acknowledgeLater(job.id);
    }
    this.schedulePump(0);
    if (this.opts.ambient) this.clock.every(this.clock.scale(AMBIENT_EVERY_MS, 1000), () => this.ambientTick());
  }

  stop(): void {
    this.unsubscribe();
    this.clock.stop();
  }

  /** One-shot outcome for a workspace's next build (`--test-controls`). */
  setNextOutcome(workspaceId: string, outcome: BuildOutcome): boolean {
    if (!this.store.workspaces.has(workspaceId)) return false;
    this.overrides.set(workspaceId, outcome);
    return true;
  }

  /**
   * While held, no provisioner takes a job: new builds stay pending until released (`--test-controls`),
   * so a test can act while a build is surely still on its way, then let it run at full speed.
   */
  hold(held: boolean): void {
    this.held = held;
    if (!held) this.schedulePump(0);
  }

  nextOutcome(workspaceId: string): BuildOutcome {
    const forced = this.overrides.get(workspaceId);
    if (forced) {
      this.overrides.delete(workspaceId);
      return forced;
    }
    if (!this.rng.chance(this.opts.failureRate)) return "succeeded";
    const r = this.rng.next();
    return r < 0.6 ? "failed" : r < 0.8 ? "insufficient_quota" : "script_error";
  }

  private acknowledgeLater(jobId: string): void {
    void this.clock.wait(MIN_STATE_MS).then((ok) => ok && this.store.acknowledgeCancel(jobId));
  }

  private schedulePump(delay: number): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    void this.clock.wait(delay).then((ok) => {
      this.pumpScheduled = false;
      if (ok) this.pump();
    });
  }

  /**
   * Hands queued jobs to free online provisioners: each takes the oldest job whose tags it can serve
   * (Coder's tag rule), once that job has been pending long enough to be seen as pending.
   */
  private pump(): void {
    if (this.held) return;
    let retryIn = Number.POSITIVE_INFINITY;
    for (const worker of this.store.provisioners) {
      if (worker.offline_since || this.busy.has(worker.id)) continue;
      const jobId = this.store.queue.find((id) => daemonCanTake(worker.tags, this.store.jobs.get(id)!.tags));
      if (!jobId) continue;
      const job = this.store.jobs.get(jobId)!;
      const waited = this.store.now() - Date.parse(job.created_at);
      if (waited < MIN_STATE_MS) {
        retryIn = Math.min(retryIn, MIN_STATE_MS - waited);
        continue;
      }
      this.busy.set(worker.id, job.id);
      this.store.startJob(job.id, worker);
      const run = job.build_id
        ? runJob(this.store, this.clock, job, this.store.builds.get(job.build_id)!)
        : runTemplateImport(this.store, this.clock, job);
      void run
        .catch((err) => console.error("[sim] job failed unexpectedly:", err))
        .finally(() => {
          this.busy.delete(worker.id);
          this.store.releaseWorker(worker.id);
          this.schedulePump(0);
        });
    }
    if (retryIn < Number.POSITIVE_INFINITY) this.schedulePump(retryIn);
  }

  /** Starts or stops a random ambient workspace that is idle; now and then a template admin pushes a version. */
  private ambientTick(): void {
    if (this.rng.chance(IMPORT_CHANCE)) {
      const admin = [...this.store.users.values()].find((u) => u.admin);
      const template = this.rng.pick([...this.store.templates.values()]);
      if (admin && template)
        queueTemplateImport(this.store, {
          template,
          initiator: admin,
          // Some go to the EU provisioner, the rest to the untagged ones.
          tags: this.rng.chance(0.5) ? { ...UNTAGGED_JOB, region: "eu-west-1" } : { ...UNTAGGED_JOB },
          message: "Routine template update",
        });
    }
    const candidates = [...this.store.workspaces.values()].filter((w) => {
      if (!w.ambient || w.deleted || w.dormant_at) return false;
      const status = this.store.workspaceStatus(w);
      return status === "running" || status === "stopped" || status === "failed" || status === "canceled";
    });
    if (candidates.length === 0) return;
    const ws = this.rng.pick(candidates);
    const owner = this.store.users.get(ws.owner_id)!;
    const transition = this.store.workspaceStatus(ws) === "running" ? "stop" : "start";
    this.store.createBuild(
      ws,
      { transition, reason: transition === "start" ? "autostart" : "autostop" },
      owner,
      this.nextOutcome(ws.id),
    );
  }
}
