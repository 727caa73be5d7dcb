import type { JobErrorCode, ProvisionerJobLog, ProvisionerTiming, WorkspaceResource } from "../../api/types";
import { Invalid, PreconditionFailed } from "./errors";
import type { JobRecord } from "./records";
import type { StoreContext } from "./tables";

/**
 * Terminal state of a build job. Resources and provisioner timings arrive together with success,
 * as they do when a real provisioner completes a job; failures carry no timings.
 */
export type JobResult =
  | { status: "succeeded"; resources: WorkspaceResource[]; timings: ProvisionerTiming[]; state: string }
  | { status: "failed"; error: string; error_code?: JobErrorCode }
  | { status: "canceled" };

/** The provisioners' queue and the life of a job in it: queued, taken, logged, ended or canceled. */
export class Jobs {
  constructor(private readonly ctx: StoreContext) {}

  /** Adds a job; a pending one that is not held joins the queue. */
  insert(job: JobRecord): void {
    const { tables } = this.ctx;
    tables.jobs.set(job.id, job);
    this.ctx.ids.noteOrdinal(job.ordinal);
    if (job.status === "pending" && !job.hold) tables.queue.push(job.id);
  }

  /** Adds a new job and tells the provisioners, unless it is held. */
  enqueue(job: JobRecord): void {
    this.insert(job);
    if (!job.hold) this.ctx.emit({ kind: "job-queued", jobId: job.id });
  }

  queuePosition(job: JobRecord): { position: number; size: number } {
    const { queue } = this.ctx.tables;
    if (job.status !== "pending" || job.hold) return { position: 0, size: 0 };
    const i = queue.indexOf(job.id);
    return { position: i + 1, size: queue.length };
  }

  start(jobId: string, worker: { id: string; name: string }): void {
    const { tables } = this.ctx;
    const job = tables.jobs.get(jobId);
    if (!job || job.status !== "pending") return;
    const now = this.ctx.iso();
    job.status = "running";
    job.started_at = now;
    job.updated_at = now;
    job.worker_id = worker.id;
    job.worker_name = worker.name;
    this.dequeue(jobId);
    const daemon = tables.provisioners.find((p) => p.id === worker.id);
    if (daemon) daemon.current_job_id = jobId;
    if (!job.build_id) return;
    const build = tables.buildOfJob(job);
    build.updated_at = now;
    this.ctx.touchWorkspace(build.workspace_id);
  }

  /** The daemon is done with its job (whatever the outcome) and free for the next. */
  releaseWorker(workerId: string): void {
    const daemon = this.ctx.tables.provisioners.find((p) => p.id === workerId);
    if (!daemon?.current_job_id) return;
    daemon.previous_job_id = daemon.current_job_id;
    daemon.current_job_id = undefined;
  }

  appendLogs(jobId: string, lines: Array<Omit<ProvisionerJobLog, "id" | "created_at">>): void {
    const { tables } = this.ctx;
    const job = tables.jobs.get(jobId);
    if (!job) return;
    const logs = this.ctx.content(tables.buildOfJob(job)).logs;
    const created_at = this.ctx.iso();
    const base = job.ordinal * 1_000_000;
    const added = lines.map((l, i) => ({ id: base + logs.length + i + 1, created_at, ...l }));
    logs.push(...added);
    this.ctx.emit({ kind: "job-logs", jobId, logs: added });
  }

  finishBuild(jobId: string, result: JobResult): void {
    const { tables } = this.ctx;
    const job = tables.jobs.get(jobId);
    if (!job || job.completed_at) return;
    const build = tables.buildOfJob(job);
    const content = this.ctx.content(build);
    const nowMs = this.ctx.now();
    const now = this.ctx.iso(nowMs);
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
      tables.indexAgents(build, content);
      const ws = tables.workspaces.get(build.workspace_id)!;
      if (build.transition === "start" && ws.ttl_ms) build.deadline = this.ctx.iso(nowMs + ws.ttl_ms);
      build.daily_cost = result.resources.reduce((s, r) => s + r.daily_cost, 0);
    }
    this.settle(job);
  }

  /** A provisioner finished a template import (success, or the cancel it was asked for). */
  finishImport(jobId: string, status: "succeeded" | "canceled"): void {
    const job = this.ctx.tables.jobs.get(jobId);
    if (!job || job.completed_at || job.build_id) return;
    const now = this.ctx.iso();
    job.status = status;
    job.completed_at = now;
    job.updated_at = now;
    if (status === "canceled") job.error = "canceled";
    this.settle(job);
  }

  /**
   * Coder's cancel: refused once the job ended or was already canceled, or when it is no longer in
   * the status the caller saw. A pending job ends at once; a running one goes `canceling` until its
   * provisioner acknowledges.
   */
  cancel(job: JobRecord, expectStatus?: string): void {
    if (job.completed_at) throw new Invalid("Job has already completed!");
    if (job.canceled_at) throw new Invalid("Job has already been marked as canceled!");
    if (expectStatus !== undefined && job.status !== expectStatus) {
      throw new PreconditionFailed(
        "Job is not in the expected state.",
        `Expected status "${expectStatus}", got "${job.status}".`,
      );
    }
    const now = this.ctx.iso();
    job.canceled_at = now;
    job.updated_at = now;
    if (job.status === "pending") {
      // Never picked up: nothing to tell a provisioner, the job is canceled at once.
      job.status = "canceled";
      job.completed_at = now;
      if (!job.build_id) job.error = "canceled";
      this.dequeue(job.id);
      this.settle(job);
      return;
    }
    job.status = "canceling";
    this.ctx.emit({ kind: "job-cancel-requested", jobId: job.id });
    if (job.build_id) this.ctx.touchWorkspace(this.ctx.tables.buildOfJob(job).workspace_id);
  }

  /** The provisioner acknowledged a cancel request. */
  acknowledgeCancel(jobId: string): void {
    const job = this.ctx.tables.jobs.get(jobId);
    if (!job || job.status !== "canceling") return;
    const now = this.ctx.iso();
    job.status = "canceled";
    job.completed_at = now;
    job.updated_at = now;
    job.error = "canceled";
    this.settle(job);
  }

  private dequeue(jobId: string): void {
    const { tables } = this.ctx;
    const i = tables.queue.indexOf(jobId);
    if (i >= 0) tables.queue.splice(i, 1);
    // Everyone behind it moved up a place.
    for (const id of tables.queue) {
      const b = tables.jobs.get(id)?.build_id;
      const build = b ? tables.builds.get(b) : undefined;
      if (build) this.ctx.touchWorkspace(build.workspace_id);
    }
  }

  /** The job reached a terminal status: its build and workspace follow, and followers close. */
  private settle(job: JobRecord): void {
    if (!job.build_id) {
      this.ctx.emit({ kind: "job-done", jobId: job.id });
      return;
    }
    const { tables } = this.ctx;
    const build = tables.buildOfJob(job);
    build.updated_at = job.updated_at;
    const ws = tables.workspaces.get(build.workspace_id)!;
    if (build.transition === "delete" && job.status === "succeeded") ws.deleted = true;
    ws.updated_at = job.updated_at;
    this.ctx.emit({ kind: "job-done", jobId: job.id });
    this.ctx.touchWorkspace(ws.id);
  }
}
