// How streams reach the server. In the browser: same origin, the cookie rides along. In Node tests
// (no global WebSocket on Node 20) a test injects a `ws` constructor and a fetch that adds auth.
import { fetchOrTakeEarly } from "./earlyResponses";

/** The browser's WebSocket API shape; `ws` implements the same event-handler properties. */
export type WebSocketConstructor = new (url: string) => WebSocket;

export interface StreamEnv {
  /** `http(s)://host:port` the API lives on. */
  origin: string;
  WebSocket: WebSocketConstructor;
  fetch: typeof fetch;
}

export function browserStreamEnv(): StreamEnv {
  return {
    origin: window.location.origin,
    WebSocket: window.WebSocket,
    fetch: (input, init) =>
      typeof input === "string"
        ? fetchOrTakeEarly(input, { credentials: "include", ...init })
        : window.fetch(input, { credentials: "include", ...init }),
  };
}

export function httpUrl(env: StreamEnv, path: string): string {
  return new URL(path, env.origin).toString();
}

export function wsUrl(env: StreamEnv, path: string): string {
  const url = new URL(path, env.origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}
