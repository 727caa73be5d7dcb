import { useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { appHostQuery } from "../../../api/queries";
import type { AgentScriptTiming, Workspace, WorkspaceAgent } from "../../../api/types";
import { LogViewer } from "../../../components/LogViewer";
import { StatusBadge } from "../../../components/StatusBadge";
import { agentsOf } from "../../../lib/timings";
import { agentReadiness, startScriptProgress } from "../../../lib/workspace/readiness";
import type { FollowedLog } from "../../../hooks/useFollowedLog";
import { Apps } from "./Apps";
import { Connect } from "./Connect";

export interface AgentsProps {
  workspace: Workspace;
  scriptTimings: readonly AgentScriptTiming[] | undefined;
  logs: Record<string, FollowedLog>;
  appOrigin: string;
}

/** Each agent of the latest build: connection and lifecycle, platform, latency, apps and its logs. */
export function Agents({ workspace, scriptTimings, logs, appOrigin }: AgentsProps) {
  const agents = agentsOf(workspace.latest_build);
  if (agents.length === 0) return null;
  return (
    <section aria-labelledby="agents-title" className="flex flex-col gap-3">
      <h2 id="agents-title" className="text-sm font-semibold text-text">
        {agents.length === 1 ? "Agent" : `Agents (${agents.length})`}
      </h2>
      {agents.map((agent) => (
        <AgentCard
          key={agent.id}
          workspace={workspace}
          agent={agent}
          scriptTimings={scriptTimings}
          log={logs[agent.id]}
          appOrigin={appOrigin}
        />
      ))}
    </section>
  );
}

function latencyText(agent: WorkspaceAgent): string | undefined {
  const regions = Object.entries(agent.latency ?? {});
  if (regions.length === 0) return undefined;
  const [region, best] =
    regions.find(([, l]) => l.preferred) ?? regions.sort(([, a], [, b]) => a.latency_ms - b.latency_ms)[0];
  return `${Math.round(best.latency_ms)} ms (${region})`;
}

const SCRIPT_WARNINGS: Record<string, string> = {
  starting: "Startup scripts are still running. You can connect already, but some tools may not be installed yet.",
  start_error: "A startup script failed. The workspace may be missing tools; check the agent logs.",
  start_timeout:
    "Startup scripts took longer than allowed. The workspace may not be fully set up; check the agent logs.",
};

function AgentCard({
  workspace,
  agent,
  scriptTimings,
  log,
  appOrigin,
}: {
  workspace: Workspace;
  agent: WorkspaceAgent;
  scriptTimings: readonly AgentScriptTiming[] | undefined;
  log: FollowedLog | undefined;
  appOrigin: string;
}) {
  const appHost = useQuery(appHostQuery());
  const readiness = agentReadiness(agent, scriptTimings);
  const scripts = startScriptProgress(agent, scriptTimings);
  const latency = latencyText(agent);
  const warning = agent.status === "connected" ? SCRIPT_WARNINGS[agent.lifecycle_state] : undefined;
  return (
    <article
      aria-label={`Agent ${agent.name}`}
      data-testid="agent"
      data-agent-lifecycle={agent.lifecycle_state}
      data-agent-status={agent.status}
      className="rounded-md border border-border bg-panel"
    >
      <div className="flex flex-col gap-3 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-mono text-sm font-semibold text-text">{agent.name}</h3>
          <StatusBadge kind="agentStatus" value={agent.status} size="sm" variant="plain" />
          <StatusBadge kind="agentLifecycle" value={agent.lifecycle_state} size="sm" variant="plain" />
          {scripts.total > 0 && !readiness.settled && (
            <span className="text-xs text-muted" data-testid="agent-scripts">
              scripts {scripts.done}/{scripts.total}
            </span>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4">
          <Fact label="OS / arch" value={`${agent.operating_system} / ${agent.architecture}`} />
          <Fact label="Version" value={agent.version || "—"} mono />
          <Fact label="Latency" value={latency ?? "—"} />
          <Fact label="Directory" value={agent.expanded_directory || agent.directory || "—"} mono />
        </dl>
        {warning && (
          <p className="flex items-start gap-1.5 rounded-md border border-attention/30 bg-attention/5 px-2.5 py-1.5 text-sm text-text">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-attention" />
            {warning}
          </p>
        )}
        {!agent.health.healthy && agent.health.reason && agent.status === "connected" && (
          <p className="text-xs text-muted">Health: {agent.health.reason}</p>
        )}
        <Connect workspace={workspace} agent={agent} origin={appOrigin} />
        <Apps
          apps={agent.apps}
          link={{
            owner: workspace.owner_name,
            workspace: workspace.name,
            agent: agent.name,
            origin: appOrigin,
            appHost: appHost.data?.host,
          }}
        />
      </div>
      {log && (
        <div className="border-t border-border">
          <h4 className="sr-only">Agent logs of {agent.name}</h4>
          <div data-testid="agent-log" data-stream-state={log.state} className="h-[300px]">
            <LogViewer
              source={log.store}
              label={`Agent logs of ${agent.name}`}
              live={log.state !== "done" && log.state !== "error"}
              loading={log.store.length === 0 && log.state === "connecting"}
              error={log.state === "error" ? (log.error ?? "The agent log stream failed.") : null}
              onRetry={log.retry}
              truncated={agent.logs_overflowed}
              downloadName={`${workspace.name}-${agent.name}.log`}
              className="h-full"
            />
          </div>
        </div>
      )}
    </article>
  );
}

function Fact({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-muted">{label}</dt>
      <dd className={mono ? "truncate font-mono text-text" : "truncate text-text"} title={value}>
        {value}
      </dd>
    </div>
  );
}
