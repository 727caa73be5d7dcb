import { describe, expect, it } from "vitest";
import {
  durationBetween,
  formatAbsolute,
  formatBytes,
  formatClock,
  formatCount,
  formatDuration,
  formatOrdinal,
  formatRelative,
  relativeTickMs,
} from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [850, "850 ms"],
    [999.6, "1000 ms"],
    [1000, "1.0s"],
    [4_290, "4.2s"],
    [42_900, "42s"],
    [65_000, "1m 05s"],
    [59 * 60_000 + 59_999, "59m 59s"],
    [2 * 3_600_000 + 3 * 60_000 + 59_000, "2h 03m"],
    [26 * 3_600_000, "1d 02h"],
    [-5, "0 ms"],
    [Number.NaN, "—"],
  ])("%s ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("durationBetween", () => {
  it("measures between two timestamps", () => {
    expect(durationBetween("2025-01-01T00:00:00Z", "2025-01-01T00:01:05Z")).toBe(65_000);
  });
  it("runs to now when there is no end", () => {
    expect(durationBetween("2025-01-01T00:00:00Z", undefined, Date.parse("2025-01-01T00:00:02Z"))).toBe(2_000);
  });
  it("is undefined without a start (a job not started omits the key)", () => {
    expect(durationBetween(undefined, "2025-01-01T00:00:00Z")).toBeUndefined();
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2025-03-04T12:00:00Z");
  it.each([
    ["2025-03-04T11:59:55Z", "just now"],
    ["2025-03-04T11:59:30Z", "30 seconds ago"],
    ["2025-03-04T11:55:00Z", "5 minutes ago"],
    ["2025-03-04T09:00:00Z", "3 hours ago"],
    ["2025-03-03T12:00:00Z", "yesterday"],
    ["2025-02-20T12:00:00Z", "2 weeks ago"],
    ["2025-03-04T14:00:00Z", "in 2 hours"],
    ["2023-03-04T12:00:00Z", "2 years ago"],
  ])("%s → %s", (date, text) => {
    expect(formatRelative(date, now)).toBe(text);
  });
  it("rounds to the nearest unit instead of truncating", () => {
    expect(formatRelative(now + 5 * 86_400_000 - 30_000, now)).toBe("in 5 days");
    expect(formatRelative(now - 59_600, now)).toBe("1 minute ago");
  });
  it("handles an unparseable date", () => {
    expect(formatRelative("not a date", now)).toBe("—");
  });
});

describe("relativeTickMs", () => {
  it("ticks every second for fresh times and slower for old ones", () => {
    const now = 10_000_000;
    expect(relativeTickMs(now - 5_000, now)).toBe(1_000);
    expect(relativeTickMs(now - 600_000, now)).toBe(15_000);
    expect(relativeTickMs(now - 7_200_000, now)).toBe(60_000);
  });
});

describe("absolute times", () => {
  it("formats in the viewer's zone (UTC in tests)", () => {
    expect(formatAbsolute("2025-03-04T14:05:09Z")).toBe("Mar 4, 2025, 14:05:09 UTC");
    expect(formatClock("2025-03-04T14:05:09Z")).toBe("14:05:09");
  });
});

describe("formatOrdinal", () => {
  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [101, "101st"],
  ])("%s → %s", (n, text) => {
    expect(formatOrdinal(n)).toBe(text);
  });
});

describe("formatBytes / formatCount", () => {
  it.each([
    [0, "0 B"],
    [512, "512 B"],
    [1536, "1.5 KiB"],
    [20 * 1024 * 1024, "20 MiB"],
    [-1, "—"],
  ])("%s → %s", (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
  it("groups thousands", () => {
    expect(formatCount(12345)).toBe("12,345");
  });
});
