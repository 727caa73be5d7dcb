import { useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { GitCompare } from "lucide-react";
import type { WorkspaceBuild } from "../../api/types";
import { buildPath } from "../../app/params";
import { Button } from "../../components/Button";
import { ErrorState } from "../../components/ErrorState";
import { StatusBadge } from "../../components/StatusBadge";
import {
  TimingsChart,
  TimingsEmpty,
  TimingsSkeleton,
  type ChartUrlState,
  type TimingBar,
  type TimingsEmptyReason,
  type UsualSize,
  type UsualTimes,
} from "../../components/TimingsChart";
import type { LivePhase, TimingTree } from "../../lib/timings";

export type TimingsContent =
  | { kind: "loading" }
  | { kind: "error"; error: unknown; onRetry: () => void }
  | { kind: "empty"; reason: TimingsEmptyReason }
  | { kind: "ready"; tree: TimingTree; live: boolean; phase: LivePhase };

export type CompareContent =
  | { kind: "none" }
  | { kind: "loading" }
  | { kind: "unavailable"; message: string }
  | { kind: "ready"; tree: TimingTree; label: string; buildNumber: number };

export interface TimingsViewProps {
  owner: string;
  workspaceName: string;
  build: WorkspaceBuild;
  content: TimingsContent;
  /** From `/buildinfo`, for the "no timings endpoint" message. */
  serverVersion?: string;
  compare: CompareContent;
  /** The raw `?compare=` value, for the compare control. */
  compareParam: string | null;
  onCompareChange: (value: string | null) => void;
  initialChartState: ChartUrlState;
  onChartStateChange: (state: ChartUrlState) => void;
  shareUrl: (state: ChartUrlState) => string;
  onSelectBar: (bar: TimingBar) => void;
  selectedId?: string;
  /** The logs of the selected bar, shown beside the chart. */
  logPane?: ReactNode;
  /** Usual times from earlier builds ("Slower than usual"). */
  usual?: UsualTimes;
  usualSize?: UsualSize;
}

const PHASE_TEXT: Record<LivePhase, string> = {
  queued: "Queued: waiting for a provisioner",
  provisioning: "Provisioning: stage bars come from the build log until the job writes its timings",
  agents: "The job succeeded; the agent is connecting and running its start scripts",
  done: "",
};

export function TimingsView(props: TimingsViewProps) {
  const { owner, workspaceName, build, content, compare } = props;
  const label = `#${build.build_number}`;
  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <p className="text-sm text-muted">
            <Link to={buildPath(owner, workspaceName, build.build_number)} className="hover:text-text hover:underline">
              {owner}/{workspaceName} · build {label}
            </Link>
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-xl font-semibold text-text">
            Timings
            <StatusBadge kind="job" value={build.job.status} size="sm" variant="plain" />
            <span className="text-sm font-normal text-muted">{build.transition}</span>
          </h1>
          {content.kind === "ready" && content.live && (
            <p className="mt-1 text-xs text-progress">{PHASE_TEXT[content.phase]}</p>
          )}
        </div>
        <CompareControl value={props.compareParam} onChange={props.onCompareChange} />
      </header>

      {compare.kind === "loading" && (
        <p className="text-xs text-muted" role="status">
          Loading the build to compare with…
        </p>
      )}
      {compare.kind === "unavailable" && (
        <p className="rounded-md border border-attention/40 bg-attention/10 px-3 py-2 text-sm text-text" role="status">
          {compare.message}
        </p>
      )}

      {content.kind === "loading" && <TimingsSkeleton />}
      {content.kind === "error" && (
        <ErrorState error={content.error} title="Could not load the timings" onRetry={content.onRetry} />
      )}
      {content.kind === "empty" && <TimingsEmpty reason={content.reason} serverVersion={props.serverVersion} />}
      {content.kind === "ready" && (
        <div
          className={
            props.logPane
              ? "grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(24rem,32rem)]"
              : undefined
          }
        >
          <TimingsChart
            key={build.id}
            tree={content.tree}
            live={content.live}
            label={label}
            exportName={`${owner}-${workspaceName}-${build.build_number}-timings`}
            compare={compare.kind === "ready" ? { tree: compare.tree, label: compare.label } : undefined}
            initialState={props.initialChartState}
            onStateChange={props.onChartStateChange}
            shareUrl={props.shareUrl}
            onSelectBar={props.onSelectBar}
            selectedId={props.selectedId}
            compact={Boolean(props.logPane)}
            usual={props.usual}
            usualSize={props.usualSize}
          />
          {props.logPane}
        </div>
      )}
    </div>
  );
}

/** `?compare=prev` or a build number; clearing removes the parameter. */
function CompareControl({ value, onChange }: { value: string | null; onChange: (value: string | null) => void }) {
  const [number, setNumber] = useState(value && value !== "prev" ? value : "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = number.trim();
    onChange(n ? n : null);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2" aria-label="Compare with another build">
      <GitCompare aria-hidden className="size-4 text-muted" />
      <Button
        size="sm"
        variant={value === "prev" ? "primary" : "secondary"}
        aria-pressed={value === "prev"}
        onClick={() => onChange(value === "prev" ? null : "prev")}
      >
        Compare with previous
      </Button>
      <label className="flex items-center gap-1 text-xs text-muted">
        or build #
        <input
          inputMode="numeric"
          pattern="[0-9]*"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          className="h-7 w-16 rounded-md border border-border bg-panel px-2 text-sm text-text"
          aria-label="Build number to compare with"
        />
      </label>
      <Button size="sm" type="submit">
        Compare
      </Button>
      {value && (
        <Button size="sm" variant="ghost" onClick={() => onChange(null)}>
          Clear
        </Button>
      )}
    </form>
  );
}
