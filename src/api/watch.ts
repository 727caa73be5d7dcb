// Live workspace updates. watch-ws first (it does not hold one of the browser's six HTTP/1.1
// connections), the SSE `/watch` when the server has no watch-ws (404). Every `data` event writes
// the workspace straight into the query cache; after a reconnect the cache is invalidated, because
// changes made while disconnected were never sent.
import { useEffect, useLayoutEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Backoff, type BackoffOptions } from "./retryPolicy";
import { notifyUnauthorized } from "./client";
import { invalidateWorkspace, setWorkspaceInCache } from "./cache";
import { keys } from "./keys";
import { createSseParser } from "./sse";
import { browserStreamEnv, httpUrl, wsUrl, type StreamEnv } from "./streamEnv";
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

/** `performance` mark set on every `data` message; {@link useWatchLatency} measures from it. */
export const WATCH_MESSAGE_MARK = "workspace-watch:message";
/** `performance` measure: message arrival → the frame after React committed it (SPEC §7 watch latency). */
export const WATCH_LATENCY_MEASURE = "workspace-watch:latency";

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
  const backoff = new Backoff({ baseMs: 500, maxMs: 15_000, ...options.backoff });
  const wsPath = `/api/v2/workspaces/${encodeURIComponent(workspaceId)}/watch-ws`;
  const ssePath = `/api/v2/workspaces/${encodeURIComponent(workspaceId)}/watch`;
  let transport: WatchTransport = options.transport ?? "ws";
  let state: WatchState = "connecting";
  let everLive = false;
  let stopped = false;
  let wsRefusals = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let socket: WebSocket | null = null;
  let sseAbort: AbortController | null = null;

  const setState = (next: WatchState) => {
    if (state === next) return;
    state = next;
    callbacks.onState?.(next);
  };

  const markLive = () => {
    if (state === "live") return;
    backoff.reset();
    const wasReconnect = everLive;
    everLive = true;
    setState("live");
    if (wasReconnect) callbacks.onReconnected?.();
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

  const retryLater = (delay = backoff.next()) => {
    if (stopped) return;
    const offline =
      backoff.failures >= OFFLINE_AFTER_FAILURES || (typeof navigator !== "undefined" && navigator.onLine === false);
    setState(offline ? "offline" : everLive ? "reconnecting" : "connecting");
    clearTimeout(timer);
    timer = setTimeout(connect, delay);
  };

  /** 401 and other 4xx answers will not change by retrying: stop and say offline. */
  const giveUp = (status: number) => {
    if (status === 401) notifyUnauthorized();
    stopped = true;
    setState("offline");
  };

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

  const connectWs = () => {
    let opened = false;
    const ws = new env.WebSocket(wsUrl(env, wsPath));
    socket = ws;
    ws.onopen = () => {
      opened = true;
      wsRefusals = 0;
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== "string") return;
      let message: { type?: unknown; data?: unknown };
      try {
        message = JSON.parse(event.data) as { type?: unknown; data?: unknown };
      } catch {
        return;
      }
      if (typeof message.type === "string") handle(message.type, message.data);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (stopped) return;
      if (opened) retryLater();
      else void probeWatchWs();
    };
  };

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
    if (transport === "ws") connectWs();
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
      clearTimeout(timer);
      if (typeof window !== "undefined") window.removeEventListener("online", onOnline);
      const ws = socket;
      socket = null;
      ws?.close(1000);
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
}

/**
 * Keeps the cached workspace live while mounted: every key that holds it (by id, by owner/name,
 * inside list pages, its latest build) is set directly from each event, with no refetch.
 */
export function useWorkspaceWatch(workspaceId: string | undefined): WorkspaceWatchStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<WorkspaceWatchStatus & { id?: string }>({
    state: "connecting",
    lastEventAt: undefined,
  });

  useEffect(() => {
    if (!workspaceId) return;
    let latestBuildId: string | undefined;
    const handle = watchWorkspace(workspaceId, {
      onWorkspace: (workspace) => {
        setWorkspaceInCache(queryClient, workspace);
        // A build nobody here started (autostart, another tab) is not in the cached history yet.
        if (latestBuildId !== undefined && latestBuildId !== workspace.latest_build.id) {
          void queryClient.invalidateQueries({ queryKey: keys.buildLists(workspace.id) });
        }
        latestBuildId = workspace.latest_build.id;
        setStatus((s) => ({ ...s, id: workspaceId, lastEventAt: Date.now() }));
      },
      onState: (state) =>
        setStatus((s) => (s.id === workspaceId ? { ...s, state } : { id: workspaceId, state, lastEventAt: undefined })),
      onReconnected: () => {
        const cached = queryClient.getQueryData<Workspace>(keys.workspace(workspaceId));
        if (cached) void invalidateWorkspace(queryClient, cached);
        else void queryClient.invalidateQueries({ queryKey: keys.workspace(workspaceId) });
      },
    });
    return () => handle.close();
  }, [workspaceId, queryClient]);

  if (!workspaceId) return { state: "connecting", lastEventAt: undefined };
  if (status.id !== workspaceId) return { state: "connecting", lastEventAt: undefined };
  return { state: status.state, lastEventAt: status.lastEventAt };
}

/** Keeps the latency buffer bounded on a page left open all day. */
const MAX_LATENCY_ENTRIES = 1_000;

/**
 * Records watch latency for the bench: call it in the component that renders the watched data,
 * passing that data. After the commit that shows it, on the next frame, it measures from the
 * latest message mark (`performance.getEntriesByName(WATCH_LATENCY_MEASURE)`): earlier unconsumed
 * marks belong to events that changed nothing on screen and so were never committed.
 */
export function useWatchLatency(renderedValue: unknown): void {
  // A layout effect runs inside the commit, so the frame requested here is the one that paints it.
  useLayoutEffect(() => {
    const marks = performance.getEntriesByName(WATCH_MESSAGE_MARK, "mark");
    if (marks.length === 0) return;
    const start = marks[marks.length - 1].startTime;
    performance.clearMarks(WATCH_MESSAGE_MARK);
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(WATCH_LATENCY_MEASURE, "measure").length >= MAX_LATENCY_ENTRIES) {
        performance.clearMeasures(WATCH_LATENCY_MEASURE);
      }
      performance.measure(WATCH_LATENCY_MEASURE, { start, end: performance.now() });
    });
  }, [renderedValue]);
}
