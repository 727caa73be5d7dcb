import { describe, expect, it } from "vitest";
import type { WorkspaceBuild } from "../../api/types";
import { mergePages, pageOffsets } from "./paging";

const build = (n: number, status = "succeeded") =>
  ({ id: `b${n}`, build_number: n, job: { status } }) as unknown as WorkspaceBuild;
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => build(from - i));
const numbers = (list: WorkspaceBuild[]) => list.map((b) => b.build_number);

describe("pageOffsets", () => {
  it("lists one offset per page, at least one", () => {
    expect(pageOffsets(3, 25)).toEqual([0, 25, 50]);
    expect(pageOffsets(0, 25)).toEqual([0]);
  });
});

describe("mergePages", () => {
  it("joins full pages and says more may exist", () => {
    const merged = mergePages([range(50, 26), range(25, 1)], 25);
    expect(merged.builds).toHaveLength(50);
    expect(merged.builds[0].build_number).toBe(50);
    expect(merged).toMatchObject({ loadedPages: 2, hasMore: true, loading: false });
  });

  it("a short last page ends the history", () => {
    expect(mergePages([range(30, 6), range(5, 1)], 25).hasMore).toBe(false);
  });

  it("pages asked for past the end come back empty and end the history too", () => {
    const merged = mergePages([range(30, 6), range(5, 1), [], []], 25);
    expect(merged).toMatchObject({ loadedPages: 4, hasMore: false, loading: false });
    expect(merged.builds).toHaveLength(30);
  });

  it("stops at a page still loading", () => {
    const merged = mergePages([range(50, 26), undefined, range(10, 1)], 25);
    expect(merged).toMatchObject({ loadedPages: 1, loading: true });
    expect(merged.builds).toHaveLength(25);
  });

  it("keeps a build once when a new build shifted the offsets", () => {
    // Page 2 was fetched after build 51 appeared, so it starts with build 26 again.
    const merged = mergePages([range(50, 26), range(26, 2)], 25);
    expect(numbers(merged.builds)).toEqual(range(50, 2).map((b) => b.build_number));
  });

  it("puts the watched latest build on top and prefers its copy", () => {
    const running = build(51, "running");
    expect(numbers(mergePages([range(50, 26)], 25, running).builds).slice(0, 2)).toEqual([51, 50]);
    const fresher = build(50, "failed");
    const merged = mergePages([range(50, 26)], 25, fresher);
    expect(merged.builds[0].job.status).toBe("failed");
    expect(merged.builds).toHaveLength(25);
  });

  it("shows nothing until the first page answers", () => {
    expect(mergePages([undefined], 25, build(3)).builds).toEqual([]);
  });
});
