// Live workspace updates. watch-ws first (it does not hold one of the browser's six HTTP/1.1
// connections), the SSE `/watch` when the server has no watch-ws (404). Every `data` event writes
// the workspace straight into the query cache; after a reconnect the cache is invalidated, because
// changes made while disconnected were never sent.
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { BackoffOptions } from "./retryPolicy";
import { notifyUnauthorized } from "./client";
import { invalidateWorkspace, setWorkspaceInCache } from "./cache";
import { keys } from "./keys";
import { announceStreamsRecovered, ResilientSocket } from "./resilientSocket";
import { createSseParser } from "./sse";
import { browserStreamEnv, httpUrl, type StreamEnv } from "./streamEnv";
import type { ApiErrorResponse, Workspace } from "./types";

export type WatchState = "connecting" | "live" | "reconnecting" | "offline";
export type WatchTransport = "ws" | "sse";

export interface WatchCallbacks {
  onWorkspace: (workspace: Workspace) => void;
  onState?: (state: WatchState) => void;
  /** The stream is back after a drop: anything could have changed meanwhile. */
  onReconnected?: () => void;
  /** The server sent an `error` event (a Coder Response). */
  onServerError?: (error: ApiErrorResponse) => void;
}

export interface WatchOptions {
  env?: StreamEnv;
  backoff?: BackoffOptions;
  /** Tests can start on SSE directly. */
  transport?: WatchTransport;
}

export interface WatchHandle {
  close(): void;
  readonly transport: WatchTransport;
}

/** `performance` mark set on every `data` message; the bench's latency hook (watchLatency.ts) measures from it. */
export const WATCH_MESSAGE_MARK = "workspace-watch:message";

/** Consecutive failures before "reconnecting" turns into "offline". */
const OFFLINE_AFTER_FAILURES = 3;
/** A server that answers HTTP but never upgrades watch-ws (e.g. a proxy without WebSockets) gets SSE after this many tries. */
const WS_REFUSALS_BEFORE_SSE = 3;

export function watchWorkspace(
  workspaceId: string,
  callbacks: WatchCallbacks,
  options: WatchOptions = {},
): WatchHandle {
  const env = options.env ?? browserStreamEnv();
  const wsPath = `/api/v2/workspaces/${encodeURIComponent(workspaceId)}/watch-ws`;
  const ssePath = `/api/v2/workspaces/${encodeURIComponent(workspaceId)}/watch`;
  let transport: WatchTransport = options.transport ?? "ws";
  let state: WatchState = "connecting";
  let everLive = false;
  let stopped = false;
  let wsRefusals = 0;
  let sseTimer: ReturnType<typeof setTimeout> | undefined;
  let sseAbort: AbortController | null = null;

  const setState = (next: WatchState) => {
    if (state === next) return;
    state = next;
    callbacks.onState?.(next);
  };

  const markLive = () => {
    if (state === "live") return;
    socket.backoff.reset();
    const wasReconnect = everLive;
    everLive = true;
    setState("live");
    if (wasReconnect) {
      callbacks.onReconnected?.();
      announceStreamsRecovered();
    }
  };

  const handle = (type: string, data: unknown) => {
    if (type === "ping") return markLive();
    if (type === "data" && data && typeof data === "object") {
      performance.mark(WATCH_MESSAGE_MARK);
      markLive();
      callbacks.onWorkspace(data as Workspace);
    } else if (type === "error" && data && typeof data === "object") {
      callbacks.onServerError?.(data as ApiErrorResponse);
    }
  };

  const retryLater = (delay = socket.backoff.next()) => {
    if (stopped) return;
    const offline =
      socket.backoff.failures >= OFFLINE_AFTER_FAILURES ||
      (typeof navigator !== "undefined" && navigator.onLine === false);
    setState(offline ? "offline" : everLive ? "reconnecting" : "connecting");
    clearTimeout(sseTimer);
    if (transport === "ws") socket.retryLater(delay);
    else sseTimer = setTimeout(connect, delay);
  };

  /** 401 and other 4xx answers will not change by retrying: stop and say offline. */
  const giveUp = (status: number) => {
    if (status === 401) notifyUnauthorized();
    stopped = true;
    socket.stop();
    setState("offline");
  };

  // A socket that never opened tells nothing about why; the same path over plain HTTP does.
  const probeWatchWs = async () => {
    let status: number;
    try {
      status = (await env.fetch(httpUrl(env, wsPath))).status;
    } catch {
      return retryLater();
    }
    if (stopped) return;
    if (status === 404) {
      transport = "sse";
      return connect();
    }
    if (status === 401 || status === 403 || status === 410) return giveUp(status);
    if (++wsRefusals >= WS_REFUSALS_BEFORE_SSE) transport = "sse";
    retryLater();
  };

  const socket = new ResilientSocket(
    env,
    {
      path: () => wsPath,
      onOpen: () => {
        wsRefusals = 0;
      },
      onMessage: (text) => {
        let message: { type?: unknown; data?: unknown };
        try {
          message = JSON.parse(text) as { type?: unknown; data?: unknown };
        } catch {
          return;
        }
        if (typeof message.type === "string") handle(message.type, message.data);
      },
      onDrop: () => retryLater(),
      onRefused: () => void probeWatchWs(),
    },
    { baseMs: 500, maxMs: 15_000, ...options.backoff },
  );

  const connectSse = async () => {
    const abort = new AbortController();
    sseAbort = abort;
    try {
      const res = await env.fetch(httpUrl(env, ssePath), {
        headers: { Accept: "text/event-stream" },
        signal: abort.signal,
      });
      if (res.status >= 400 && res.status < 500) return giveUp(res.status);
      if (!res.ok || !res.body) return retryLater();
      const parser = createSseParser((event) => {
        let data: unknown;
        if (event.data !== undefined) {
          try {
            data = JSON.parse(event.data);
          } catch {
            return;
          }
        }
        handle(event.event, data);
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      if (!abort.signal.aborted) retryLater();
    } catch {
      if (!abort.signal.aborted) retryLater();
    }
  };

  function connect() {
    if (stopped) return;
    if (transport === "ws") socket.connect();
    else void connectSse();
  }

  const onOnline = () => {
    if (!stopped && state !== "live") retryLater(0);
  };
  if (typeof window !== "undefined") window.addEventListener("online", onOnline);

  callbacks.onState?.("connecting");
  connect();

  return {
    close() {
      stopped = true;
      clearTimeout(sseTimer);
      if (typeof window !== "undefined") window.removeEventListener("online", onOnline);
      socket.stop();
      sseAbort?.abort();
    },
    get transport() {
      return transport;
    },
  };
}

export interface WorkspaceWatchStatus {
  state: WatchState;
  /** `Date.now()` of the last `data` event, undefined until the first. */
  lastEventAt: number | undefined;
  /** How updates arrive: "sse" where WebSockets are refused (a proxy) or missing. */
  transport: WatchTransport;
}

const INITIAL: WorkspaceWatchStatus = { state: "connecting", lastEventAt: undefined, transport: "ws" };

/**
 * Keeps the cached workspace live while mounted: every key that holds it (by id, by owner/name,
 * inside list pages, its latest build) is set directly from each event, with no refetch.
 */
export function useWorkspaceWatch(workspaceId: string | undefined): WorkspaceWatchStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<WorkspaceWatchStatus & { id?: string }>(INITIAL);

  useEffect(() => {
    if (!workspaceId) return;
    let latestBuildId: string | undefined;
    // onState runs once before watchWorkspace returns the handle that knows the transport.
    const current: { handle?: WatchHandle } = {};
    current.handle = watchWorkspace(workspaceId, {
      onWorkspace: (workspace) => {
        setWorkspaceInCache(queryClient, workspace);
        // A build nobody here started (autostart, another tab) is not in the cached history yet.
        if (latestBuildId !== undefined && latestBuildId !== workspace.latest_build.id) {
          void queryClient.invalidateQueries({ queryKey: keys.buildLists(workspace.id) });
        }
        latestBuildId = workspace.latest_build.id;
        setStatus((s) => ({ ...s, id: workspaceId, lastEventAt: Date.now() }));
      },
      onState: (state) => {
        const transport = current.handle?.transport ?? "ws";
        setStatus((s) =>
          s.id === workspaceId
            ? { ...s, state, transport }
            : { id: workspaceId, state, transport, lastEventAt: undefined },
        );
      },
      onReconnected: () => {
        const cached = queryClient.getQueryData<Workspace>(keys.workspace(workspaceId));
        if (cached) void invalidateWorkspace(queryClient, cached);
        else void queryClient.invalidateQueries({ queryKey: keys.workspace(workspaceId) });
      },
    });
    return () => current.handle?.close();
  }, [workspaceId, queryClient]);

  if (!workspaceId || status.id !== workspaceId) return INITIAL;
  return { state: status.state, lastEventAt: status.lastEventAt, transport: status.transport };
}
