import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { watchWorkspace, type WatchState } from "./watch";
import { FakeSocket, fakeEnv, sseResponse } from "./testing/fakeStreamEnv";
import type { Workspace } from "./types";

const ws = (id: string, status: string) => ({ id, latest_build: { status } }) as unknown as Workspace;

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("watchWorkspace over watch-ws", () => {
  it("goes live on ping, delivers data, and reconnects with onReconnected after a drop", async () => {
    const states: WatchState[] = [];
    const seen: string[] = [];
    const reconnected = vi.fn();
    const handle = watchWorkspace(
      "w1",
      {
        onWorkspace: (w) => seen.push(w.latest_build.status),
        onState: (s) => states.push(s),
        onReconnected: reconnected,
      },
      { env: fakeEnv(() => Promise.reject(new Error("no probe expected"))) },
    );
    const first = FakeSocket.last();
    expect(first.url).toBe("ws://test.local/api/v2/workspaces/w1/watch-ws");
    first.open();
    first.message({ type: "ping" });
    first.message({ type: "data", data: ws("w1", "starting") });
    first.serverClose(1006);
    expect(states.at(-1)).toBe("reconnecting");
    expect(reconnected).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    const second = FakeSocket.last();
    second.open();
    second.message({ type: "ping" });
    expect(reconnected).toHaveBeenCalledTimes(1);
    second.message({ type: "data", data: ws("w1", "running") });
    expect(seen).toEqual(["starting", "running"]);
    expect(states).toEqual(["connecting", "live", "reconnecting", "live"]);
    handle.close();
    expect(second.closedByClient).toBe(1000);
  });

  it("shows offline after repeated failures and keeps trying", async () => {
    const states: WatchState[] = [];
    watchWorkspace(
      "w1",
      { onWorkspace: () => undefined, onState: (s) => states.push(s) },
      { env: fakeEnv(() => Promise.reject(new TypeError("down"))) },
    );
    FakeSocket.last().open();
    FakeSocket.last().message({ type: "ping" });
    for (let i = 0; i < 4; i++) {
      FakeSocket.last().serverClose(1006);
      await vi.advanceTimersByTimeAsync(30_000);
    }
    expect(states).toContain("offline");
    expect(FakeSocket.all.length).toBe(5);
  });
});

describe("watchWorkspace SSE fallback", () => {
  it("switches to /watch when watch-ws answers 404, and parses SSE events", async () => {
    const seen: string[] = [];
    const states: WatchState[] = [];
    const urls: string[] = [];
    watchWorkspace(
      "w2",
      { onWorkspace: (w) => seen.push(w.latest_build.status), onState: (s) => states.push(s) },
      {
        env: fakeEnv(async (url, init) => {
          urls.push(url);
          if (url.endsWith("/watch-ws")) return new Response("not found", { status: 404 });
          return sseResponse(
            [`event: ping\n\nevent: data\ndata: ${JSON.stringify(ws("w2", "stopped"))}\n\n`],
            init?.signal,
          );
        }),
      },
    );
    FakeSocket.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(10);
    expect(urls).toEqual([
      "http://test.local/api/v2/workspaces/w2/watch-ws",
      "http://test.local/api/v2/workspaces/w2/watch",
    ]);
    expect(seen).toEqual(["stopped"]);
    expect(states).toEqual(["connecting", "live"]);
  });

  it("stops (offline) when the workspace is not visible", async () => {
    const states: WatchState[] = [];
    watchWorkspace(
      "nope",
      { onWorkspace: () => undefined, onState: (s) => states.push(s) },
      {
        transport: "sse",
        env: fakeEnv(async () => new Response(JSON.stringify({ message: "Resource not found." }), { status: 404 })),
      },
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(states).toEqual(["connecting", "offline"]);
  });
});
