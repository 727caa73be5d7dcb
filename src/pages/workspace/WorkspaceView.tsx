import type { ReactNode } from "react";
import { Link } from "react-router";
import { History, Play, Square } from "lucide-react";
import type { Workspace, WorkspaceAgent } from "../../api/types";
import { buildHistoryPath, buildPath } from "../../app/params";
import { Button, buttonClasses } from "../../components/Button";
import { Duration } from "../../components/Duration";
import { LiveIndicator, type LiveState } from "../../components/LiveIndicator";
import { RelativeTime } from "../../components/RelativeTime";
import { StatusBadge } from "../../components/StatusBadge";

export interface WorkspaceViewProps {
  workspace: Workspace;
  live: LiveState;
  deleted: boolean;
  onStart: () => void;
  onStop: () => void;
  pending: "start" | "stop" | null;
}

const CAN_START = new Set(["stopped", "failed", "canceled"]);
const CAN_STOP = new Set(["running", "failed"]);

export function WorkspaceView({ workspace, live, deleted, onStart, onStop, pending }: WorkspaceViewProps) {
  const build = workspace.latest_build;
  const agents = build.resources.flatMap((r) => r.agents ?? []);
  const status = build.status;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6 p-4 sm:p-6">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm text-muted">
            <Link to="/workspaces" className="hover:text-text hover:underline">
              Workspaces
            </Link>{" "}
            / {workspace.owner_name}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <h1 className="truncate text-xl font-semibold text-text">{workspace.name}</h1>
            <StatusBadge kind="workspace" value={status} />
            {workspace.outdated && <StatusBadge kind="flag" value="outdated" size="sm" />}
            {workspace.dormant_at && <StatusBadge kind="flag" value="dormant" size="sm" />}
            {!deleted && <LiveIndicator state={live} />}
          </div>
          <p className="mt-1 text-sm text-muted">
            {workspace.template_display_name || workspace.template_name} · version {build.template_version_name}
          </p>
        </div>
        {!deleted && (
          <div className="flex gap-2">
            {CAN_START.has(status) && (
              <Button variant="primary" onClick={onStart} loading={pending === "start"} disabled={pending !== null}>
                <Play aria-hidden className="size-3.5" />
                Start
              </Button>
            )}
            {CAN_STOP.has(status) && (
              <Button onClick={onStop} loading={pending === "stop"} disabled={pending !== null}>
                <Square aria-hidden className="size-3.5" />
                Stop
              </Button>
            )}
          </div>
        )}
      </header>

      {deleted && (
        <p role="status" className="rounded-md border border-border bg-raised px-3 py-2 text-sm text-text">
          This workspace was deleted. Its build history is still available.
        </p>
      )}

      <section aria-labelledby="latest-build" className="rounded-md border border-border bg-panel">
        <div className="flex items-center justify-between border-b border-border px-4 py-2">
          <h2 id="latest-build" className="text-sm font-semibold text-text">
            Latest build
          </h2>
          <Link to={buildHistoryPath(workspace.owner_name, workspace.name)} className={buttonClasses({ variant: "ghost", size: "sm" })}>
            <History aria-hidden className="size-3.5" />
            Build history
          </Link>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 px-4 py-3 text-sm sm:grid-cols-4">
          <Field label="Build">
            <Link to={buildPath(workspace.owner_name, workspace.name, build.build_number)} className="font-medium text-accent hover:underline">
              #{build.build_number} {build.transition}
            </Link>
          </Field>
          <Field label="Status">
            <StatusBadge kind="job" value={build.job.status} variant="plain" size="sm" />
          </Field>
          <Field label="Started">
            <RelativeTime date={build.job.started_at ?? build.created_at} />
          </Field>
          <Field label="Duration">
            <Duration start={build.job.started_at} end={build.job.completed_at} />
          </Field>
          <Field label="Initiated by">{build.initiator_name}</Field>
          <Field label="Reason">{build.reason}</Field>
          {build.job.error && (
            <div className="col-span-2 sm:col-span-4">
              <dt className="text-xs text-muted">Error</dt>
              <dd className="mt-0.5 break-words font-mono text-xs text-failure">
                {build.job.error_code && <span className="mr-2 font-semibold">{build.job.error_code}</span>}
                {build.job.error}
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="agents" className="rounded-md border border-border bg-panel">
        <h2 id="agents" className="border-b border-border px-4 py-2 text-sm font-semibold text-text">
          Agents
        </h2>
        {agents.length === 0 ? (
          <p className="px-4 py-3 text-sm text-muted">No agents: the workspace has no running resources.</p>
        ) : (
          <ul className="divide-y divide-border">
            {agents.map((agent) => (
              <AgentRow key={agent.id} agent={agent} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 truncate text-text">{children}</dd>
    </div>
  );
}

function AgentRow({ agent }: { agent: WorkspaceAgent }) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
      <span className="font-mono font-medium text-text">{agent.name}</span>
      <StatusBadge kind="agentStatus" value={agent.status} size="sm" variant="plain" />
      <StatusBadge kind="agentLifecycle" value={agent.lifecycle_state} size="sm" variant="plain" />
      <span className="text-xs text-muted">
        {agent.operating_system}/{agent.architecture}
      </span>
      {agent.apps.length > 0 && <span className="text-xs text-muted">{agent.apps.length} apps</span>}
    </li>
  );
}
