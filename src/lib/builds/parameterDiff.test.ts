import { describe, expect, it } from "vitest";
import { changedCount, diffParameters } from "./parameterDiff";

const p = (name: string, value: string) => ({ name, value });

describe("diffParameters", () => {
  it("marks changed, unchanged, added and removed", () => {
    const rows = diffParameters(
      [p("cpu", "4"), p("region", "eu"), p("gpu", "true")],
      [p("cpu", "2"), p("region", "eu"), p("disk", "50")],
    );
    expect(rows).toEqual([
      { name: "cpu", value: "4", previous: "2", change: "changed" },
      { name: "region", value: "eu", previous: "eu", change: "unchanged" },
      { name: "gpu", value: "true", previous: undefined, change: "added" },
      { name: "disk", value: undefined, previous: "50", change: "removed" },
    ]);
    expect(changedCount(rows)).toBe(3);
  });

  it("treats an empty string as a value", () => {
    expect(diffParameters([p("x", "")], [p("x", "a")])[0].change).toBe("changed");
    expect(diffParameters([p("x", "")], [p("x", "")])[0].change).toBe("unchanged");
  });

  it("without a previous build nothing is compared", () => {
    const rows = diffParameters([p("cpu", "4")], undefined);
    expect(rows).toEqual([{ name: "cpu", value: "4", previous: undefined, change: "unknown" }]);
    expect(changedCount(rows)).toBe(0);
  });
});
