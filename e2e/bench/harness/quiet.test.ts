import { describe, expect, it } from "vitest";
import { busyShare, cpuTimes } from "./quiet";

describe("cpuTimes / busyShare", () => {
  it("reads the summed cpu line of /proc/stat and counts idle and iowait as not busy", () => {
    const a = cpuTimes("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n");
    const b = cpuTimes("cpu  160 0 90 900 50 0 0 0 0 0\n");
    expect(a).toEqual({ busy: 150, total: 1000 });
    expect(b).toEqual({ busy: 250, total: 1200 });
    expect(busyShare(a!, b!)).toBeCloseTo(0.5);
  });

  it("gives null for text that is not /proc/stat", () => {
    expect(cpuTimes("no cpu here")).toBeNull();
    expect(cpuTimes("cpu  a b c d e")).toBeNull();
  });
});
