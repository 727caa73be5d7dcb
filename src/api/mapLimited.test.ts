import { describe, expect, it } from "vitest";
import { mapLimited } from "./mapLimited";

describe("mapLimited", () => {
  it("keeps order and never exceeds the limit", async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapLimited([5, 1, 4, 2, 3, 1, 1], 3, async (n) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 10, 10]);
    expect(max).toBe(3);
  });
  it("handles no items", async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });
  it("rejects when a task rejects", async () => {
    await expect(mapLimited([1, 2], 2, async (n) => (n === 2 ? Promise.reject(new Error("boom")) : n))).rejects.toThrow(
      "boom",
    );
  });
});
