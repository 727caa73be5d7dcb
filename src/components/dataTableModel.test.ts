import { describe, expect, it } from "vitest";
import { headerCheckState, moveIndex, nextSort, selectRange, sortRows, toggleAllShown } from "./dataTableModel";

describe("sortRows", () => {
  const rows = [
    { name: "b10", n: 2 },
    { name: "b2", n: undefined },
    { name: "a", n: 1 },
    { name: "c", n: 2 },
  ];
  it("sorts strings naturally and numbers numerically, stable for ties", () => {
    expect(sortRows(rows, (r) => r.name, "asc").map((r) => r.name)).toEqual(["a", "b2", "b10", "c"]);
    expect(sortRows(rows, (r) => r.n, "asc").map((r) => r.name)).toEqual(["a", "b10", "c", "b2"]);
  });
  it("keeps missing values last when descending", () => {
    expect(sortRows(rows, (r) => r.n, "desc").map((r) => r.name)).toEqual(["b10", "c", "a", "b2"]);
  });
});

describe("nextSort", () => {
  it("starts a new column in its initial direction and flips the same column", () => {
    expect(nextSort(null, "name")).toEqual({ columnId: "name", direction: "asc" });
    expect(nextSort({ columnId: "name", direction: "asc" }, "name")).toEqual({ columnId: "name", direction: "desc" });
    expect(nextSort({ columnId: "name", direction: "desc" }, "age", "desc")).toEqual({
      columnId: "age",
      direction: "desc",
    });
  });
});

describe("selectRange", () => {
  const ids = ["a", "b", "c", "d", "e"];
  it("selects every row between anchor and target", () => {
    expect([...selectRange(new Set(["b"]), ids, "b", "d")].sort()).toEqual(["b", "c", "d"]);
    expect([...selectRange(new Set(["d"]), ids, "d", "b")].sort()).toEqual(["b", "c", "d"]);
  });
  it("deselects the range when the target was selected", () => {
    expect([...selectRange(new Set(ids), ids, "a", "c")].sort()).toEqual(["d", "e"]);
  });
  it("toggles only the target without a visible anchor", () => {
    expect([...selectRange(new Set(), ids, null, "c")]).toEqual(["c"]);
    expect([...selectRange(new Set(["c"]), ids, "zz", "c")]).toEqual([]);
  });
});

describe("moveIndex / headerCheckState", () => {
  it("clamps movement", () => {
    expect(moveIndex(-1, 1, 3)).toBe(0);
    expect(moveIndex(-1, -1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(2);
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(0, 1, 0)).toBe(-1);
  });
  it("reports none/some/all", () => {
    expect(headerCheckState(new Set(), ["a"])).toBe("none");
    expect(headerCheckState(new Set(["a"]), ["a", "b"])).toBe("some");
    expect(headerCheckState(new Set(["a", "b"]), ["a", "b"])).toBe("all");
  });
});

describe("toggleAllShown", () => {
  it("selects every shown row, then unselects them and only them", () => {
    const all = toggleAllShown(new Set(["elsewhere", "a"]), ["a", "b"]);
    expect([...all].sort()).toEqual(["a", "b", "elsewhere"]);
    expect([...toggleAllShown(all, ["a", "b"])]).toEqual(["elsewhere"]);
  });
});
