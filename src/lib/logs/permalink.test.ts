import { describe, expect, it } from "vitest";
import { formatLineHash, parseLineHash, rangeForClick } from "./permalink";

describe("line permalinks", () => {
  it.each([
    ["#L120", { start: 120, end: 120 }],
    ["#L10-L20", { start: 10, end: 20 }],
    ["#L20-L10", { start: 10, end: 20 }],
    ["L5", { start: 5, end: 5 }],
    ["#L7-9", { start: 7, end: 9 }],
  ])("parses %s", (hash, range) => {
    expect(parseLineHash(hash)).toEqual(range);
  });

  it.each(["", "#", "#L", "#L0", "#L-5", "#Lx", "#L1-L0", "#line-3", "#L1.5", "#L99999999999999999999"])(
    "rejects %j",
    (hash) => {
      expect(parseLineHash(hash)).toBeNull();
    },
  );

  it("formats single lines and ranges, round-tripping", () => {
    expect(formatLineHash({ start: 120, end: 120 })).toBe("#L120");
    expect(formatLineHash({ start: 120, end: 140 })).toBe("#L120-L140");
    expect(parseLineHash(formatLineHash({ start: 3, end: 8 }))).toEqual({ start: 3, end: 8 });
  });

  it("click selects one line; shift-click extends from the anchor either way", () => {
    expect(rangeForClick(5, 2, false)).toEqual({ start: 5, end: 5 });
    expect(rangeForClick(5, 2, true)).toEqual({ start: 2, end: 5 });
    expect(rangeForClick(1, 8, true)).toEqual({ start: 1, end: 8 });
    expect(rangeForClick(4, null, true)).toEqual({ start: 4, end: 4 });
  });
});
