import { describe, expect, it } from "vitest";
import { neighbours, parseBuildTab, visibleTabs } from "./tabs";

describe("build tabs", () => {
  it("parses ?tab= with Logs as the default", () => {
    expect(parseBuildTab("agent-logs")).toBe("agent-logs");
    expect(parseBuildTab("state")).toBe("state");
    expect(parseBuildTab(null)).toBe("logs");
    expect(parseBuildTab("nonsense")).toBe("logs");
  });

  it("offers State only to those who may read it", () => {
    expect(visibleTabs(false)).not.toContain("state");
    expect(visibleTabs(true)).toContain("state");
  });

  it("finds previous and next builds", () => {
    expect(neighbours(1, 5)).toEqual({ previous: undefined, next: 2 });
    expect(neighbours(5, 5)).toEqual({ previous: 4, next: undefined });
    expect(neighbours(3, undefined)).toEqual({ previous: 2, next: undefined });
  });
});
