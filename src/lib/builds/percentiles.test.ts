import { describe, expect, it } from "vitest";
import { p50p95, percentile } from "./percentiles";

describe("percentile", () => {
  it("interpolates between ranks", () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 50)).toBe(30);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
  });

  it("does not depend on input order and ignores non-finite values", () => {
    expect(percentile([50, 10, Number.NaN, 40, 20, 30], 50)).toBe(30);
  });

  it("handles edges", () => {
    expect(percentile([], 50)).toBeUndefined();
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 9], 0)).toBe(1);
    expect(percentile([1, 9], 100)).toBe(9);
    expect(percentile([1, 9], 250)).toBe(9);
  });

  it("p50p95 reports both and the count", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p50p95(values)).toEqual({ p50: 50.5, p95: expect.closeTo(95.05, 5), count: 100 });
  });
});
