// Streams a build's provisioner log, or one agent's log, into a LogStore for as long as the page
// shows it. A finished build's stream sends the backlog and closes (1000), so the same code serves
// live and finished builds; drops resume with `after=<last id>` inside the stream helpers.
import { useEffect, useMemo, useState } from "react";
import { followAgentLogs, followBuildLogs, type LogStreamState } from "../../api/logStreams";
import type { WorkspaceAgentLogSource } from "../../api/types";
import { LogStore } from "../../lib/logs/store";

export interface FollowedLog {
  store: LogStore;
  state: LogStreamState;
  error: string | null;
  /** Follow again after the stream gave up; lines already received stay. */
  retry: () => void;
}

interface Status {
  store: LogStore;
  state: LogStreamState;
  error: string | null;
}

function useFollow(kind: "build" | "agent", id: string | undefined): FollowedLog {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new log (id) needs a new store
  const store = useMemo(() => new LogStore(kind), [kind, id]);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ store, state: "connecting", error: null });

  useEffect(() => {
    if (!id) return;
    const options = {
      after: store.lastId ?? 0,
      onState: (state: LogStreamState, error?: { message: string }) =>
        setStatus({ store, state, error: error ? error.message : null }),
    };
    const handle =
      kind === "build"
        ? followBuildLogs(id, { ...options, onLogs: (logs) => void store.appendBuildLogs(logs) })
        : followAgentLogs(id, { ...options, onLogs: (logs) => void store.appendAgentLogs(logs) });
    return () => handle.close();
  }, [kind, id, store, attempt]);

  const current = status.store === store ? status : { state: "connecting" as const, error: null };
  return { store, state: current.state, error: current.error, retry: () => setAttempt((n) => n + 1) };
}

export function useBuildLog(buildId: string | undefined): FollowedLog {
  return useFollow("build", buildId);
}

/** One agent's log; its sources name the viewer's tabs. */
export function useAgentLog(agentId: string | undefined, sources: readonly WorkspaceAgentLogSource[]): FollowedLog {
  const log = useFollow("agent", agentId);
  // A new `log_sources` array arrives with every watch event; only a real change renames tabs.
  const sourcesKey = sources.map((s) => `${s.id}:${s.display_name}:${s.icon}`).join("|");
  useEffect(() => {
    log.store.setSources(sources);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `sourcesKey` is what changes in `sources`
  }, [log.store, sourcesKey]);
  return log;
}
