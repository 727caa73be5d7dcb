import { describe, expect, it } from "vitest";
import { LogCursor, parseLogMessage } from "./logCursor";

describe("LogCursor", () => {
  it("passes new logs through and remembers the last id", () => {
    const c = new LogCursor();
    expect(c.accept([{ id: 1 }, { id: 2 }]).map((l) => l.id)).toEqual([1, 2]);
    expect(c.lastId).toBe(2);
  });

  it("drops what a resumed stream repeats (backlog overlap after a drop)", () => {
    const c = new LogCursor(0);
    c.accept([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(c.accept([{ id: 2 }, { id: 3 }, { id: 4 }]).map((l) => l.id)).toEqual([4]);
  });

  it("starts after the given id", () => {
    const c = new LogCursor(10);
    expect(c.accept([{ id: 9 }, { id: 10 }, { id: 11 }]).map((l) => l.id)).toEqual([11]);
  });

  it("simulated drops and resumes deliver every id exactly once, in order", () => {
    const server = Array.from({ length: 200 }, (_, i) => ({ id: i + 1 }));
    const c = new LogCursor();
    const seen: number[] = [];
    let rng = 7;
    const rand = () => (rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    while (c.lastId < server.length) {
      // Each connection replays from `after` (sometimes overlapping a little) and drops after a few.
      const from = Math.max(0, c.lastId - Math.floor(rand() * 3));
      const upto = Math.min(server.length, from + 1 + Math.floor(rand() * 20));
      for (const log of server.slice(from, upto)) seen.push(...c.accept([log]).map((l) => l.id));
    }
    expect(seen).toEqual(server.map((l) => l.id));
  });
});

describe("parseLogMessage", () => {
  it("accepts one object (build logs) or an array (agent logs, maybe newline-terminated)", () => {
    expect(parseLogMessage('{"id":1}')).toEqual([{ id: 1 }]);
    expect(parseLogMessage('[{"id":1},{"id":2}]\n')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(parseLogMessage("[]")).toEqual([]);
    expect(parseLogMessage("null")).toEqual([]);
  });
});
