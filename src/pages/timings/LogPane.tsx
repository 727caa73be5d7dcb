import { useEffect, useRef } from "react";
import { X } from "lucide-react";
import type { WorkspaceAgent } from "../../api/types";
import { useFollowedLog, type FollowedLog } from "../../hooks/useFollowedLog";
import { Button } from "../../components/Button";
import { LogViewer, type LogStore, type LogViewerHandle } from "../../components/LogViewer";

/** What a clicked bar opens: a place in the build log, or an agent's log (one source or all). */
export type LogTarget =
  | { kind: "build"; title: string; line: number | undefined }
  | { kind: "agent"; title: string; agent: WorkspaceAgent; sourceId: string | null };

export interface LogPaneProps {
  target: LogTarget;
  buildLog: FollowedLog;
  buildId: string;
  live: boolean;
  onClose: () => void;
}

/** The side pane beside the chart: the bar's logs without leaving the timings. */
export function LogPane({ target, buildLog, buildId, live, onClose }: LogPaneProps) {
  return (
    <aside
      aria-label={`Logs: ${target.title}`}
      data-testid="timings-log-pane"
      className="flex h-[36rem] min-w-0 flex-col overflow-hidden rounded-md border border-border bg-panel"
    >
      <header className="flex items-center gap-2 border-b border-border px-3 py-2">
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold text-text">{target.title}</h2>
          <p className="text-xs text-muted">
            {target.kind === "build"
              ? target.line
                ? `Build log from line ${target.line} (the first line at or after the bar's start)`
                : "Build log: no line at or after the bar's start yet"
              : target.sourceId
                ? `Agent ${target.agent.name} log, this script's source`
                : `Agent ${target.agent.name} log, all sources`}
          </p>
        </div>
        <Button size="sm" variant="ghost" aria-label="Close logs" onClick={onClose}>
          <X aria-hidden className="size-4" />
        </Button>
      </header>
      <div className="min-h-0 flex-1">
        {target.kind === "build" ? (
          <BuildLogAt
            store={buildLog.store}
            line={target.line}
            loading={buildLog.state === "connecting" && buildLog.store.length === 0}
            live={live}
            error={buildLog.state === "error" ? (buildLog.error ?? "The log stream failed") : null}
            buildId={buildId}
          />
        ) : (
          <AgentLog key={target.agent.id} agent={target.agent} sourceId={target.sourceId} />
        )}
      </div>
    </aside>
  );
}

function BuildLogAt({
  store,
  line,
  loading,
  live,
  error,
  buildId,
}: {
  store: LogStore;
  line: number | undefined;
  loading: boolean;
  live: boolean;
  error: string | null;
  buildId: string;
}) {
  const viewer = useRef<LogViewerHandle>(null);
  useEffect(() => {
    if (line !== undefined && !loading) viewer.current?.scrollToLine(line);
  }, [line, loading]);
  return (
    <LogViewer
      ref={viewer}
      source={store}
      label="Build log"
      loading={loading}
      live={live && line === undefined}
      error={error}
      permalinks={false}
      globalShortcuts={false}
      downloadUrl={`/api/v2/workspacebuilds/${encodeURIComponent(buildId)}/logs?format=text`}
      className="h-full"
    />
  );
}

function AgentLog({ agent, sourceId }: { agent: WorkspaceAgent; sourceId: string | null }) {
  const stream = useFollowedLog({ kind: "agent", id: agent.id, sources: agent.log_sources ?? [] });
  const viewer = useRef<LogViewerHandle>(null);
  useEffect(() => {
    viewer.current?.showSource(sourceId);
  }, [sourceId]);
  return (
    <LogViewer
      ref={viewer}
      source={stream.store}
      label={`Agent ${agent.name} logs`}
      loading={stream.state === "connecting" && stream.store.length === 0}
      live={stream.state === "live" || stream.state === "polling"}
      error={stream.state === "error" ? (stream.error ?? "The log stream failed") : null}
      initialSource={sourceId ?? undefined}
      className="h-full"
    />
  );
}
