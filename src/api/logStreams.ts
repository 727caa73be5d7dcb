// Following build and agent logs, surviving drops and proxies. A follow first reads what is
// there over HTTP (one JSON array: far cheaper than one socket message per line for a long
// backlog), then follows over WebSocket from `after=<last id>`; a completed source needs no socket.
// Every read and (re)connect asks for `after=<last id seen>` and the cursor drops anything already
// delivered, so the caller sees every log exactly once and in order. Where the socket is refused
// (a proxy without WebSockets) the follow polls over HTTP instead, retries the socket a few times
// with backoff, then leaves it alone until another stream reports the network recovered.
import type { BackoffOptions } from "./retryPolicy";
import { notifyUnauthorized, toApiError, type ApiError } from "./client";
import { JsonArrayStream } from "./jsonArrayStream";
import { LogCursor, parseLogMessage, type HasId } from "./logCursor";
import { CLOSE_NORMAL, onStreamsRecovered, ResilientSocket } from "./resilientSocket";
import { browserStreamEnv, httpUrl, type StreamEnv } from "./streamEnv";
import type { ProvisionerJobLog, WorkspaceAgentLog } from "./types";

/** `polling`: followed over plain HTTP because the WebSocket was refused. */
export type LogStreamState = "connecting" | "live" | "polling" | "reconnecting" | "done" | "error";

export interface FollowOptions<T> {
  /** Start after this log id (0 or absent: from the beginning). */
  after?: number;
  /** The source writes nothing more (a completed job): read it once, no socket. */
  complete?: boolean;
  /** Called with each batch of logs not seen before, in id order. */
  onLogs: (logs: T[]) => void;
  /** `error` comes with the reason (e.g. 404 for a build the user cannot see); it does not retry. */
  onState?: (state: LogStreamState, error?: ApiError) => void;
  env?: StreamEnv;
  backoff?: BackoffOptions;
  /** Interval of HTTP reads while the socket is refused. */
  pollMs?: number;
}

export interface LogStreamHandle {
  close(): void;
  /** The source has ended (its job completed): a polling follow reads once more and is done. */
  complete(): void;
  /** Id of the last log delivered (what a resume asks to start after). */
  readonly lastId: number;
  readonly state: LogStreamState;
}

interface StreamPaths {
  follow: (after: number) => string;
  list: (after: number) => string;
}

const enc = encodeURIComponent;

/** How often a follow without WebSockets reads new lines. */
export const POLL_MS = 1_000;
/** Refused sockets before the follow stops trying them (until streams recover). */
export const SOCKET_TRIES = 3;

const buildLogPaths = (buildId: string): StreamPaths => ({
  follow: (after) => `/api/v2/workspacebuilds/${enc(buildId)}/logs?follow&after=${after}`,
  list: (after) => `/api/v2/workspacebuilds/${enc(buildId)}/logs?after=${after}`,
});

/** `GET /workspacebuilds/{id}/logs?follow&after=N`: backlog, then one log per message, 1000 when the job completes. */
export function followBuildLogs(buildId: string, options: FollowOptions<ProvisionerJobLog>): LogStreamHandle {
  return followLogs(buildLogPaths(buildId), options);
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

type ReadResult = "ok" | "retry" | "failed";

/**
 * After the first lines (delivered at once, so the first screen paints early), lines are handed
 * on in batches of at least this many: every batch re-renders whatever watches the log.
 */
export const READ_BATCH = 4_096;
/** Text parsed between two looks at the clock: a local server hands over megabytes in one piece. */
const SLICE_CHARS = 1 << 19;
/** Until the first lines are out, a slice is about a screen of lines, so the first paint waits for little parsing. */
const FIRST_SLICE_CHARS = 1 << 15;
/** Longest run of parsing before the page gets the main thread back (input, scrolling, paint). */
const BUSY_MS = 16;

/** Chromium's task scheduler (`scheduler.postTask`), where the browser has one. */
interface TaskScheduler {
  postTask(task: () => void, options: { priority: "background" }): Promise<void>;
}

/**
 * The rest of a long log is parsed at background priority where the browser can: the page around
 * it (rendering, the viewer's first rows, input) goes first, so a 27 MB log does not delay the
 * page it is shown on. Elsewhere, a plain timer turn.
 */
const yieldToBrowser = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: "background" });
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
};
/** Longest wait for a frame: a hidden tab gets none, and its log must still load. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the browser has had two frames: one for the viewer to render what was just
 * delivered (it updates on an animation frame), one to paint it. Parsing the rest would
 * otherwise keep the main thread until the whole log is in.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== "function") return void setTimeout(resolve, 0);
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        setTimeout(resolve, 0);
      }),
    );
  });

/**
 * A log answer read as it arrives: a 100k-line log is ~27 MB of JSON, and its first screen needs
 * only the first few kilobytes. The first lines go out at once and the browser gets a turn to
 * paint them before the rest is parsed. Throws (like JSON.parse) when the answer is cut off or not
 * JSON; lines delivered before that stay delivered, and the cursor resumes after them.
 */
async function readLogBody<T>(res: Response, deliver: (logs: T[]) => void, stopped: () => boolean): Promise<void> {
  if (!res.body) return deliver(parseLogMessage<T>(await res.text()));
  const stream = new JsonArrayStream<T>();
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  let pending: T[] = [];
  let delivered = false;
  let busySince = performance.now();
  const flush = (force: boolean) => {
    if (pending.length === 0 || (!force && delivered && pending.length < READ_BATCH)) return;
    delivered = true;
    const batch = pending;
    pending = [];
    deliver(batch);
  };
  const take = async (text: string) => {
    // Past the first lines, a piece is parsed in a turn of its own, not in the task that brought it:
    // on a cold open the page's first render is running, and 27 MB parsed between its slices made
    // that render a tenth slower.
    if (delivered && text.length > 0) {
      await yieldToBrowser();
      busySince = performance.now();
    }
    for (let at = 0; at < text.length;) {
      const size = delivered ? SLICE_CHARS : FIRST_SLICE_CHARS;
      const logs = stream.push(text.slice(at, at + size));
      at += size;
      pending = pending.length === 0 ? logs : pending.concat(logs);
      const first = !delivered;
      flush(false);
      if (first && delivered) await afterPaint();
      else if (performance.now() - busySince > BUSY_MS) await yieldToBrowser();
      else continue;
      busySince = performance.now();
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (stopped()) return void reader.cancel().catch(() => undefined);
    if (done) break;
    await take(decoder.decode(value, { stream: true }));
  }
  await take(decoder.decode());
  pending = pending.concat(stream.end());
  flush(true);
}

function followLogs<T extends HasId>(paths: StreamPaths, options: FollowOptions<T>): LogStreamHandle {
  const env = options.env ?? browserStreamEnv();
  const pollMs = options.pollMs ?? POLL_MS;
  const cursor = new LogCursor(options.after ?? 0);
  let complete = options.complete ?? false;
  let state: LogStreamState = "connecting";
  let polling = false;
  let refusals = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

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
    clearTimeout(timer);
    socket.stop();
    stopRecovered();
    setState(next, error);
  };

  /** One HTTP read of everything after the cursor. */
  const read = async (): Promise<ReadResult> => {
    const path = paths.list(cursor.lastId);
    let res: Response;
    try {
      res = await env.fetch(httpUrl(env, path), { headers: { Accept: "application/json" } });
    } catch {
      return "retry";
    }
    if (socket.stopped) return "failed";
    if (res.status >= 400 && res.status < 500) {
      const error = await toApiError(res, "GET", path);
      if (res.status === 401) notifyUnauthorized();
      finish("error", error);
      return "failed";
    }
    if (!res.ok) return "retry";
    try {
      await readLogBody<T>(res, deliver, () => socket.stopped);
    } catch {
      return "retry";
    }
    return socket.stopped ? "failed" : "ok";
  };

  const later = (fn: () => void, delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, delay);
  };

  /** Backlog over HTTP, then the socket (or nothing, for a completed source). */
  const start = async () => {
    const wasComplete = complete;
    const result = await read();
    if (result === "failed") return;
    if (result === "retry") {
      setState(state === "connecting" ? "connecting" : "reconnecting");
      return later(() => void start(), socket.backoff.next());
    }
    if (wasComplete) return finish("done");
    socket.connect();
  };

  const poll = async () => {
    const wasComplete = complete;
    const result = await read();
    if (result === "failed" || !polling) return;
    if (result === "ok" && wasComplete) return finish("done");
    setState(result === "ok" ? "polling" : "reconnecting");
    later(() => void poll(), pollMs);
  };

  const socket = new ResilientSocket(
    env,
    {
      path: () => paths.follow(cursor.lastId),
      onOpen: () => {
        refusals = 0;
        polling = false;
        clearTimeout(timer);
        setState("live");
      },
      onMessage: (text) => {
        let logs: T[];
        try {
          logs = parseLogMessage<T>(text);
        } catch {
          return;
        }
        deliver(logs);
      },
      onDrop: (code) => {
        if (code === CLOSE_NORMAL) return finish("done");
        setState("reconnecting");
        socket.retryLater();
      },
      // A refused socket says nothing about why; the HTTP reads of polling tell a 404 or 401.
      onRefused: () => {
        refusals++;
        if (!polling) {
          polling = true;
          void poll();
        }
        if (refusals < SOCKET_TRIES) socket.retryLater();
      },
    },
    { baseMs: 250, maxMs: 10_000, ...options.backoff },
  );

  const stopRecovered = onStreamsRecovered(() => {
    if (!polling || socket.active || socket.stopped) return;
    refusals = 0;
    socket.connect();
  });

  options.onState?.("connecting");
  void start();

  return {
    close() {
      clearTimeout(timer);
      polling = false;
      socket.stop();
      stopRecovered();
    },
    complete() {
      if (complete) return;
      complete = true;
      if (polling) later(() => void poll(), 0);
    },
    get lastId() {
      return cursor.lastId;
    },
    get state() {
      return state;
    },
  };
}
