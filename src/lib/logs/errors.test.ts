import { describe, expect, it } from "vitest";
import { adjacentError } from "./errors";
import { ERROR, INFO } from "./levels";
import { LogStore } from "./store";

describe("adjacentError", () => {
  const store = new LogStore("agent");
  // Errors on lines 2 (source a), 5 (b), 9 (a).
  store.append(
    Array.from({ length: 12 }, (_, i) => ({
      text: `l${i}`,
      time: i,
      level: [2, 5, 9].includes(i) ? ERROR : INFO,
      group: i === 5 ? "b" : "a",
    })),
  );

  it("walks forward and backward from a line", () => {
    expect(adjacentError(store, -1, 1)).toBe(2);
    expect(adjacentError(store, 2, 1)).toBe(5);
    expect(adjacentError(store, 9, 1)).toBe(-1);
    expect(adjacentError(store, 9, -1)).toBe(5);
    expect(adjacentError(store, 3, -1)).toBe(2);
    expect(adjacentError(store, 2, -1)).toBe(-1);
  });

  it("can stay within one group", () => {
    expect(adjacentError(store, 2, 1, 0)).toBe(9);
    expect(adjacentError(store, 9, -1, 0)).toBe(2);
    expect(adjacentError(store, 0, 1, 1)).toBe(5);
  });
});
