import { describe, expect, it } from "vitest";
import { buildPath, parseBuildNumber, parseOwnerSegment, timingsPath, workspacePath } from "./params";
import { safeRedirect } from "./auth";

describe("route params", () => {
  it("accepts only owners written with @", () => {
    expect(parseOwnerSegment("@alice")).toBe("alice");
    expect(parseOwnerSegment("alice")).toBeUndefined();
    expect(parseOwnerSegment("@")).toBeUndefined();
    expect(parseOwnerSegment(undefined)).toBeUndefined();
  });
  it("accepts plain positive build numbers only", () => {
    expect(parseBuildNumber("42")).toBe(42);
    for (const bad of ["0", "042", "-1", "4e1", "1.5", "abc", ""]) expect(parseBuildNumber(bad)).toBeUndefined();
  });
  it("builds paths with the @ and escapes names", () => {
    expect(workspacePath("alice", "dev")).toBe("/@alice/dev");
    expect(buildPath("alice", "dev", 3)).toBe("/@alice/dev/builds/3");
    expect(timingsPath("alice", "a b", 3)).toBe("/@alice/a%20b/builds/3/timings");
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeRedirect("/@alice/dev?tab=logs#L3")).toBe("/@alice/dev?tab=logs#L3");
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil",
      "javascript:alert(1)",
      "",
      null,
      "/login?redirect=/x",
    ]) {
      expect(safeRedirect(bad)).toBe("/workspaces");
    }
  });
});
