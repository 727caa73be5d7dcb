import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { followAgentLogs, followBuildLogs, type LogStreamState } from "./logStreams";
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

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("followBuildLogs", () => {
  it("resumes after an abnormal close with after=<last id> and never repeats a line", async () => {
    const got: number[] = [];
    const states: LogStreamState[] = [];
    const handle = followBuildLogs("b1", {
      env: fakeEnv(() => Promise.reject(new Error("no probe expected"))),
      onLogs: (logs) => got.push(...logs.map((l) => l.id)),
      onState: (s) => states.push(s),
    });
    const first = FakeSocket.last();
    expect(first.url).toBe("ws://test.local/api/v2/workspacebuilds/b1/logs?follow&after=0");
    first.open();
    [1, 2, 3].forEach((id) => first.message(log(id)));
    first.serverClose(1006);
    expect(states.at(-1)).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(1_000);
    const second = FakeSocket.last();
    expect(second).not.toBe(first);
    expect(second.url).toContain("after=3");
    second.open();
    // A server may replay the boundary line; it must not show twice.
    [3, 4, 5].forEach((id) => second.message(log(id)));
    second.serverClose(1000);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(states).toEqual(["connecting", "live", "reconnecting", "live", "done"]);
    expect(handle.lastId).toBe(5);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it("probes a refused connection over HTTP and stops on a 404", async () => {
    const fetched: string[] = [];
    const errors: Array<number | undefined> = [];
    followBuildLogs("gone", {
      env: fakeEnv(async (url) => {
        fetched.push(url);
        return new Response(JSON.stringify({ message: "Resource not found." }), { status: 404 });
      }),
      onLogs: () => undefined,
      onState: (s, e) => s === "error" && errors.push(e?.status),
    });
    FakeSocket.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched).toEqual(["http://test.local/api/v2/workspacebuilds/gone/logs?after=0"]);
    expect(errors).toEqual([404]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it("keeps retrying while the server is down, then resumes", async () => {
    let up = false;
    const got: number[] = [];
    followBuildLogs("b2", {
      after: 10,
      env: fakeEnv(async () =>
        up ? new Response(JSON.stringify([log(11)]), { status: 200 }) : Promise.reject(new TypeError("fetch failed")),
      ),
      onLogs: (logs) => got.push(...logs.map((l) => l.id)),
    });
    for (let i = 0; i < 3; i++) {
      FakeSocket.last().serverClose(1006);
      await vi.advanceTimersByTimeAsync(20_000);
    }
    expect(FakeSocket.all.length).toBe(4);
    up = true;
    FakeSocket.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(0);
    expect(got).toEqual([11]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(FakeSocket.last().url).toContain("after=11");
  });

  it("close() stops the stream for good", async () => {
    const handle = followBuildLogs("b3", {
      env: fakeEnv(() => Promise.reject(new Error("x"))),
      onLogs: () => undefined,
    });
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
  it("reads array messages (with a trailing newline) and uses follow=true", () => {
    const got: number[] = [];
    followAgentLogs("a1", {
      env: fakeEnv(() => Promise.reject(new Error("x"))),
      onLogs: (logs: WorkspaceAgentLog[]) => got.push(...logs.map((l) => l.id)),
    });
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
