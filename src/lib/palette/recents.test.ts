import { describe, expect, it } from "vitest";
import { MAX_RECENTS, parseRecents, pushRecent } from "./recents";

const item = (id: string) => ({ id, label: id, path: `/${id}` });

describe("recents", () => {
  it("puts the latest first, once, and keeps a few", () => {
    let list = [item("a"), item("b")];
    list = pushRecent(list, item("b"));
    expect(list.map((r) => r.id)).toEqual(["b", "a"]);
    for (let i = 0; i < 10; i++) list = pushRecent(list, item(`x${i}`));
    expect(list).toHaveLength(MAX_RECENTS);
    expect(list[0].id).toBe("x9");
  });

  it("reads back only well-formed items with paths on this site", () => {
    const raw = JSON.stringify([
      item("ok"),
      { id: "x", label: "x", path: "//evil.example" },
      { id: "y", label: "y", path: "javascript:alert(1)" },
      { id: 3 },
    ]);
    expect(parseRecents(raw)).toEqual([item("ok")]);
    expect(parseRecents("nope")).toEqual([]);
    expect(parseRecents(null)).toEqual([]);
  });
});
