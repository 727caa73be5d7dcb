import { describe, expect, it } from "vitest";
import { idleGaps, totalDuration } from "./idleGaps";

describe("idleGaps", () => {
  it("finds spans where nothing ran, whatever the input order, ignoring nested and touching items", () => {
    const gaps = idleGaps([
      { start: 50, end: 60 },
      { start: 0, end: 10 },
      { start: 2, end: 5 },
      { start: 10, end: 20 },
      { start: 30, end: 40 },
      { start: 35, end: 45 },
    ]);
    expect(gaps).toEqual([
      { start: 20, end: 30, duration: 10 },
      { start: 45, end: 50, duration: 5 },
    ]);
    expect(totalDuration(gaps)).toBe(15);
  });

  it("counts leading and trailing idle time inside given bounds", () => {
    expect(idleGaps([{ start: 10, end: 20 }], 0, 30)).toEqual([
      { start: 0, end: 10, duration: 10 },
      { start: 20, end: 30, duration: 10 },
    ]);
  });

  it("has no gaps for nothing or for one continuous run", () => {
    expect(idleGaps([])).toEqual([]);
    expect(
      idleGaps([
        { start: 0, end: 100 },
        { start: 10, end: 20 },
      ]),
    ).toEqual([]);
  });
});
