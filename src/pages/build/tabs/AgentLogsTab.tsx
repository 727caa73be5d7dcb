import { useState } from "react";
import { Bot } from "lucide-react";
import type { WorkspaceAgent, WorkspaceBuild } from "../../../api/types";
import { useFollowedLog } from "../../../hooks/useFollowedLog";
import { PollingNote } from "./PollingNote";
import { cx } from "../../../components/cx";
import { EmptyState } from "../../../components/EmptyState";
import { LogViewer } from "../../../components/LogViewer";
import { StatusBadge } from "../../../components/StatusBadge";

function agentsOf(build: WorkspaceBuild): WorkspaceAgent[] {
  return (build.resources ?? []).flatMap((r) => r.agents ?? []);
}

function AgentLog({ agent }: { agent: WorkspaceAgent }) {
  const log = useFollowedLog({ kind: "agent", id: agent.id, sources: agent.log_sources ?? [] });
  const live = log.state === "live" || log.state === "polling" || log.state === "reconnecting";
  return (
    <div data-testid="agent-log" data-stream-state={log.state} className="flex h-[65vh] min-h-80 flex-col gap-1">
      <PollingNote state={log.state} />
      <LogViewer
        source={log.store}
        label={`Agent ${agent.name} logs`}
        loading={log.state === "connecting" && log.store.length === 0}
        live={live}
        error={log.state === "error" ? (log.error ?? "The log stream failed.") : null}
        onRetry={log.retry}
        truncated={agent.logs_overflowed}
        downloadName={`${agent.name}.log`}
        className="min-h-0 flex-1"
      />
    </div>
  );
}

/** One agent at a time (each its own stream), its sources as the viewer's tabs. */
export function AgentLogsTab({ build }: { build: WorkspaceBuild }) {
  const agents = agentsOf(build);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const agent = agents.find((a) => a.id === selected) ?? agents[0];
  if (!agent) {
    return (
      <EmptyState
        icon={Bot}
        title="No agents in this build"
        description={
          build.transition === "start"
            ? "This build created no agent (yet)."
            : `A ${build.transition} build runs no agent.`
        }
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {agents.length > 1 && (
        <div role="group" aria-label="Agent" className="flex flex-wrap gap-2">
          {agents.map((a) => (
            <button
              key={a.id}
              type="button"
              aria-pressed={a.id === agent.id}
              onClick={() => setSelected(a.id)}
              className={cx(
                "inline-flex h-8 items-center gap-2 rounded-md border px-3 text-sm",
                a.id === agent.id
                  ? "border-accent bg-accent/10 text-text"
                  : "border-border bg-panel text-muted hover:text-text",
              )}
            >
              {a.name}
              <StatusBadge kind="agentLifecycle" value={a.lifecycle_state} size="sm" variant="plain" />
            </button>
          ))}
        </div>
      )}
      <AgentLog key={agent.id} agent={agent} />
    </div>
  );
}
