import { afterEach, describe, expect, it } from "vitest";
import { markStartup, STARTUP_MARKS } from "./startupMarks";

describe("markStartup", () => {
  afterEach(() => performance.clearMarks());

  it("marks a milestone the first time only: a later page mount keeps the cold open's time", async () => {
    markStartup(STARTUP_MARKS.pageCommitted);
    const first = performance.getEntriesByName(STARTUP_MARKS.pageCommitted, "mark");
    await new Promise((resolve) => setTimeout(resolve, 5));
    markStartup(STARTUP_MARKS.pageCommitted);
    const after = performance.getEntriesByName(STARTUP_MARKS.pageCommitted, "mark");
    expect(after).toHaveLength(1);
    expect(after[0].startTime).toBe(first[0].startTime);
  });

  it("keeps each milestone apart", () => {
    markStartup(STARTUP_MARKS.entry);
    markStartup(STARTUP_MARKS.pageCode);
    expect(performance.getEntriesByName(STARTUP_MARKS.entry, "mark")).toHaveLength(1);
    expect(performance.getEntriesByName(STARTUP_MARKS.pageCode, "mark")).toHaveLength(1);
    expect(performance.getEntriesByName(STARTUP_MARKS.logFirstLines, "mark")).toHaveLength(0);
  });
});
