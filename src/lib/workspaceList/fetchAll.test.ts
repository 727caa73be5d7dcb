import { describe, expect, it } from "vitest";
import type { WorkspacesResponse } from "../../api/types";
import { fetchAllMatches, mapLimited, remainingOffsets } from "./fetchAll";
import { makeWorkspace } from "./testing";

function fakeServer(total: number, delayMs = 1) {
  const all = Array.from({ length: total }, (_, i) => makeWorkspace({ id: `id-${i}`, name: `w${i}` }));
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: Array<[number, number]> = [];
  const fetchPage = async (offset: number, limit: number): Promise<WorkspacesResponse> => {
    calls.push([offset, limit]);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, delayMs));
    inFlight--;
    return { workspaces: all.slice(offset, offset + limit), count: total };
  };
  return { fetchPage, calls, maxInFlight: () => maxInFlight };
}

describe("remainingOffsets", () => {
  it("lists the pages after the first", () => {
    expect(remainingOffsets(0, 100)).toEqual([]);
    expect(remainingOffsets(100, 100)).toEqual([]);
    expect(remainingOffsets(101, 100)).toEqual([100]);
    expect(remainingOffsets(1000, 100)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });
});

describe("mapLimited", () => {
  it("keeps order and never exceeds the limit", async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 1, 1], 3, async (n) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 10, 10]);
    expect(max).toBe(3);
  });
  it("handles no items", async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
});

describe("fetchAllMatches", () => {
  it("fetches every match in pages of 100 with at most 4 in flight", async () => {
    const server = fakeServer(1000);
    const result = await fetchAllMatches(server.fetchPage);
    expect(result.complete).toBe(true);
    if (!result.complete) return;
    expect(result.workspaces).toHaveLength(1000);
    expect(result.count).toBe(1000);
    expect(server.calls).toHaveLength(10);
    expect(server.calls.every(([, limit]) => limit === 100)).toBe(true);
    expect(server.maxInFlight()).toBe(4);
  });
  it("stops after the first page when more than 1,000 match", async () => {
    const server = fakeServer(1001);
    const result = await fetchAllMatches(server.fetchPage);
    expect(result).toEqual({ complete: false, count: 1001 });
    expect(server.calls).toEqual([[0, 100]]);
  });
  it("is one request for a small list", async () => {
    const server = fakeServer(7);
    const result = await fetchAllMatches(server.fetchPage);
    expect(result.complete && result.workspaces.length).toBe(7);
    expect(server.calls).toEqual([[0, 100]]);
  });
  it("drops a row seen twice when the list shifted between pages", async () => {
    const a = makeWorkspace({ id: "a" });
    const b = makeWorkspace({ id: "b" });
    const c = makeWorkspace({ id: "c" });
    const pages: Record<number, WorkspacesResponse> = {
      0: { workspaces: [a, b], count: 3 },
      2: { workspaces: [b, c], count: 3 },
    };
    const result = await fetchAllMatches(async (offset) => pages[offset], { pageSize: 2 });
    expect(result.complete && result.workspaces.map((w) => w.id)).toEqual(["a", "b", "c"]);
  });
  it("rejects when a page fails, so the caller can show the error", async () => {
    await expect(
      fetchAllMatches(
        async (offset) => {
          if (offset > 0) throw new Error("boom");
          return { workspaces: [], count: 250 };
        },
        {},
      ),
    ).rejects.toThrow("boom");
  });
});
