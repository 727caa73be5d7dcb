import { describe, expect, it } from "vitest";
import { INFO } from "./levels";
import { compileQuery, findMatches, SearchResults, SearchTask } from "./search";
import { LogStore } from "./store";

const all = (pattern: RegExp, text: string) => {
  const out: Array<[number, number]> = [];
  findMatches(pattern, text, (s, e) => out.push([s, e]));
  return out;
};

function compiled(text: string, caseSensitive = false, regex = false): RegExp {
  const q = compileQuery({ text, caseSensitive, regex });
  if (!q || !q.ok) throw new Error("expected a valid query");
  return q.pattern;
}

describe("compileQuery", () => {
  it("is null for an empty query", () => {
    expect(compileQuery({ text: "", caseSensitive: false, regex: true })).toBeNull();
  });

  it("plain text matches literally, case-insensitive by default", () => {
    expect(all(compiled("a.b"), "A.B axb a.b")).toEqual([
      [0, 3],
      [8, 11],
    ]);
  });

  it("case toggle", () => {
    expect(all(compiled("Error", true), "error Error ERROR")).toEqual([[6, 11]]);
  });

  it("regex mode", () => {
    expect(all(compiled("err(or)?\\b", false, true), "err error errors")).toEqual([
      [0, 3],
      [4, 9],
    ]);
  });

  it("reports an invalid regex clearly", () => {
    const q = compileQuery({ text: "(unclosed", caseSensitive: false, regex: true });
    expect(q).toEqual({ ok: false, error: expect.stringMatching(/^Invalid regular expression: .*(group|\))/i) });
  });

  it("skips empty matches without looping forever", () => {
    expect(all(compiled("x*", false, true), "abxxc")).toEqual([[2, 4]]);
  });
});

describe("SearchTask", () => {
  const E = "\x1b";
  function store(n: number): LogStore {
    const s = new LogStore("build");
    s.append(
      Array.from({ length: n }, (_, i) => ({
        text: i % 10 === 0 ? `${E}[31mneedle${E}[0m ${i}` : `hay ${i}`,
        time: i,
        level: INFO,
        group: "S",
      })),
    );
    return s;
  }
  const immediate = () => Promise.resolve();

  it("searches the visible text (ANSI removed) and reports offsets in it", async () => {
    const s = store(100);
    const task = new SearchTask(s, compiled("needle"), { onUpdate: () => {}, yieldFn: immediate });
    await task.run();
    expect(task.results.count).toBe(10);
    expect([task.results.line(1), task.results.start(1), task.results.end(1)]).toEqual([10, 0, 6]);
  });

  it("works in slices: yields between them and reports progress", async () => {
    const s = store(5000);
    let clock = 0;
    let yields = 0;
    const updates: number[] = [];
    const task = new SearchTask(s, compiled("needle"), {
      onUpdate: (r) => updates.push(r.count),
      // Each clock read advances 1 ms, so an 8 ms slice ends after a few 256-line batches.
      now: () => clock++,
      yieldFn: () => {
        yields++;
        return Promise.resolve();
      },
    });
    await task.run();
    expect(task.results.count).toBe(500);
    expect(yields).toBeGreaterThan(1);
    expect(updates.length).toBeGreaterThan(1);
    expect(updates[updates.length - 1]).toBe(500);
  });

  it("continues over lines appended after it finished", async () => {
    const s = store(20);
    const task = new SearchTask(s, compiled("needle"), { onUpdate: () => {}, yieldFn: immediate });
    await task.run();
    expect(task.results.count).toBe(2);
    s.append([{ text: "needle late", time: 0, level: INFO, group: "S" }]);
    expect(task.done).toBe(false);
    await task.run();
    expect(task.results.count).toBe(3);
  });

  it("honours the include filter and cancellation", async () => {
    const s = store(100);
    const task = new SearchTask(s, compiled("needle"), {
      include: (line) => line >= 50,
      onUpdate: () => {},
      yieldFn: immediate,
    });
    await task.run();
    expect(task.results.count).toBe(5);
    const cancelled = new SearchTask(s, compiled("needle"), {
      onUpdate: () => {},
      yieldFn: immediate,
      now: () => 1e9,
      sliceMs: 0,
    });
    cancelled.cancel();
    await cancelled.run();
    expect(cancelled.results.count).toBe(0);
  });
});

describe("SearchResults", () => {
  it("finds matches by line", () => {
    const r = new SearchResults();
    r.push(3, 0, 1);
    r.push(3, 4, 5);
    r.push(9, 0, 2);
    expect(r.firstAtOrAfter(0)).toBe(0);
    expect(r.firstAtOrAfter(4)).toBe(2);
    expect(r.firstAtOrAfter(10)).toBe(3);
    expect(r.rangeOnLine(3)).toEqual([0, 2]);
    expect(r.rangeOnLine(5)).toEqual([2, 2]);
  });
});
