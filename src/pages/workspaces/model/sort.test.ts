import { describe, expect, it } from "vitest";
import { formatSort, parseSort, sortWorkspaces } from "./sort";
import { makeWorkspace } from "./testing";

const names = (list: { name: string }[]) => list.map((w) => w.name);

describe("parseSort / formatSort", () => {
  it("reads key:direction and round-trips", () => {
    expect(parseSort("last_used:desc")).toEqual({ key: "last_used", direction: "desc" });
    expect(formatSort({ key: "name", direction: "asc" })).toBe("name:asc");
    expect(parseSort(formatSort({ key: "last_build", direction: "asc" }))).toEqual({
      key: "last_build",
      direction: "asc",
    });
  });
  it("defaults the direction per column and rejects garbage", () => {
    expect(parseSort("name")).toEqual({ key: "name", direction: "asc" });
    expect(parseSort("last_used")).toEqual({ key: "last_used", direction: "desc" });
    expect(parseSort("owner:asc")).toBeUndefined();
    expect(parseSort("name:sideways")).toBeUndefined();
    expect(parseSort("")).toBeUndefined();
    expect(parseSort(null)).toBeUndefined();
  });
});

describe("sortWorkspaces", () => {
  const a = makeWorkspace({
    name: "alpha",
    status: "stopped",
    last_used_at: "2025-01-03T00:00:00Z",
    buildCreatedAt: "2025-01-01T00:00:00Z",
  });
  const b = makeWorkspace({
    name: "Beta",
    status: "failed",
    last_used_at: "2025-01-01T00:00:00Z",
    buildCreatedAt: "2025-01-05T00:00:00Z",
  });
  const c = makeWorkspace({
    name: "gamma10",
    status: "running",
    last_used_at: "2025-01-02T00:00:00Z",
    buildCreatedAt: "2025-01-03T00:00:00Z",
  });
  const d = makeWorkspace({
    name: "gamma9",
    status: "starting",
    last_used_at: "2025-01-04T00:00:00Z",
    buildCreatedAt: "2025-01-02T00:00:00Z",
  });
  const list = [c, a, d, b];

  it("sorts by name, case-insensitive and numeric-aware", () => {
    expect(names(sortWorkspaces(list, { key: "name", direction: "asc" }))).toEqual([
      "alpha",
      "Beta",
      "gamma9",
      "gamma10",
    ]);
    expect(names(sortWorkspaces(list, { key: "name", direction: "desc" }))).toEqual([
      "gamma10",
      "gamma9",
      "Beta",
      "alpha",
    ]);
  });
  it("sorts by status rank: failed, moving, up, down", () => {
    expect(names(sortWorkspaces(list, { key: "status", direction: "asc" }))).toEqual([
      "Beta",
      "gamma9",
      "gamma10",
      "alpha",
    ]);
  });
  it("puts an unknown status last instead of crashing", () => {
    const odd = makeWorkspace({ name: "odd", status: "hibernating" });
    expect(names(sortWorkspaces([odd, a], { key: "status", direction: "asc" }))).toEqual(["alpha", "odd"]);
  });
  it("sorts by last used and last build", () => {
    expect(names(sortWorkspaces(list, { key: "last_used", direction: "desc" }))).toEqual([
      "gamma9",
      "alpha",
      "gamma10",
      "Beta",
    ]);
    expect(names(sortWorkspaces(list, { key: "last_build", direction: "asc" }))).toEqual([
      "alpha",
      "gamma9",
      "gamma10",
      "Beta",
    ]);
  });
  it("keeps favourites first in either direction", () => {
    const fav = { ...a, id: "fav", name: "zulu", favorite: true };
    expect(names(sortWorkspaces([...list, fav], { key: "name", direction: "asc" }))[0]).toBe("zulu");
    expect(names(sortWorkspaces([...list, fav], { key: "name", direction: "desc" }))[0]).toBe("zulu");
  });
  it("breaks ties by owner then name, so equal keys keep a stable order", () => {
    const x = makeWorkspace({ name: "x", owner_name: "bob", last_used_at: "2025-01-01T00:00:00Z" });
    const y = makeWorkspace({ name: "y", owner_name: "alice", last_used_at: "2025-01-01T00:00:00Z" });
    expect(names(sortWorkspaces([x, y], { key: "last_used", direction: "desc" }))).toEqual(["y", "x"]);
    expect(names(sortWorkspaces([x, y], { key: "last_used", direction: "asc" }))).toEqual(["y", "x"]);
  });
  it("without a sort keeps server order, favourites moved first", () => {
    const fav = { ...b, favorite: true };
    expect(names(sortWorkspaces([c, a, fav, d], undefined))).toEqual(["Beta", "gamma10", "alpha", "gamma9"]);
  });
  it("does not mutate its input", () => {
    const input = [c, a];
    sortWorkspaces(input, { key: "name", direction: "asc" });
    expect(names(input)).toEqual(["gamma10", "alpha"]);
  });
});
