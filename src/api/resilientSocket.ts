// The one WebSocket core under every live stream (the workspace watch, build and agent log
// follows): one socket at a time, events of a replaced socket ignored, reconnects after a backoff
// with jitter, and a clean stop. What a close means is the caller's to decide (a finished log, a
// drop to resume, a refusal to probe over HTTP), so each stream keeps only its own rules.
import { Backoff, type BackoffOptions } from "./retryPolicy";
import { wsUrl, type StreamEnv } from "./streamEnv";

/** The server finished the stream (job completed, agent gone); also what a client sends to stop. */
export const CLOSE_NORMAL = 1000;
/** The server is shutting down. */
export const CLOSE_GOING_AWAY = 1001;
/** No close frame: the connection was cut (a proxy, a network drop, a killed server). */
export const CLOSE_ABNORMAL = 1006;

export interface SocketHandlers {
  /** Path and query of the next connection, asked on every (re)connect (e.g. `after=<last id>`). */
  path: () => string;
  onOpen?: () => void;
  onMessage: (text: string) => void;
  /** The socket closed after it had opened. */
  onDrop: (code: number) => void;
  /** The socket closed without ever opening: refused (401, 404, a proxy) or unreachable. */
  onRefused: () => void;
}

export class ResilientSocket {
  readonly backoff: Backoff;
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done = false;

  constructor(
    private readonly env: StreamEnv,
    private readonly handlers: SocketHandlers,
    backoff: BackoffOptions = {},
    random: () => number = Math.random,
  ) {
    this.backoff = new Backoff(backoff, random);
  }

  get stopped(): boolean {
    return this.done;
  }

  /** Whether a socket is open or opening. */
  get active(): boolean {
    return this.socket !== null;
  }

  connect(): void {
    if (this.done) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    let opened = false;
    const ws = new this.env.WebSocket(wsUrl(this.env, this.handlers.path()));
    this.socket = ws;
    ws.onopen = () => {
      if (this.socket !== ws) return;
      opened = true;
      this.backoff.reset();
      this.handlers.onOpen?.();
    };
    ws.onmessage = (event: MessageEvent) => {
      if (this.socket !== ws || typeof event.data !== "string") return;
      this.handlers.onMessage(event.data);
    };
    ws.onclose = (event: CloseEvent) => {
      if (this.socket !== ws) return;
      this.socket = null;
      if (this.done) return;
      if (opened) this.handlers.onDrop(event.code);
      else this.handlers.onRefused();
    };
  }

  /** Connects again after the next backoff delay (or `delay`); returns the delay used. */
  retryLater(delay = this.backoff.next()): number {
    if (this.done) return delay;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
    return delay;
  }

  /** Cancels a scheduled reconnect and closes the current socket, keeping the core usable. */
  disconnect(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const ws = this.socket;
    this.socket = null;
    ws?.close(CLOSE_NORMAL);
  }

  /** For good: no reconnect, no more callbacks. */
  stop(): void {
    this.done = true;
    this.disconnect();
  }
}

const recoveredListeners = new Set<() => void>();

/**
 * A stream that gave up on WebSockets (a proxy refusing upgrades) tries again when another stream
 * says the network came back, instead of knocking on the socket forever.
 */
export function onStreamsRecovered(listener: () => void): () => void {
  recoveredListeners.add(listener);
  return () => recoveredListeners.delete(listener);
}

/** Called by the workspace watch when it is live again after a drop. */
export function announceStreamsRecovered(): void {
  for (const listener of [...recoveredListeners]) listener();
}
