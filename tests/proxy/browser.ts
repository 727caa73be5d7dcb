// A stand-in for a browser page on the dashboard's origin: it holds only the session cookie
// (never the token), sends `Origin` on writes and WebSocket handshakes, and reads streams
// incrementally. Used to drive the dashboard server in CODER_URL proxy mode end to end.
import WebSocket from "ws";

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body when the answer says it is JSON. */
  json: unknown;
}

export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] = "application/json";
  }
  const res = await fetch(url, { method: init.method ?? "GET", headers, body, redirect: "manual" });
  const text = await res.text();
  const json =
    (res.headers.get("content-type") ?? "").includes("json") && text !== "" ? (JSON.parse(text) as unknown) : undefined;
  return { status: res.status, headers: res.headers, text, json };
}

export class BrowserPage {
  /** Value of the `coder_session_token` cookie the dashboard set, if any. */
  cookie: string | undefined;

  constructor(readonly origin: string) {}

  private headers(write: boolean, extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { accept: "application/json", ...extra };
    if (this.cookie) h.cookie = `coder_session_token=${this.cookie}`;
    if (write) {
      h.origin = this.origin;
      h["sec-fetch-site"] = "same-origin";
    }
    return h;
  }

  /** Applies the Set-Cookie headers of an answer the way a browser on `origin` would. */
  absorb(reply: Reply): void {
    for (const sc of reply.headers.getSetCookie()) {
      const [pair, ...attrs] = sc.split(";").map((p) => p.trim());
      const eq = pair.indexOf("=");
      if (pair.slice(0, eq) !== "coder_session_token") continue;
      const cleared = attrs.some((a) => /^max-age=0$/i.test(a)) || pair.slice(eq + 1) === "";
      this.cookie = cleared ? undefined : decodeURIComponent(pair.slice(eq + 1));
    }
  }

  async get(path: string): Promise<Reply> {
    const reply = await send(this.origin + path, { headers: this.headers(false) });
    this.absorb(reply);
    return reply;
  }

  async write(method: string, path: string, body?: unknown): Promise<Reply> {
    const reply = await send(this.origin + path, { method, headers: this.headers(true), body });
    this.absorb(reply);
    return reply;
  }

  /** Opens an SSE stream; `next()` resolves with each event as it arrives (no waiting for the end). */
  async sse(path: string): Promise<SseReader> {
    const ctrl = new AbortController();
    const res = await fetch(this.origin + path, {
      headers: this.headers(false, { accept: "text/event-stream" }),
      signal: ctrl.signal,
    });
    return new SseReader(res, ctrl);
  }

  /** Opens a WebSocket the way a page does: same-origin `Origin`, the cookie, no token header. */
  ws(path: string): WsClient {
    const headers: Record<string, string> = { origin: this.origin };
    if (this.cookie) headers.cookie = `coder_session_token=${this.cookie}`;
    return new WsClient(this.origin.replace(/^http/, "ws") + path, headers);
  }
}

export interface SseEvent {
  event: string;
  data?: unknown;
}

export class SseReader {
  readonly status: number;
  readonly contentType: string;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly queued: SseEvent[] = [];

  constructor(
    res: Response,
    private readonly ctrl: AbortController,
  ) {
    this.status = res.status;
    this.contentType = res.headers.get("content-type") ?? "";
    this.reader = res.body?.getReader();
  }

  /** The next event, or an error when none arrives within `timeoutMs` or the stream ends. */
  async next(timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.queued.length === 0) {
      if (!this.reader) throw new Error("SSE answer has no body");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no SSE event in time");
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("no SSE event in time")), left);
      });
      const chunk = await Promise.race([this.reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error("SSE stream ended");
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
      let idx: number;
      while ((idx = this.buffer.indexOf("\n\n")) >= 0) {
        const lines = this.buffer.slice(0, idx).split("\n");
        this.buffer = this.buffer.slice(idx + 2);
        if (
          !lines[0].startsWith("event: ") ||
          lines.length > 2 ||
          (lines[1] !== undefined && !lines[1].startsWith("data: "))
        ) {
          throw new Error(`bad SSE frame: ${JSON.stringify(lines.join("\n"))}`);
        }
        this.queued.push({
          event: lines[0].slice(7),
          data: lines[1] === undefined ? undefined : JSON.parse(lines[1].slice(6)),
        });
      }
    }
    return this.queued.shift()!;
  }

  close(): void {
    this.ctrl.abort();
  }
}

export interface Refusal {
  status: number;
  contentType: string;
  body: string;
}

/** A WebSocket client that records text messages, its close code, or the HTTP refusal of its handshake. */
export class WsClient {
  readonly messages: string[] = [];
  /** Settles when the socket closes (code) or the handshake is refused (status + body). */
  readonly ended: Promise<{ code: number } | { refused: Refusal }>;
  private readonly socket: WebSocket;
  private waiters: Array<() => void> = [];

  constructor(url: string, headers: Record<string, string>) {
    this.socket = new WebSocket(url, { headers });
    this.ended = new Promise((resolve) => {
      this.socket.on("unexpected-response", (_req, res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({
            refused: {
              status: res.statusCode ?? 0,
              contentType: String(res.headers["content-type"] ?? ""),
              body: Buffer.concat(chunks).toString(),
            },
          });
          this.socket.terminate();
        });
        res.on("error", () => resolve({ refused: { status: res.statusCode ?? 0, contentType: "", body: "" } }));
      });
      this.socket.on("close", (code) => resolve({ code }));
      // A refused handshake also ends in an error event; its outcome comes from the handlers above.
      this.socket.on("error", () => undefined);
    });
    this.socket.on("message", (data, isBinary) => {
      if (!isBinary) this.messages.push(data.toString());
      for (const w of this.waiters) w();
    });
  }

  /** Waits until `enough(messages)` holds; fails after `timeoutMs` or if the socket ends first. */
  async waitFor(enough: (messages: string[]) => boolean, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (!enough(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out with ${this.messages.length} messages`);
      const ended = await Promise.race([
        new Promise<false>((resolve) => {
          const t = setTimeout(() => resolve(false), Math.min(left, 100));
          this.waiters.push(() => {
            clearTimeout(t);
            resolve(false);
          });
        }),
        this.ended.then(() => true),
      ]);
      this.waiters = [];
      if (ended && !enough(this.messages)) throw new Error(`socket ended with ${this.messages.length} messages`);
    }
    return this.messages;
  }

  /** Resolves with the close code, failing after `timeoutMs`. */
  async closed(timeoutMs = 8000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.ended,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`socket still open after ${timeoutMs} ms (${this.messages.length} messages)`)),
          timeoutMs,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if ("refused" in outcome) throw new Error(`handshake refused: ${outcome.refused.status} ${outcome.refused.body}`);
    return outcome.code;
  }

  async refusal(timeoutMs = 5000): Promise<Refusal> {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      this.ended,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("handshake neither refused nor closed in time")), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!("refused" in outcome)) throw new Error(`handshake was accepted (closed ${outcome.code})`);
    return outcome.refused;
  }

  close(): void {
    this.socket.close(1000);
  }

  terminate(): void {
    this.socket.terminate();
  }
}
