import { describe, expect, it } from "vitest";
import { pageCount, pageOffset, parsePage, showingLabel, slicePage } from "./paging";

describe("paging", () => {
  it("parses 1-based pages and falls back to 1", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(null)).toBe(1);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("-2")).toBe(1);
    expect(parsePage("2.5")).toBe(1);
    expect(parsePage("abc")).toBe(1);
  });
  it("counts pages, at least one", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(25)).toBe(1);
    expect(pageCount(26)).toBe(2);
    expect(pageCount(213)).toBe(9);
  });
  it("offsets and slices", () => {
    expect(pageOffset(1)).toBe(0);
    expect(pageOffset(3)).toBe(50);
    const items = Array.from({ length: 60 }, (_, i) => i);
    expect(slicePage(items, 2)).toEqual(items.slice(25, 50));
    expect(slicePage(items, 3)).toEqual(items.slice(50));
    expect(slicePage(items, 9)).toEqual([]);
  });
  it("says which rows are shown", () => {
    expect(showingLabel(2, 213, 25)).toBe("Showing 26–50 of 213");
    expect(showingLabel(9, 213, 13)).toBe("Showing 201–213 of 213");
    expect(showingLabel(1, 1234, 25)).toBe("Showing 1–25 of 1,234");
    expect(showingLabel(1, 0, 0)).toBe("Showing 0 of 0");
    expect(showingLabel(5, 30, 0)).toBe("Showing 0 of 30");
  });
});
