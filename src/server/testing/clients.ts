import { WebSocket } from "ws";

// Small clients for the server's own integration tests.

export async function login(base: string, user = "alice"): Promise<string> {
  const res = await fetch(`${base}/api/v2/users/login`, {
    method: "POST",
    body: JSON.stringify({ email: `${user}@example.com`, password: "coder-demo-1" }),
  });
  if (res.status !== 201) throw new Error(`login ${res.status}`);
  return ((await res.json()) as { session_token: string }).session_token;
}

export async function api<T>(
  base: string,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}/api/v2${path}`, {
    ...init,
    headers: { "Coder-Session-Token": token, ...(init.headers ?? {}) },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface SseEvent {
  event: string;
  data?: unknown;
}

/** Reads SSE frames, checking the framing (event line, optional data line, blank line). */
export async function readSse(
  url: string,
  token: string,
  until: (events: SseEvent[]) => boolean,
  timeoutMs = 10_000,
): Promise<SseEvent[]> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  const res = await fetch(url, { headers: { "Coder-Session-Token": token }, signal: ctrl.signal });
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  const events: SseEvent[] = [];
  let buf = "";
  try {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let idx: number;
      while ((idx = buf.indexOf("\n\n")) >= 0) {
        const frame = buf.slice(0, idx);
        buf = buf.slice(idx + 2);
        const lines = frame.split("\n");
        if (
          !lines[0].startsWith("event: ") ||
          lines.length > 2 ||
          (lines[1] !== undefined && !lines[1].startsWith("data: "))
        ) {
          throw new Error(`bad SSE frame: ${JSON.stringify(frame)}`);
        }
        events.push({ event: lines[0].slice(7), data: lines[1] ? JSON.parse(lines[1].slice(6)) : undefined });
      }
    }
  } finally {
    clearTimeout(timer);
    ctrl.abort();
  }
  return events;
}

export interface WsResult {
  messages: string[];
  code: number;
}

/** Collects text messages until the socket closes (or `stopWhen` says so, then closes it). */
export function collectWs(
  url: string,
  token: string,
  stopWhen?: (messages: string[]) => boolean,
  timeoutMs = 10_000,
): Promise<WsResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws"), { headers: { "Coder-Session-Token": token } });
    const messages: string[] = [];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`timeout; got ${messages.length} messages`));
    }, timeoutMs);
    ws.on("message", (m) => {
      messages.push(m.toString());
      if (stopWhen?.(messages)) ws.close(1000);
    });
    ws.on("close", (code) => {
      clearTimeout(timer);
      resolve({ messages, code });
    });
    ws.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
