import { describe, expect, it } from "vitest";
import { formatLineTime, gapBefore } from "./time";

const T0 = Date.parse("2025-03-04T10:00:00.000Z");

describe("line times", () => {
  it("absolute clock time with milliseconds", () => {
    expect(formatLineTime(T0 + 65_123, "absolute", T0, "UTC")).toBe("10:01:05.123");
  });

  it("relative to the start of the log", () => {
    expect(formatLineTime(T0 + 1_234, "relative", T0)).toBe("+0:01.234");
    expect(formatLineTime(T0 + 65_000, "relative", T0)).toBe("+1:05.000");
    expect(formatLineTime(T0 + 3_725_000, "relative", T0)).toBe("+1:02:05.000");
  });

  it("off, or an unknown time, gives nothing", () => {
    expect(formatLineTime(T0, "off", T0)).toBe("");
    expect(formatLineTime(NaN, "absolute", T0)).toBe("");
  });

  it("marks gaps over 10 s", () => {
    expect(gapBefore(T0, T0 + 10_000)).toBe(0);
    expect(gapBefore(T0, T0 + 10_001)).toBe(10_001);
    expect(gapBefore(NaN, T0)).toBe(0);
  });
});
