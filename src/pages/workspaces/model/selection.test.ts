import { describe, expect, it } from "vitest";
import {
  EMPTY_SELECTION,
  notShownRows,
  reconcileSelection,
  refreshNotShown,
  selectIds,
  viewKey,
  type Selection,
} from "./selection";
import { makeWorkspace } from "./testing";

const a = makeWorkspace({ id: "a", status: "running" });
const b = makeWorkspace({ id: "b", status: "running" });
const c = makeWorkspace({ id: "c", status: "stopped" });
const page1 = viewKey({ filter: "", page: 1, sort: undefined });
const page2 = viewKey({ filter: "", page: 2, sort: undefined });

const selecting = (ids: string[], shown = [a, b, c], view = page1): Selection =>
  selectIds({ rows: new Map(), view }, new Set(ids), shown);

describe("viewKey", () => {
  it("tells page, filter and sort apart, and ignores blanks around the filter", () => {
    const keys = new Set([
      page1,
      page2,
      viewKey({ filter: "owner:me", page: 1, sort: undefined }),
      viewKey({ filter: "", page: 1, sort: { key: "name", direction: "asc" } }),
      viewKey({ filter: "", page: 1, sort: { key: "name", direction: "desc" } }),
    ]);
    expect(keys.size).toBe(5);
    expect(viewKey({ filter: " status:running ", page: 1, sort: undefined })).toBe(
      viewKey({ filter: "status:running", page: 1, sort: undefined }),
    );
  });
});

describe("reconcileSelection", () => {
  it("keeps rows a refresh moved away, with their last copy, and counts them", () => {
    const sel = selecting(["a", "b"]);
    const bStopped = makeWorkspace({ id: "b", status: "stopped" });
    const afterMove = reconcileSelection(sel, { rows: [a, c], view: page1 }, false);
    expect([...afterMove.rows.keys()]).toEqual(["a", "b"]);
    expect(afterMove.rows.get("b")).toBe(b);
    expect(notShownRows(afterMove, [a, c])).toEqual([b]);

    const back = reconcileSelection(afterMove, { rows: [a, bStopped], view: page1 }, false);
    expect(back.rows.get("b")).toBe(bStopped);
    expect(notShownRows(back, [a, bStopped])).toEqual([]);
  });

  it("narrows to the shown rows when the user opens another page, filter or sort", () => {
    const sel = selecting(["a", "b"]);
    const next = reconcileSelection(sel, { rows: [b, c], view: page2 }, false);
    expect([...next.rows.keys()]).toEqual(["b"]);
    expect(next.view).toBe(page2);
    // Once narrowed, refreshes of the new view keep what moved away again.
    expect(reconcileSelection(next, { rows: [c], view: page2 }, false).rows.has("b")).toBe(true);
  });

  it("waits while a batch runs, then narrows", () => {
    const sel = selecting(["a", "b"]);
    const during = reconcileSelection(sel, { rows: [c], view: page2 }, true);
    expect([...during.rows.keys()]).toEqual(["a", "b"]);
    expect(during.view).toBe(page1);
    expect(reconcileSelection(during, { rows: [c], view: page2 }, false).rows.size).toBe(0);
  });

  it("does not narrow on an earlier view's rows standing in for a loading one", () => {
    const sel = selecting(["a", "b"]);
    const loading = reconcileSelection(sel, { rows: [a], view: undefined }, false);
    expect(loading).toBe(sel);
    expect([...reconcileSelection(loading, { rows: [a], view: page2 }, false).rows.keys()]).toEqual(["a"]);
  });

  it("returns the same selection when nothing changed", () => {
    const sel = selecting(["a"]);
    expect(reconcileSelection(sel, { rows: [a, b], view: page1 }, false)).toBe(sel);
    expect(reconcileSelection(EMPTY_SELECTION, { rows: [a], view: page1 }, false).rows.size).toBe(0);
  });
});

describe("selectIds", () => {
  it("adds shown rows, keeps remembered ones, drops ids it cannot name", () => {
    const sel = reconcileSelection(selecting(["a", "b"]), { rows: [c], view: page1 }, false);
    const next = selectIds(sel, new Set(["a", "b", "c", "ghost"]), [c]);
    expect([...next.rows.keys()]).toEqual(["a", "b", "c"]);
    expect(next.rows.get("a")).toBe(a);
    expect(selectIds(next, new Set(["c"]), [c]).rows.size).toBe(1);
  });
});

describe("refreshNotShown", () => {
  it("takes newer copies of rows not shown, drops deleted ones, leaves shown rows to the list", () => {
    const sel = selecting(["a", "b", "c"]);
    const bStopped = makeWorkspace({ id: "b", status: "stopped" });
    const aOther = makeWorkspace({ id: "a", status: "stopped" });
    const next = refreshNotShown(sel, [bStopped, aOther], ["c"], [a]);
    expect([...next.rows.entries()]).toEqual([
      ["a", a],
      ["b", bStopped],
    ]);
    expect(refreshNotShown(next, [bStopped], [], [a])).toBe(next);
    expect(refreshNotShown(next, [], ["a"], [a])).toBe(next);
  });
});
