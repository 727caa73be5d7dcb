import { describe, expect, it } from "vitest";
import { AWAIT_MAX_AGE_MS, awaitedStorageKey, parseAwaited, withAwaited, withoutAwaited } from "./awaited";

const entry = (workspaceId: string, since = 1_000) => ({ workspaceId, owner: "alice", name: workspaceId, since });

describe("awaited workspaces", () => {
  it("round-trips through storage text", () => {
    const list = withAwaited(withAwaited([], entry("a")), entry("b"));
    expect(parseAwaited(JSON.stringify(list), 2_000)).toEqual(list);
  });

  it("drops malformed, duplicate and expired entries, and survives garbage", () => {
    const raw = JSON.stringify([entry("a"), { workspaceId: 5 }, entry("a", 1_500), entry("old", -AWAIT_MAX_AGE_MS)]);
    expect(parseAwaited(raw, 2_000)).toEqual([entry("a")]);
    expect(parseAwaited("{not json", 0)).toEqual([]);
    expect(parseAwaited('{"a":1}', 0)).toEqual([]);
    expect(parseAwaited(null, 0)).toEqual([]);
  });

  it("replaces an entry for the same workspace and removes by id", () => {
    const list = withAwaited([entry("a", 1), entry("b", 1)], entry("a", 9));
    expect(list).toEqual([entry("b", 1), entry("a", 9)]);
    expect(withoutAwaited(list, "b")).toEqual([entry("a", 9)]);
  });

  it("keeps each user's list apart", () => {
    expect(awaitedStorageKey("u1")).not.toBe(awaitedStorageKey("u2"));
  });
});
