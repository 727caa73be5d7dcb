import { TriangleAlert } from "lucide-react";
import type { ProvisionerDaemon } from "../../api/types";
import { Duration } from "../../components/Duration";
import { RelativeTime } from "../../components/RelativeTime";
import type { PendingBuild } from "./model/now";
import { whyWaiting } from "./model/waiting";

/** Why a queued job has not started, by the organization's daemons and Coder's tag rule. */
export function WaitReasonText({ job, daemons }: { job: PendingBuild; daemons: readonly ProvisionerDaemon[] }) {
  const reason = whyWaiting(job.tags, daemons);
  const attention = "inline-flex items-center gap-1 font-medium text-attention";
  switch (reason.kind) {
    case "missing-tags":
      return (
        <span data-testid="wait-reason" className={attention}>
          <TriangleAlert aria-hidden className="size-3" />
          no provisioner offers{" "}
          {reason.tags.map((t, i) => (
            <span key={t}>
              {i > 0 && ", "}
              <code className="font-mono">{t}</code>
            </span>
          ))}
        </span>
      );
    case "no-single-daemon":
      return (
        <span data-testid="wait-reason" className={attention}>
          no single provisioner offers all its tags
        </span>
      );
    case "offline":
      return (
        <span data-testid="wait-reason" className={attention}>
          only {reason.names.join(", ")} could take it, and {reason.names.length === 1 ? "it is" : "they are"} offline
          {reason.lastSeen && (
            <>
              {" "}
              (last seen <RelativeTime date={reason.lastSeen} />)
            </>
          )}
        </span>
      );
    case "busy":
      return (
        <span data-testid="wait-reason" className="font-medium text-text">
          all {reason.count} matching provisioner{reason.count === 1 ? " is" : "s are"} busy, for{" "}
          <Duration start={job.createdAt} className="text-text" />
        </span>
      );
    case "starting":
      return (
        <span data-testid="wait-reason" className="text-muted">
          a provisioner is free: starting
        </span>
      );
  }
}
