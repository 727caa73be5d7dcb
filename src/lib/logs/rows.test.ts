import { describe, expect, it } from "vitest";
import { DEBUG, ERROR, INFO, TRACE, WARN, type LevelCode } from "./levels";
import { headerRow, LogRowIndex, type RowOptions } from "./rows";
import { LogStore } from "./store";

function makeStore(lines: Array<[string, LevelCode]>): LogStore {
  const store = new LogStore("build");
  store.append(lines.map(([group, level], i) => ({ text: `line ${i + 1}`, time: i * 1000, level, group })));
  return store;
}

const options = (over: Partial<RowOptions> = {}): RowOptions => ({
  headers: true,
  collapsed: new Set(),
  minLevel: TRACE,
  group: null,
  ...over,
});
const rowsOf = (index: LogRowIndex) => Array.from({ length: index.length }, (_, i) => index.at(i));

describe("LogRowIndex", () => {
  const store = makeStore([
    ["Setting up", INFO],
    ["Setting up", DEBUG],
    ["Planning", TRACE],
    ["Planning", WARN],
    ["Planning", ERROR],
    ["Starting", INFO],
  ]);

  it("puts a header before each group's lines", () => {
    expect(rowsOf(new LogRowIndex(store, options()))).toEqual([
      headerRow(0),
      0,
      1,
      headerRow(1),
      2,
      3,
      4,
      headerRow(2),
      5,
    ]);
  });

  it("level filter hides lines but never renumbers them", () => {
    const index = new LogRowIndex(store, options({ minLevel: INFO }));
    expect(rowsOf(index)).toEqual([headerRow(0), 0, headerRow(1), 3, 4, headerRow(2), 5]);
    // Line 4 (0-based 3) is still line 4 and found where it is shown.
    expect(index.rowOfLine(3)).toBe(3);
    expect(index.rowOfLine(1)).toBe(-1);
  });

  it("collapsing a group keeps its header and hides its lines", () => {
    const index = new LogRowIndex(store, options({ collapsed: new Set([1]) }));
    expect(rowsOf(index)).toEqual([headerRow(0), 0, 1, headerRow(1), headerRow(2), 5]);
    expect(index.rowOfLine(4)).toBe(-1);
    expect(index.rowOfHeader(1)).toBe(3);
    expect(index.rowOfHeader(2)).toBe(4);
  });

  it("filters to one group without headers (agent source tab)", () => {
    const index = new LogRowIndex(store, options({ headers: false, group: 1 }));
    expect(rowsOf(index)).toEqual([2, 3, 4]);
    expect(index.rowOfLine(4)).toBe(2);
  });

  it("picks up appended lines incrementally, continuing the last group", () => {
    const s = makeStore([["A", INFO]]);
    const index = new LogRowIndex(s, options());
    expect(index.sync()).toBe(false);
    s.append([
      { text: "x", time: 0, level: INFO, group: "A" },
      { text: "y", time: 0, level: INFO, group: "B" },
    ]);
    expect(index.sync()).toBe(true);
    expect(rowsOf(index)).toEqual([headerRow(0), 0, 1, headerRow(1), 2]);
  });

  it("finds lines by binary search in a large log", () => {
    const lines: Array<[string, LevelCode]> = [];
    for (let i = 0; i < 100_000; i++) lines.push([`stage ${Math.floor(i / 1000)}`, i % 3 === 0 ? DEBUG : INFO]);
    const big = makeStore(lines);
    const index = new LogRowIndex(big, options({ minLevel: INFO }));
    for (const line of [1, 2, 500, 99_998, 99_999]) {
      const row = index.rowOfLine(line);
      if (line % 3 === 0) expect(row).toBe(-1);
      else expect(index.at(row)).toBe(line);
    }
    expect(index.lineAtOrAfter(0)).toBe(1);
  });
});
