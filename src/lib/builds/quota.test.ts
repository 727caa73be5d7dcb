import { describe, expect, it } from "vitest";
import { dailyCostOf } from "./quota";

const b = (n: number, transition: string, status: string, cost: number) => ({
  id: `b${n}`,
  build_number: n,
  transition,
  daily_cost: cost,
  job: { status },
});

describe("dailyCostOf", () => {
  it("uses the build's own cost when it has one", () => {
    expect(dailyCostOf(b(5, "start", "succeeded", 4), [])).toEqual({ daily: 4, fromBuild: 5 });
  });

  it("estimates a refused build from the newest succeeded start with a cost", () => {
    const history = [
      b(7, "start", "failed", 0),
      b(6, "stop", "succeeded", 1),
      b(5, "start", "succeeded", 8),
      b(3, "start", "succeeded", 6),
      b(4, "start", "failed", 0),
    ];
    expect(dailyCostOf(history[0], history)).toEqual({ daily: 8, fromBuild: 5 });
  });

  it("is undefined when nothing ever had a cost", () => {
    expect(dailyCostOf(b(2, "start", "failed", 0), [b(1, "start", "succeeded", 0)])).toBeUndefined();
  });
});
