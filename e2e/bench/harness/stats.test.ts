import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("summarize", () => {
  it("takes the middle value of an odd count and the mean of the middle two of an even count", () => {
    expect(summarize([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
  });
  it("refuses an empty run", () => {
    expect(() => summarize([])).toThrow();
  });
});

describe("percentile", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it("uses the nearest rank", () => {
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.95)).toBe(95);
    expect(percentile([7], 0.95)).toBe(7);
  });
});
