import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { followAgentLogs, followBuildLogs, POLL_MS, READ_BATCH, SOCKET_TRIES, type LogStreamState } from "./logStreams";
import { announceStreamsRecovered } from "./resilientSocket";
import { FakeSocket, fakeEnv } from "./testing/fakeStreamEnv";
import type { ProvisionerJobLog, WorkspaceAgentLog } from "./types";

const log = (id: number): ProvisionerJobLog => ({
  id,
  created_at: "2025-01-01T00:00:00Z",
  log_source: "provisioner",
  log_level: "info",
  stage: "Planning infrastructure",
  output: `line ${id}`,
});

const ok = (logs: unknown[]) => new Response(JSON.stringify(logs), { status: 200 });
const afterOf = (url: string) => Number(new URL(url).searchParams.get("after"));

/** A server whose HTTP reads answer from `logs` (after=N honoured) and that records each URL. */
function server(logs: ProvisionerJobLog[]) {
  const fetched: string[] = [];
  const env = fakeEnv(async (url) => {
    fetched.push(url);
    return ok(logs.filter((l) => l.id > afterOf(url)));
  });
  return { env, fetched, logs };
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("followBuildLogs", () => {
  it("reads the backlog over HTTP, follows over the socket from the last id, resumes a drop without repeats", async () => {
    const got: number[] = [];
    const states: LogStreamState[] = [];
    const { env, fetched } = server([log(1), log(2)]);
    const handle = followBuildLogs("b1", {
      env,
      onLogs: (logs) => got.push(...logs.map((l) => l.id)),
      onState: (s) => states.push(s),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched).toEqual(["http://test.local/api/v2/workspacebuilds/b1/logs?after=0"]);
    const first = FakeSocket.last();
    expect(first.url).toBe("ws://test.local/api/v2/workspacebuilds/b1/logs?follow&after=2");
    first.open();
    // A server may replay the boundary line; it must not show twice.
    [2, 3].forEach((id) => first.message(log(id)));
    first.serverClose(1006);
    expect(states.at(-1)).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(1_000);
    const second = FakeSocket.last();
    expect(second).not.toBe(first);
    expect(second.url).toContain("after=3");
    second.open();
    [3, 4, 5].forEach((id) => second.message(log(id)));
    second.serverClose(1000);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(states).toEqual(["connecting", "live", "reconnecting", "live", "done"]);
    expect(handle.lastId).toBe(5);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it("a long log's first lines arrive while the rest is still downloading, then the rest in batches", async () => {
    const logs = Array.from({ length: 3 * READ_BATCH }, (_, i) => log(i + 1));
    const text = JSON.stringify(logs);
    let push: (piece: string) => void = () => undefined;
    let close: () => void = () => undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const encoder = new TextEncoder();
        push = (piece) => controller.enqueue(encoder.encode(piece));
        close = () => controller.close();
      },
    });
    const batches: number[][] = [];
    const states: LogStreamState[] = [];
    followBuildLogs("b1", {
      env: fakeEnv(async () => new Response(body, { status: 200 })),
      complete: true,
      onLogs: (got) => batches.push(got.map((l) => l.id)),
      onState: (s) => states.push(s),
    });
    const firstScreen = text.indexOf(`,{"id":41,`);
    push(text.slice(0, firstScreen));
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toEqual([Array.from({ length: 40 }, (_, i) => i + 1)]);
    expect(states).toEqual(["connecting"]);
    for (let i = firstScreen; i < text.length; i += 65_536) push(text.slice(i, i + 65_536));
    close();
    // Not parsed in the task that brought the bytes (a page's first render may be running)...
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(batches).toHaveLength(1);
    // ...but in turns of its own (background tasks in a browser, timers here): one per piece.
    for (let turn = 0; turn < 100 && states.length < 2; turn++) await vi.advanceTimersByTimeAsync(1);
    expect(batches.flat()).toEqual(logs.map((l) => l.id));
    expect(batches.length).toBeLessThanOrEqual(5);
    expect(states).toEqual(["connecting", "done"]);
  });

  it("an answer cut off mid-log keeps what arrived and resumes after the last whole line", async () => {
    const got: number[] = [];
    const fetched: string[] = [];
    const env = fakeEnv(async (url) => {
      fetched.push(url);
      if (fetched.length === 1) return new Response(JSON.stringify([log(1), log(2)]).slice(0, -30), { status: 200 });
      return ok([log(2), log(3)].filter((l) => l.id > afterOf(url)));
    });
    followBuildLogs("b1", { env, complete: true, onLogs: (logs) => got.push(...logs.map((l) => l.id)) });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(got).toEqual([1, 2, 3]);
    expect(fetched.map(afterOf)).toEqual([0, 1]);
  });

  it("reads a completed build's log once over HTTP and is done without a socket", async () => {
    const got: number[] = [];
    const states: LogStreamState[] = [];
    followBuildLogs("b1", {
      env: server([log(1), log(2), log(3)]).env,
      complete: true,
      onLogs: (logs) => got.push(...logs.map((l) => l.id)),
      onState: (s) => states.push(s),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([1, 2, 3]);
    expect(states).toEqual(["connecting", "done"]);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it("stops with the HTTP error (404) and never opens a socket", async () => {
    const errors: Array<number | undefined> = [];
    followBuildLogs("gone", {
      env: fakeEnv(async () => new Response(JSON.stringify({ message: "Resource not found." }), { status: 404 })),
      onLogs: () => undefined,
      onState: (s, e) => s === "error" && errors.push(e?.status),
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(errors).toEqual([404]);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it("keeps retrying the first read while the server is down, then follows", async () => {
    let up = false;
    const got: number[] = [];
    followBuildLogs("b2", {
      after: 10,
      env: fakeEnv(async () => (up ? ok([log(11)]) : Promise.reject(new TypeError("fetch failed")))),
      onLogs: (logs) => got.push(...logs.map((l) => l.id)),
    });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(FakeSocket.all).toHaveLength(0);
    up = true;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(got).toEqual([11]);
    expect(FakeSocket.last().url).toContain("after=11");
  });

  it("without WebSockets: polls with after=, says polling, retries the socket with backoff, then only when streams recover", async () => {
    const states: LogStreamState[] = [];
    const got: number[] = [];
    const srv = server([log(1)]);
    const handle = followBuildLogs("b4", {
      env: srv.env,
      onLogs: (logs) => got.push(...logs.map((l) => l.id)),
      onState: (s) => states.push(s),
    });
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.last().serverClose(1006); // refused: never opened
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe("polling");
    srv.logs.push(log(2), log(3));
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(got).toEqual([1, 2, 3]);
    expect(srv.fetched.at(-1)).toContain("after=1");
    for (let i = 1; i < SOCKET_TRIES; i++) {
      await vi.advanceTimersByTimeAsync(20_000);
      FakeSocket.last().serverClose(1006);
    }
    expect(FakeSocket.all).toHaveLength(SOCKET_TRIES);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.all).toHaveLength(SOCKET_TRIES);
    expect(states.at(-1)).toBe("polling");

    announceStreamsRecovered();
    expect(FakeSocket.all).toHaveLength(SOCKET_TRIES + 1);
    expect(FakeSocket.last().url).toContain("after=3");
    FakeSocket.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(0);

    srv.logs.push(log(4));
    handle.complete();
    // The read hands over its first lines, lets the browser paint them, then finishes.
    await vi.advanceTimersByTimeAsync(1);
    expect(got).toEqual([1, 2, 3, 4]);
    expect(states.at(-1)).toBe("done");
    const reads = srv.fetched.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(srv.fetched.length).toBe(reads);
  });

  it("a socket that opens while polling takes over from the polls", async () => {
    const states: LogStreamState[] = [];
    const srv = server([]);
    followBuildLogs("b5", { env: srv.env, onLogs: () => undefined, onState: (s) => states.push(s) });
    await vi.advanceTimersByTimeAsync(0);
    FakeSocket.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(states.at(-1)).toBe("polling");
    await vi.advanceTimersByTimeAsync(20_000);
    FakeSocket.last().open();
    expect(states.at(-1)).toBe("live");
    const reads = srv.fetched.length;
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(srv.fetched.length).toBe(reads);
  });

  it("close() stops the stream for good", async () => {
    const handle = followBuildLogs("b3", { env: server([]).env, onLogs: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.last();
    socket.open();
    handle.close();
    expect(socket.closedByClient).toBe(1000);
    socket.serverClose(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});

describe("followAgentLogs", () => {
  it("reads array messages (with a trailing newline) and uses follow=true", async () => {
    const got: number[] = [];
    followAgentLogs("a1", {
      env: fakeEnv(async () => ok([])),
      onLogs: (logs: WorkspaceAgentLog[]) => got.push(...logs.map((l) => l.id)),
    });
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.last();
    expect(socket.url).toBe("ws://test.local/api/v2/workspaceagents/a1/logs?follow=true&after=0");
    socket.open();
    socket.message("[]");
    socket.message(JSON.stringify([{ id: 1 }, { id: 2 }]) + "\n");
    socket.message("not json");
    socket.message(JSON.stringify([{ id: 2 }, { id: 3 }]));
    expect(got).toEqual([1, 2, 3]);
  });
});
