import type { ReactNode } from "react";
import { ChartGantt, Hourglass, ServerOff } from "lucide-react";
import { EmptyState } from "../EmptyState";
import { Skeleton } from "../Skeleton";
import { unsupportedTimingsCopy } from "../../lib/timings/unsupported";

export type TimingsEmptyReason = "queued" | "no-timings" | "unsupported" | "failed";

const COPY: Record<TimingsEmptyReason, { title: string; description: string; icon: typeof ChartGantt }> = {
  queued: {
    title: "Waiting for a provisioner",
    description: "The build is queued. Bars appear as soon as a provisioner picks the job up.",
    icon: Hourglass,
  },
  "no-timings": {
    title: "No timings for this build",
    description:
      "Coder writes provisioner timings when a job completes; this build recorded none (failed or canceled before any stage ran, or built by an older release).",
    icon: ChartGantt,
  },
  unsupported: {
    title: "This Coder server does not report timings",
    description: "The timings endpoint answered 404.",
    icon: ServerOff,
  },
  failed: {
    title: "No timings: the build failed",
    description: "Coder writes no provisioner timings for a failed job, and no log stage was recorded to draw from.",
    icon: ChartGantt,
  },
};

export function TimingsEmpty({
  reason,
  action,
  serverVersion,
}: {
  reason: TimingsEmptyReason;
  action?: ReactNode;
  /** From `/buildinfo`: the server's age is only blamed when it is known to be too old. */
  serverVersion?: string;
}) {
  const c = reason === "unsupported" ? { ...COPY.unsupported, ...unsupportedTimingsCopy(serverVersion) } : COPY[reason];
  return <EmptyState title={c.title} description={c.description} icon={c.icon} action={action} />;
}

/** Chart-shaped placeholder: toolbar, axis and a few bars, so nothing jumps when data arrives. */
export function TimingsSkeleton() {
  return (
    <div role="status" aria-label="Loading timings" className="flex flex-col gap-3">
      <div className="flex gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-24" />
      </div>
      <div className="rounded-md border border-border bg-panel p-3">
        {[
          [0, 20],
          [20, 35],
          [55, 8],
          [63, 30],
          [70, 25],
          [93, 7],
        ].map(([left, width], i) => (
          <div key={i} className="flex h-7 items-center gap-3">
            <Skeleton className="h-3 w-32" />
            <span className="relative h-3 flex-1">
              <span className="absolute inset-y-0 block" style={{ left: `${left}%`, width: `${width}%` }}>
                <Skeleton className="h-3 w-full" />
              </span>
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
