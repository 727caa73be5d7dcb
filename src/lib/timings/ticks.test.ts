import { describe, expect, it } from "vitest";
import { compressedAxis, linearAxis } from "./axis";
import { axisTicks, formatTick, tickStep } from "./ticks";

describe("tick steps and labels", () => {
  it("picks the smallest readable step for the zoom level", () => {
    expect(tickStep(1000 / 125_000, 80)).toBe(10_000);
    expect(tickStep(1000 / 1000, 80)).toBe(100);
    expect(tickStep(1000 / 20, 80)).toBe(2);
    expect(tickStep(1000 / 3_600_000, 80)).toBe(300_000);
    expect(tickStep(1000 / (30 * 86_400_000), 80)).toBe(3 * 86_400_000);
  });

  it("labels in ms, then s, then m, as precise as the step", () => {
    expect(formatTick(250, 50)).toBe("250 ms");
    expect(formatTick(1250, 50)).toBe("1.25 s");
    expect(formatTick(1200, 100)).toBe("1.2 s");
    expect(formatTick(1002, 2)).toBe("1.002 s");
    expect(formatTick(45_000, 5_000)).toBe("45 s");
    expect(formatTick(90_000, 10_000)).toBe("1m 30s");
    expect(formatTick(120_000, 60_000)).toBe("2m");
    expect(formatTick(3_900_000, 300_000)).toBe("1h 05m");
    expect(formatTick(7_200_000, 3_600_000)).toBe("2h 00m");
  });
});

describe("axisTicks", () => {
  const axis = linearAxis(1_000_000, 1_125_000);

  it("covers the whole build at a coarse step", () => {
    const ticks = axisTicks(axis, { from: 0, to: axis.length, widthPx: 1000 });
    expect(ticks.map((t) => t.label)).toEqual([
      "0 s",
      "10 s",
      "20 s",
      "30 s",
      "40 s",
      "50 s",
      "1m 00s",
      "1m 10s",
      "1m 20s",
      "1m 30s",
      "1m 40s",
      "1m 50s",
      "2m 00s",
    ]);
    expect(ticks[1].x).toBeCloseTo(80, 6);
  });

  it("gets finer as the view zooms in, down to milliseconds", () => {
    const ticks = axisTicks(axis, { from: 30_000, to: 31_000, widthPx: 1000 });
    expect(ticks[0].label).toBe("30.0 s");
    expect(ticks[1].label).toBe("30.1 s");
    const fine = axisTicks(axis, { from: 0, to: 20, widthPx: 1000 });
    expect(fine.map((t) => t.label).slice(0, 3)).toEqual(["0 ms", "2 ms", "4 ms"]);
  });

  it("places no tick inside a compressed gap", () => {
    const gapAxis = compressedAxis(0, 100_000, [{ start: 20_000, end: 80_000, duration: 60_000 }]);
    const ticks = axisTicks(gapAxis, { from: 0, to: gapAxis.length, widthPx: 840 });
    expect(ticks.every((t) => t.t <= 20_000 || t.t >= 80_000)).toBe(true);
    expect(ticks.some((t) => t.t >= 80_000)).toBe(true);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].x).toBeGreaterThan(ticks[i - 1].x);
  });

  it("returns nothing for an empty view", () => {
    expect(axisTicks(axis, { from: 5, to: 5, widthPx: 100 })).toEqual([]);
    expect(axisTicks(axis, { from: 0, to: 10, widthPx: 0 })).toEqual([]);
  });
});
