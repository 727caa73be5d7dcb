import { Check, TriangleAlert } from "lucide-react";
import type { WorkspaceBuild } from "../../../api/types";
import { cx } from "../../../components/cx";
import { Duration } from "../../../components/Duration";
import { StatusBadge } from "../../../components/StatusBadge";
import type { LogStore } from "../../../lib/logs/store";
import {
  BUILD_STEPS,
  buildProgress,
  estimateText,
  provisionerWarning,
  queueText,
  typicalDurationMs,
} from "../../../lib/workspace/progress";
import type { WorkspaceReadiness } from "../../../lib/workspace/readiness";
import { useLogStoreSnapshot } from "../../../components/LogViewer";

export interface BuildProgressProps {
  build: WorkspaceBuild;
  /** Past builds of this workspace, for the "usually ~2m 10s" estimate. */
  history: readonly WorkspaceBuild[] | undefined;
  log: LogStore;
  readiness: WorkspaceReadiness;
}

/** Distinct stage names of the log, in order, joined so the snapshot is a comparable string. */
const stagesOf = (store: LogStore) => store.groups.map((g) => g.key).join("\u0000");

/**
 * What a build in flight is doing: its place in the queue, then the step under way with elapsed
 * time and the usual duration, then (after the job) the agent starting up. Nothing once settled.
 */
export function BuildProgress({ build, history, log, readiness }: BuildProgressProps) {
  const joined = useLogStoreSnapshot(log, stagesOf);
  const progress = buildProgress(build, joined ? joined.split("\u0000") : []);
  if (!progress.step) return null;
  const job = build.job;
  const queue = queueText(job);
  const warning = provisionerWarning(build);
  const estimate = estimateText(typicalDurationMs(history ?? [], build.transition, build.id));
  const currentIndex = BUILD_STEPS.findIndex((s) => s.id === progress.step);
  const agentsOnly = progress.step === "agents";

  return (
    <section
      aria-labelledby="build-progress-title"
      data-testid="build-progress"
      className="rounded-md border border-progress/30 bg-progress/5 p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 id="build-progress-title" className="flex flex-wrap items-center gap-2 text-sm font-semibold text-text">
          <StatusBadge
            kind="job"
            value={job.status}
            size="sm"
            variant="plain"
            label={job.status === "pending" ? "Queued" : undefined}
          />
          <span>
            Build #{build.build_number} · {build.transition}
          </span>
        </h2>
        <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
          {job.status === "pending" ? (
            <>
              <span>waiting</span>
              <Duration start={job.created_at} />
            </>
          ) : agentsOnly ? (
            <span>
              provisioned in <Duration start={job.started_at} end={job.completed_at} />
            </span>
          ) : (
            <>
              <Duration start={job.started_at} className="text-text" />
              <span>elapsed</span>
            </>
          )}
          {estimate && !agentsOnly && (
            <>
              <span aria-hidden>·</span>
              <span data-testid="build-estimate">{estimate}</span>
            </>
          )}
        </p>
      </div>

      <ol aria-label="Build steps" className="mt-3 flex flex-wrap items-center gap-1">
        {BUILD_STEPS.filter((s) => s.id !== "agents" || build.transition === "start").map((step, index) => {
          const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "upcoming";
          return (
            <li
              key={step.id}
              aria-current={state === "current" ? "step" : undefined}
              className="flex items-center gap-1"
            >
              {index > 0 && (
                <span
                  aria-hidden
                  className={cx("hidden h-px w-6 sm:block", state === "upcoming" ? "bg-border" : "bg-progress/60")}
                />
              )}
              <span
                className={cx(
                  "inline-flex h-6 items-center gap-1 rounded-full border px-2 text-xs",
                  state === "done" && "border-progress/30 text-muted",
                  state === "current" && "border-progress bg-progress/10 font-semibold text-progress",
                  state === "upcoming" && "border-border text-muted",
                )}
              >
                {state === "done" && <Check aria-hidden className="size-3" />}
                {state === "current" && (
                  <span aria-hidden className="size-1.5 rounded-full bg-progress motion-safe:animate-pulse" />
                )}
                {step.label}
                <span className="sr-only">
                  {state === "done" ? " (done)" : state === "current" ? " (in progress)" : ""}
                </span>
              </span>
            </li>
          );
        })}
      </ol>

      <p className="mt-3 text-sm text-text" data-testid="build-progress-detail">
        {job.status === "pending"
          ? (queue ?? "Waiting for a provisioner to pick the build up.")
          : agentsOnly
            ? `Provisioning finished · ${readiness.label.replace(/^Running · /, "")}`
            : job.status === "canceling"
              ? "Canceling: the provisioner is stopping the job."
              : (progress.logStage ?? "Starting the provisioner…")}
      </p>
      {warning && (
        <p className="mt-2 flex items-start gap-1.5 text-sm text-attention">
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {warning}
        </p>
      )}
    </section>
  );
}
