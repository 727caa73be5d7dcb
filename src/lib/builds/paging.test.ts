import { describe, expect, it } from "vitest";
import type { WorkspaceBuild } from "../../api/types";
import {
  FIRST_PAGE,
  HISTORY_PAGE_SIZE,
  mergePages,
  nextPages,
  PAGES_IN_FLIGHT,
  shownPageCount,
  WHOLE_HISTORY_PAGE_SIZE,
} from "./paging";

const build = (n: number, status = "succeeded") =>
  ({ id: `b${n}`, build_number: n, job: { status } }) as unknown as WorkspaceBuild;
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => build(from - i));
const numbers = (list: WorkspaceBuild[]) => list.map((b) => b.build_number);
const page = (builds: WorkspaceBuild[], limit = 25) => ({ limit, builds });

describe("nextPages", () => {
  it("scrolling asks for the next page of 25", () => {
    expect(nextPages(FIRST_PAGE, false)).toEqual([{ offset: 25, limit: HISTORY_PAGE_SIZE, batch: 1 }]);
  });

  it("the whole history asks for a batch of large pages side by side, after what is loaded", () => {
    const batch = nextPages(FIRST_PAGE, true);
    expect(batch).toHaveLength(PAGES_IN_FLIGHT);
    expect(batch.map((p) => p.offset)).toEqual(
      Array.from({ length: PAGES_IN_FLIGHT }, (_, i) => 25 + i * WHOLE_HISTORY_PAGE_SIZE),
    );
    expect(new Set(batch.map((p) => p.limit))).toEqual(new Set([WHOLE_HISTORY_PAGE_SIZE]));
    expect(new Set(batch.map((p) => p.batch))).toEqual(new Set([1]));
    const after = nextPages([...FIRST_PAGE, ...batch], true);
    expect(after[0]).toEqual({ offset: 25 + PAGES_IN_FLIGHT * WHOLE_HISTORY_PAGE_SIZE, limit: 250, batch: 2 });
  });
});

describe("shownPageCount", () => {
  const pages = [
    { batch: 0, builds: [] as unknown },
    { batch: 1, builds: [] as unknown },
    { batch: 1, builds: undefined },
    { batch: 2, builds: [] as unknown },
  ];

  it("stops before a batch with a page still loading, even when later pages answered", () => {
    expect(shownPageCount(pages)).toBe(1);
  });

  it("shows a batch once all its pages answered", () => {
    expect(shownPageCount(pages.map((p) => ({ ...p, builds: [] })))).toBe(4);
    expect(shownPageCount([{ batch: 0, builds: undefined }])).toBe(0);
  });
});

describe("mergePages", () => {
  it("joins full pages and says more may exist", () => {
    const merged = mergePages([page(range(50, 26)), page(range(25, 1))]);
    expect(merged.builds).toHaveLength(50);
    expect(merged.builds[0].build_number).toBe(50);
    expect(merged.hasMore).toBe(true);
  });

  it("a short last page ends the history", () => {
    expect(mergePages([page(range(30, 6)), page(range(5, 1))]).hasMore).toBe(false);
  });

  it("pages asked for past the end come back empty and end the history too", () => {
    const merged = mergePages([page(range(30, 6)), page(range(5, 1)), page([]), page([])]);
    expect(merged.hasMore).toBe(false);
    expect(merged.builds).toHaveLength(30);
  });

  it("a full large page of the whole history leaves more to fetch", () => {
    expect(mergePages([page(range(300, 276)), page(range(275, 26), 250)]).hasMore).toBe(true);
    expect(mergePages([page(range(300, 276)), page(range(275, 27), 250)]).hasMore).toBe(false);
  });

  it("keeps a build once when a new build shifted the offsets", () => {
    // Page 2 was fetched after build 51 appeared, so it starts with build 26 again.
    const merged = mergePages([page(range(50, 26)), page(range(26, 2))]);
    expect(numbers(merged.builds)).toEqual(range(50, 2).map((b) => b.build_number));
  });

  it("puts the watched latest build on top and prefers its copy", () => {
    const running = build(51, "running");
    expect(numbers(mergePages([page(range(50, 26))], running).builds).slice(0, 2)).toEqual([51, 50]);
    const fresher = build(50, "failed");
    const merged = mergePages([page(range(50, 26))], fresher);
    expect(merged.builds[0].job.status).toBe("failed");
    expect(merged.builds).toHaveLength(25);
  });

  it("shows nothing until the first page answers", () => {
    expect(mergePages([], build(3)).builds).toEqual([]);
  });
});
