import { describe, expect, it } from "vitest";
import { compressedAxis, linearAxis } from "./axis";

describe("time axes", () => {
  it("maps linearly when nothing is compressed", () => {
    const axis = linearAxis(1000, 11_000);
    expect(axis.length).toBe(10_000);
    expect(axis.toAxis(6000)).toBe(5000);
    expect(axis.fromAxis(5000)).toBe(6000);
    expect(axis.toAxis(0)).toBe(-1000);
  });

  it("shrinks long idle gaps to a break and keeps the mapping monotonic and invertible", () => {
    // 0–100 s with a 60 s gap (20–80 s); breaks are 2 % of the total = 2 s wide.
    const axis = compressedAxis(0, 100_000, [{ start: 20_000, end: 80_000, duration: 60_000 }]);
    expect(axis.breaks).toEqual([{ start: 20_000, end: 80_000, duration: 60_000, axisStart: 20_000, axisEnd: 22_000 }]);
    expect(axis.length).toBe(42_000);
    expect(axis.toAxis(10_000)).toBe(10_000);
    expect(axis.toAxis(50_000)).toBe(21_000);
    expect(axis.toAxis(90_000)).toBe(32_000);
    let previous = -Infinity;
    for (let t = 0; t <= 100_000; t += 2_500) {
      const u = axis.toAxis(t);
      expect(u).toBeGreaterThan(previous);
      expect(axis.fromAxis(u)).toBeCloseTo(t, 6);
      previous = u;
    }
  });

  it("leaves short gaps alone", () => {
    const axis = compressedAxis(0, 100_000, [
      { start: 10_000, end: 10_500, duration: 500 },
      { start: 20_000, end: 23_000, duration: 3_000 },
    ]);
    expect(axis.breaks).toHaveLength(0);
    expect(axis.length).toBe(100_000);
  });
});
