import { describe, expect, it } from "vitest";
import { aggregate, formatComparison, formatTable } from "./report";
import type { Scenario } from "./types";

const scenario: Scenario = { id: "logs", title: "Logs", goals: { open: 200 }, run: async () => ({ samples: [] }) };

describe("aggregate", () => {
  const rows = aggregate(scenario, [
    [
      { metric: "open", variant: "ours", value: 100, unit: "ms" },
      { metric: "open", variant: "peer", value: 900, unit: "ms" },
    ],
    [
      { metric: "open", variant: "ours", value: 140, unit: "ms" },
      { metric: "open", variant: "peer", value: 1100, unit: "ms" },
    ],
    [
      { metric: "open", variant: "ours", value: 120, unit: "ms" },
      { metric: "open", variant: "peer", value: 1000, unit: "ms" },
    ],
  ]);
  const ours = rows.find((r) => r.variant === "ours");

  it("reports the median and the spread of each variant", () => {
    expect(ours).toMatchObject({ value: 120, min: 100, max: 140, runs: 3, goal: 200 });
    expect(rows.find((r) => r.variant === "peer")).toMatchObject({ value: 1000, min: 900, max: 1100 });
  });

  it("puts each peer beside our figure with the ratio peer ÷ ours", () => {
    expect(ours?.peers).toEqual([{ variant: "peer", value: 1000, ratio: 8.33 }]);
    expect(formatTable(rows)).toContain("peer: 1000 ms (8.33×)");
  });

  it("gives no ratio when ours is zero (e.g. no long task at all)", () => {
    const zero = aggregate(scenario, [
      [
        { metric: "longest task", variant: "ours", value: 0, unit: "ms" },
        { metric: "longest task", variant: "peer", value: 562, unit: "ms" },
      ],
    ]);
    expect(zero.find((r) => r.variant === "ours")?.peers).toEqual([{ variant: "peer", value: 562, ratio: null }]);
    expect(formatTable(zero)).toContain("peer: 562 ms");
    expect(formatTable(zero)).not.toContain("0×");
  });

  it("compares against a baseline by scenario, metric and variant", () => {
    const baseline = [{ ...ours!, value: 100 }];
    expect(formatComparison(rows, baseline)).toContain("logs open: 100 → 120 ms (+20%)");
  });
});
