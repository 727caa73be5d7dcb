// A scriptable stand-in for WebSocket and fetch, so stream state machines can be unit tested.
import type { StreamEnv, WebSocketConstructor } from "../streamEnv";

export class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  closedByClient: number | undefined;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }

  open() {
    this.onopen?.({});
  }
  message(data: unknown) {
    this.onmessage?.({ data: typeof data === "string" ? data : JSON.stringify(data) });
  }
  serverClose(code: number) {
    this.onclose?.({ code });
  }
  close(code?: number) {
    this.closedByClient = code ?? 1005;
  }

  static last(): FakeSocket {
    const socket = FakeSocket.all.at(-1);
    if (!socket) throw new Error("no socket opened");
    return socket;
  }
}

export type FakeFetch = (url: string, init?: RequestInit) => Promise<Response>;

export function fakeEnv(fetchImpl: FakeFetch): StreamEnv {
  return {
    origin: "http://test.local",
    WebSocket: FakeSocket as unknown as WebSocketConstructor,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetchImpl(String(input), init),
  };
}

/** A fetch Response whose body streams the given SSE chunks and then stays open until aborted. */
export function sseResponse(chunks: string[], signal?: AbortSignal | null): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      signal?.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "text/event-stream" } });
}
