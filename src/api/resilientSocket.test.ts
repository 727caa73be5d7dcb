import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CLOSE_ABNORMAL, CLOSE_NORMAL, ResilientSocket, type SocketHandlers } from "./resilientSocket";
import { FakeSocket, fakeEnv } from "./testing/fakeStreamEnv";

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

function recorder(overrides: Partial<SocketHandlers> = {}) {
  const events: string[] = [];
  let n = 0;
  const handlers: SocketHandlers = {
    path: () => `/api/v2/stream?n=${n++}`,
    onOpen: () => events.push("open"),
    onMessage: (text) => events.push(`message:${text}`),
    onDrop: (code) => events.push(`drop:${code}`),
    onRefused: () => events.push("refused"),
    ...overrides,
  };
  return { events, handlers };
}

const env = fakeEnv(() => Promise.reject(new Error("no fetch")));

describe("ResilientSocket", () => {
  it("asks the path on every connect and tells a drop (opened) from a refusal (never opened)", () => {
    const { events, handlers } = recorder();
    const socket = new ResilientSocket(env, handlers);
    socket.connect();
    expect(FakeSocket.last().url).toBe("ws://test.local/api/v2/stream?n=0");
    FakeSocket.last().open();
    FakeSocket.last().message("hello");
    FakeSocket.last().serverClose(CLOSE_ABNORMAL);
    socket.connect();
    expect(FakeSocket.last().url).toBe("ws://test.local/api/v2/stream?n=1");
    FakeSocket.last().serverClose(CLOSE_ABNORMAL);
    expect(events).toEqual(["open", "message:hello", `drop:${CLOSE_ABNORMAL}`, "refused"]);
  });

  it("backs off exponentially with jitter, and resets once a socket opens", async () => {
    const { handlers } = recorder();
    // random() = 1: the jittered share at its top, so delays are exactly base·2^n up to the cap.
    const socket = new ResilientSocket(env, handlers, { baseMs: 100, maxMs: 350, jitter: 0.5 }, () => 1);
    expect([socket.retryLater(), socket.retryLater(), socket.retryLater(), socket.retryLater()]).toEqual([
      100, 200, 350, 350,
    ]);
    const low = new ResilientSocket(env, handlers, { baseMs: 100, jitter: 0.5 }, () => 0);
    expect(low.retryLater()).toBe(50);
    await vi.advanceTimersByTimeAsync(350);
    FakeSocket.last().open();
    expect(socket.backoff.failures).toBe(0);
  });

  it("ignores events of a replaced socket", () => {
    const { events, handlers } = recorder();
    const socket = new ResilientSocket(env, handlers);
    socket.connect();
    const old = FakeSocket.last();
    socket.connect();
    old.open();
    old.message("stale");
    old.serverClose(CLOSE_ABNORMAL);
    expect(events).toEqual([]);
  });

  it("stop() closes with 1000, cancels a scheduled reconnect and silences callbacks", async () => {
    const { events, handlers } = recorder();
    const socket = new ResilientSocket(env, handlers);
    socket.connect();
    const first = FakeSocket.last();
    first.open();
    socket.retryLater(10);
    socket.stop();
    expect(first.closedByClient).toBe(CLOSE_NORMAL);
    first.serverClose(CLOSE_NORMAL);
    await vi.advanceTimersByTimeAsync(60_000);
    socket.connect();
    expect(FakeSocket.all).toHaveLength(1);
    expect(events).toEqual(["open"]);
  });
});
