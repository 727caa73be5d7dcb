// The one way a page follows a log into a LogStore: a build's provisioner log or an agent's log,
// each id with its own store (a new build swaps the viewer's source without a reload), resumed
// with `after=<last id>` inside the follow, deduplicated by id in the store, kept while a retry
// follows again. A completed build is read once; a live one is followed until its job ends.
import { useEffect, useMemo, useRef, useState } from "react";
import { LogStore } from "../lib/logs/store";
import { followAgentLogs, followBuildLogs, type LogStreamHandle, type LogStreamState } from "../api/logStreams";
import { adoptEarlyLog, earlyLogStore } from "./earlyLogs";
import type { WorkspaceAgentLogSource } from "../api/types";

export type LogSource =
  | {
      kind: "build";
      id: string | undefined;
      /** The build's job has completed: no more lines will come. */
      complete: boolean;
    }
  | {
      kind: "agent";
      id: string | undefined;
      /** Names the viewer's tabs (they arrive with the agent, before its first line). */
      sources?: readonly Pick<WorkspaceAgentLogSource, "id" | "display_name" | "icon">[];
    };

export interface FollowedLog {
  store: LogStore;
  state: LogStreamState;
  error: string | null;
  /** Follows again after the stream gave up (a 4xx answer); lines already received stay. */
  retry: () => void;
}

interface Status {
  store: LogStore;
  state: LogStreamState;
  error: string | null;
}

type OnState = (state: LogStreamState, error?: { message: string }) => void;

function follow(source: LogSource, id: string, store: LogStore, onState: OnState): LogStreamHandle {
  const common = { after: store.lastId ?? 0, onState };
  return source.kind === "build"
    ? followBuildLogs(id, { ...common, complete: source.complete, onLogs: (logs) => void store.appendBuildLogs(logs) })
    : followAgentLogs(id, { ...common, onLogs: (logs) => void store.appendAgentLogs(logs) });
}

/** Source names change identity with every watch event; only a real change renames tabs. */
const sourcesKey = (source: LogSource) =>
  source.kind === "agent" ? (source.sources ?? []).map((s) => `${s.id}:${s.display_name}:${s.icon}`).join("|") : "";

/** One log, followed while mounted. */
export function useFollowedLog(source: LogSource): FollowedLog {
  const { kind, id } = source;
  const complete = source.kind === "build" && source.complete;
  // A new log (id) gets a new store: the one an early follow filled, or an empty one.
  const store = useMemo(
    () => (kind === "build" && id ? earlyLogStore(id) : undefined) ?? new LogStore(kind),
    [kind, id],
  );
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<Status>({ store, state: "connecting", error: null });
  const latest = useRef(source);
  latest.current = source;
  const handle = useRef<LogStreamHandle | null>(null);

  useEffect(() => {
    if (!id) return;
    const onState: OnState = (state, error) => setStatus({ store, state, error: error ? error.message : null });
    const adopted = kind === "build" ? adoptEarlyLog(id, store, onState) : undefined;
    if (adopted) onState(adopted.state, adopted.error);
    const h = adopted?.handle ?? follow(latest.current, id, store, onState);
    handle.current = h;
    return () => {
      h.close();
      if (handle.current === h) handle.current = null;
    };
  }, [kind, id, store, attempt]);

  useEffect(() => {
    if (complete) handle.current?.complete();
  }, [complete, store, attempt]);

  const names = sourcesKey(source);
  useEffect(() => {
    if (latest.current.kind === "agent") store.setSources(latest.current.sources ?? []);
  }, [store, names]);

  const current = status.store === store ? status : { state: "connecting" as const, error: null };
  return { store, state: current.state, error: current.error, retry: () => setAttempt((n) => n + 1) };
}

/** Several logs at once (every agent of a build), by id; stores survive while their id stays. */
export function useFollowedLogs(sources: readonly LogSource[]): Record<string, FollowedLog> {
  const idsKey = sources.map((s) => `${s.kind}:${s.id ?? ""}`).join(",");
  const storesRef = useRef(new Map<string, LogStore>());
  const latest = useRef(sources);
  latest.current = sources;
  const stores = useMemo(() => {
    const next = new Map<string, LogStore>();
    for (const source of latest.current) {
      if (source.id) next.set(source.id, storesRef.current.get(source.id) ?? new LogStore(source.kind));
    }
    storesRef.current = next;
    return next;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the set of ids, not the array's identity, decides the stores
  }, [idsKey]);
  const [statuses, setStatuses] = useState<Record<string, Status>>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const handles = latest.current.flatMap((source) => {
      const store = source.id ? stores.get(source.id) : undefined;
      if (!source.id || !store) return [];
      const id = source.id;
      return [
        follow(source, id, store, (state, error) =>
          setStatuses((all) => ({ ...all, [id]: { store, state, error: error ? error.message : null } })),
        ),
      ];
    });
    return () => handles.forEach((h) => h.close());
  }, [stores, attempt]);

  const names = sources.map(sourcesKey).join("/");
  useEffect(() => {
    for (const source of latest.current) {
      if (source.kind === "agent" && source.id) stores.get(source.id)?.setSources(source.sources ?? []);
    }
  }, [stores, names]);

  const retry = () => setAttempt((n) => n + 1);
  const out: Record<string, FollowedLog> = {};
  for (const [id, store] of stores) {
    const status = statuses[id]?.store === store ? statuses[id] : undefined;
    out[id] = { store, state: status?.state ?? "connecting", error: status?.error ?? null, retry };
  }
  return out;
}
