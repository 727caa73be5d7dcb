import { describe, expect, it } from "vitest";
import { majorMinor, unsupportedTimingsCopy } from "./unsupported";

describe("unsupportedTimingsCopy", () => {
  it("blames the version only when it is older than v2.16", () => {
    expect(unsupportedTimingsCopy("v2.15.3").description).toContain("v2.15.3; the timings endpoint arrived in v2.16");
    expect(unsupportedTimingsCopy("v1.40.0").title).toBe("This Coder server does not report timings");
  });

  it("does not blame a newer or unknown server", () => {
    for (const v of ["v2.99.99", "v2.16.0", "v3.0.0", undefined, "devel"]) {
      const copy = unsupportedTimingsCopy(v);
      expect(copy.title).toBe("Timings not available");
      expect(copy.description).not.toContain("older than");
      expect(copy.description).not.toContain("arrived in v2.16");
    }
    expect(unsupportedTimingsCopy("v2.99.99").description).toContain("(v2.99.99) answered 404");
  });

  it("reads major and minor", () => {
    expect(majorMinor("v2.24.1+sim")).toEqual([2, 24]);
    expect(majorMinor("2.9")).toEqual([2, 9]);
    expect(majorMinor("devel")).toBeUndefined();
  });
});
