// Following logs into LogStores for as long as they are shown. Each build/agent id gets its own
// store, so a new build swaps the log pane's source without a reload; drops resume with
// `after=<last id>` inside followBuildLogs / followAgentLogs, and a retry keeps what arrived.
import { useEffect, useMemo, useRef, useState } from "react";
import { followAgentLogs, followBuildLogs, type LogStreamState } from "../../../api/logStreams";
import type { WorkspaceAgent } from "../../../api/types";
import { LogStore } from "../../../lib/logs/store";

export interface FollowedLog {
  store: LogStore;
  state: LogStreamState;
  error: string | null;
  /** Follows again after the stream gave up (a 4xx answer). */
  retry: () => void;
}

interface StreamStatus {
  store: LogStore;
  state: LogStreamState;
  error: string | null;
}

/** The provisioner log of a build: backlog, then live lines until the job completes. */
export function useBuildLog(buildId: string | undefined): FollowedLog {
  const [attempt, setAttempt] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new log (buildId) needs a new store
  const store = useMemo(() => new LogStore("build"), [buildId]);
  const [status, setStatus] = useState<StreamStatus>({ store, state: "connecting", error: null });

  useEffect(() => {
    if (!buildId) return;
    const handle = followBuildLogs(buildId, {
      after: store.lastId ?? 0,
      onLogs: (logs) => void store.appendBuildLogs(logs),
      onState: (state, error) => setStatus({ store, state, error: error ? error.message : null }),
    });
    return () => handle.close();
  }, [buildId, store, attempt]);

  const current = status.store === store ? status : { state: "connecting" as const, error: null };
  return { store, state: current.state, error: current.error, retry: () => setAttempt((n) => n + 1) };
}

/**
 * Logs of every agent of the latest build, by agent id, one tab per log source. Each stream ends
 * by itself (1000) once its agent is no longer in the latest build.
 */
export function useAgentLogs(
  agents: readonly Pick<WorkspaceAgent, "id" | "log_sources">[],
): Record<string, FollowedLog> {
  const idsKey = agents.map((a) => a.id).join(",");
  const storesRef = useRef(new Map<string, LogStore>());
  const stores = useMemo(() => {
    const next = new Map<string, LogStore>();
    for (const id of idsKey ? idsKey.split(",") : []) next.set(id, storesRef.current.get(id) ?? new LogStore("agent"));
    storesRef.current = next;
    return next;
  }, [idsKey]);
  const [statuses, setStatuses] = useState<Record<string, StreamStatus>>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const handles = [...stores].map(([id, store]) =>
      followAgentLogs(id, {
        after: store.lastId ?? 0,
        onLogs: (logs) => void store.appendAgentLogs(logs),
        onState: (state, error) =>
          setStatuses((all) => ({ ...all, [id]: { store, state, error: error ? error.message : null } })),
      }),
    );
    return () => handles.forEach((h) => h.close());
  }, [stores, attempt]);

  // Sources come with every watch event (a new `agents` array each time); only a real change,
  // which `sourcesKey` captures, renames the tabs.
  const sourcesKey = agents
    .map((a) => a.log_sources.map((s) => `${s.id}:${s.display_name}:${s.icon}`).join("|"))
    .join("/");
  useEffect(() => {
    for (const agent of agents) stores.get(agent.id)?.setSources(agent.log_sources);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `sourcesKey` is what changes in `agents`
  }, [stores, sourcesKey]);

  const retry = () => setAttempt((n) => n + 1);
  const out: Record<string, FollowedLog> = {};
  for (const [id, store] of stores) {
    const status = statuses[id]?.store === store ? statuses[id] : undefined;
    out[id] = { store, state: status?.state ?? "connecting", error: status?.error ?? null, retry };
  }
  return out;
}
