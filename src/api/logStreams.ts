// Following build and agent logs over WebSocket, surviving drops: each (re)connect asks for
// `after=<last id seen>` and the cursor drops anything already delivered, so the caller sees every
// log exactly once and in order. A close with 1000 means the server finished the stream.
import { Backoff, type BackoffOptions } from "./retryPolicy";
import { notifyUnauthorized, toApiError, type ApiError } from "./client";
import { LogCursor, decideAfterClose, parseLogMessage, type HasId } from "./logCursor";
import { browserStreamEnv, httpUrl, wsUrl, type StreamEnv } from "./streamEnv";
import type { ProvisionerJobLog, WorkspaceAgentLog } from "./types";

export type LogStreamState = "connecting" | "live" | "reconnecting" | "done" | "error";

export interface FollowOptions<T> {
  /** Start after this log id (0 or absent: from the beginning). */
  after?: number;
  /** Called with each batch of logs not seen before, in id order. */
  onLogs: (logs: T[]) => void;
  /** `error` comes with the reason (e.g. 404 for a build the user cannot see); it does not retry. */
  onState?: (state: LogStreamState, error?: ApiError) => void;
  env?: StreamEnv;
  backoff?: BackoffOptions;
}

export interface LogStreamHandle {
  close(): void;
  /** Id of the last log delivered (what a resume asks to start after). */
  readonly lastId: number;
  readonly state: LogStreamState;
}

interface StreamPaths {
  follow: (after: number) => string;
  list: (after: number) => string;
}

const enc = encodeURIComponent;

/** `GET /workspacebuilds/{id}/logs?follow&after=N`: backlog, then one log per message, 1000 when the job completes. */
export function followBuildLogs(buildId: string, options: FollowOptions<ProvisionerJobLog>): LogStreamHandle {
  return followLogs(
    {
      follow: (after) => `/api/v2/workspacebuilds/${enc(buildId)}/logs?follow&after=${after}`,
      list: (after) => `/api/v2/workspacebuilds/${enc(buildId)}/logs?after=${after}`,
    },
    options,
  );
}

/** `GET /workspaceagents/{id}/logs?follow=true&after=N`: arrays of logs, 1000 once the agent leaves the latest build. */
export function followAgentLogs(agentId: string, options: FollowOptions<WorkspaceAgentLog>): LogStreamHandle {
  return followLogs(
    {
      follow: (after) => `/api/v2/workspaceagents/${enc(agentId)}/logs?follow=true&after=${after}`,
      list: (after) => `/api/v2/workspaceagents/${enc(agentId)}/logs?after=${after}`,
    },
    options,
  );
}

function followLogs<T extends HasId>(paths: StreamPaths, options: FollowOptions<T>): LogStreamHandle {
  const env = options.env ?? browserStreamEnv();
  const cursor = new LogCursor(options.after ?? 0);
  const backoff = new Backoff({ baseMs: 250, maxMs: 10_000, ...options.backoff });
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let state: LogStreamState = "connecting";

  const setState = (next: LogStreamState, error?: ApiError) => {
    if (state === next && !error) return;
    state = next;
    options.onState?.(next, error);
  };

  const deliver = (logs: T[]) => {
    const fresh = cursor.accept(logs);
    if (fresh.length > 0) options.onLogs(fresh);
  };

  const finish = (next: "done" | "error", error?: ApiError) => {
    stopped = true;
    setState(next, error);
  };

  const retryLater = () => {
    if (stopped) return;
    setState("reconnecting");
    timer = setTimeout(connect, backoff.next());
  };

  // A socket that never opened tells nothing about why; the same request over plain HTTP does.
  const probe = async () => {
    const path = paths.list(cursor.lastId);
    let res: Response;
    try {
      res = await env.fetch(httpUrl(env, path), { headers: { Accept: "application/json" } });
    } catch {
      return retryLater();
    }
    if (stopped) return;
    if (res.ok) {
      try {
        deliver(parseLogMessage<T>(await res.text()));
      } catch {
        // A garbled body is no reason to stop following; the socket will try again.
      }
      return retryLater();
    }
    if (res.status >= 400 && res.status < 500) {
      const error = await toApiError(res, "GET", path);
      if (res.status === 401) notifyUnauthorized();
      return finish("error", error);
    }
    retryLater();
  };

  const connect = () => {
    if (stopped) return;
    let opened = false;
    const ws = new env.WebSocket(wsUrl(env, paths.follow(cursor.lastId)));
    socket = ws;
    ws.onopen = () => {
      opened = true;
      backoff.reset();
      setState("live");
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== "string") return;
      let logs: T[];
      try {
        logs = parseLogMessage<T>(event.data);
      } catch {
        return;
      }
      deliver(logs);
    };
    ws.onclose = (event: CloseEvent) => {
      if (socket !== ws) return;
      socket = null;
      if (stopped) return;
      const decision = decideAfterClose(event.code, opened);
      if (decision === "done") finish("done");
      else if (decision === "resume") retryLater();
      else void probe();
    };
  };

  options.onState?.("connecting");
  connect();

  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      const ws = socket;
      socket = null;
      ws?.close(1000);
    },
    get lastId() {
      return cursor.lastId;
    },
    get state() {
      return state;
    },
  };
}
