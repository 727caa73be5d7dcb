import { useEffect, useMemo, useState } from "react";
import { followAgentLogs, followBuildLogs, type LogStreamState } from "../../api/logStreams";
import type { ProvisionerJobLog, WorkspaceAgent } from "../../api/types";
import { LogStore } from "../../components/LogViewer";

export interface BuildLogStream {
  /** For the viewer: appended in place, drawn once per frame. */
  store: LogStore;
  /** For the timings model (stage changes, bar → first line by time). */
  logs: ProvisionerJobLog[];
  state: LogStreamState;
  error?: string;
}

/** The build's provisioner log, followed until the job completes (a finished build's stream closes after its backlog). */
export function useBuildLogStream(buildId: string | undefined): BuildLogStream {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new log (buildId) needs a new store
  const store = useMemo(() => new LogStore("build"), [buildId]);
  const [result, setResult] = useState<{
    id?: string;
    logs: ProvisionerJobLog[];
    state: LogStreamState;
    error?: string;
  }>({ logs: [], state: "connecting" });
  useEffect(() => {
    if (!buildId) return;
    setResult({ id: buildId, logs: [], state: "connecting" });
    const handle = followBuildLogs(buildId, {
      onLogs: (batch) => {
        store.appendBuildLogs(batch);
        setResult((r) => ({ ...r, logs: r.logs.concat(batch) }));
      },
      onState: (state, error) => setResult((r) => ({ ...r, state, error: error?.message })),
    });
    return () => handle.close();
  }, [buildId, store]);
  const current = result.id === buildId ? result : { logs: [], state: "connecting" as const };
  return { store, ...current };
}

/** One agent's logs with its sources named, followed while the pane showing them is open. */
export function useAgentLogStream(agent: WorkspaceAgent | undefined): {
  store: LogStore;
  state: LogStreamState;
  error?: string;
} {
  const agentId = agent?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new log (agentId) needs a new store
  const store = useMemo(() => new LogStore("agent"), [agentId]);
  const [state, setState] = useState<{ id?: string; state: LogStreamState; error?: string }>({ state: "connecting" });
  useEffect(() => {
    if (agent) store.setSources(agent.log_sources ?? []);
  }, [agent, store]);
  useEffect(() => {
    if (!agentId) return;
    const handle = followAgentLogs(agentId, {
      onLogs: (batch) => store.appendAgentLogs(batch),
      onState: (next, error) => setState({ id: agentId, state: next, error: error?.message }),
    });
    return () => handle.close();
  }, [agentId, store]);
  return { store, ...(state.id === agentId ? state : { state: "connecting" as const }) };
}
