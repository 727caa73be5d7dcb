import { describe, expect, it } from "vitest";
import { mergeWatched, patchResponse, setFavorite } from "./update";
import { makeWorkspace } from "./testing";

describe("list updates", () => {
  const a = makeWorkspace({ id: "a" });
  const b = makeWorkspace({ id: "b" });
  const list = [a, b];

  it("sets a favourite without touching other rows", () => {
    const next = setFavorite(list, "b", true);
    expect(next[1].favorite).toBe(true);
    expect(next[0]).toBe(a);
    expect(list[1].favorite).toBe(false);
  });
  it("returns the same list when nothing changes", () => {
    expect(setFavorite(list, "a", false)).toBe(list);
    expect(setFavorite(list, "missing", true)).toBe(list);
  });
  it("merges a newer watched copy and ignores an older one", () => {
    const newer = makeWorkspace({ id: "a", status: "stopping", buildNumber: 2 });
    const merged = mergeWatched(list, newer);
    expect(merged[0]).toBe(newer);
    const older = makeWorkspace({ id: "a", status: "running", buildNumber: 1, buildCreatedAt: "2024-01-01T00:00:00Z" });
    expect(mergeWatched(merged, older)).toBe(merged);
  });
  it("prefers the later update of the same build", () => {
    const current = makeWorkspace({ id: "a", status: "starting", buildNumber: 3, buildCreatedAt: "2025-01-01T00:00:00Z" });
    const later = { ...current, latest_build: { ...current.latest_build, status: "running", updated_at: "2025-01-01T00:00:05Z" } };
    expect(mergeWatched([current], later)[0].latest_build.status).toBe("running");
  });
  it("patches a {workspaces,count} page", () => {
    const page = { workspaces: list, count: 2 };
    expect(patchResponse(page, (l) => setFavorite(l, "a", true)).workspaces[0].favorite).toBe(true);
    expect(patchResponse(page, (l) => l)).toBe(page);
  });
});
