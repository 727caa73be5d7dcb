import { describe, expect, it } from "vitest";
import type { WorkspaceBuild } from "../../api/types";
import { parseCompareParam, previousSuccessfulBuild } from "./compareTarget";

const b = (build_number: number, transition: string, status: string) =>
  ({ id: `b${build_number}`, build_number, transition, job: { status } }) as WorkspaceBuild;

describe("parseCompareParam", () => {
  it("reads prev, a build number, nothing, or rejects the rest", () => {
    expect(parseCompareParam(null)).toEqual({ kind: "none" });
    expect(parseCompareParam("")).toEqual({ kind: "none" });
    expect(parseCompareParam("prev")).toEqual({ kind: "prev" });
    expect(parseCompareParam("41")).toEqual({ kind: "number", number: 41 });
    expect(parseCompareParam("0")).toEqual({ kind: "invalid", value: "0" });
    expect(parseCompareParam("-3")).toEqual({ kind: "invalid", value: "-3" });
    expect(parseCompareParam("latest")).toEqual({ kind: "invalid", value: "latest" });
  });
});

describe("previousSuccessfulBuild", () => {
  const current = b(10, "start", "succeeded");
  it("takes the newest earlier successful build with the same transition, in any list order", () => {
    const builds = [
      b(11, "start", "succeeded"),
      b(9, "stop", "succeeded"),
      b(8, "start", "failed"),
      b(6, "start", "succeeded"),
      b(7, "start", "succeeded"),
      current,
    ];
    expect(previousSuccessfulBuild(builds, current)?.build_number).toBe(7);
  });
  it("has none when no earlier build qualifies", () => {
    expect(
      previousSuccessfulBuild([b(9, "start", "canceled"), b(8, "delete", "succeeded"), current], current),
    ).toBeUndefined();
  });
});
