import { describe, expect, it } from "vitest";
import { DEFAULT_LOAD_ARGS, parseLoadArgs } from "./args";
import { judgeFollow, Metrics } from "./metrics";

describe("load args", () => {
  it("defaults to the issue's figures and takes --seconds to shorten", () => {
    expect(parseLoadArgs([])).toEqual(DEFAULT_LOAD_ARGS);
    expect(DEFAULT_LOAD_ARGS).toMatchObject({ seconds: 60, watchers: 200, followers: 50, rate: 20 });
    expect(parseLoadArgs(["--", "--seconds", "5", "--json=/tmp/x.json"])).toMatchObject({
      seconds: 5,
      json: "/tmp/x.json",
    });
  });

  it("stays bounded", () => {
    expect(() => parseLoadArgs(["--watchers", "100000"])).toThrow(/0\.\.1000/);
    expect(() => parseLoadArgs(["--seconds", "0"])).toThrow();
    expect(() => parseLoadArgs(["--host", "example.com"])).toThrow(/unknown flag/);
  });
});

describe("judgeFollow", () => {
  it("passes exactly-once delivery", () => {
    expect(judgeFollow("b", [1, 2, 3], [1, 2, 3])).toMatchObject({
      missing: 0,
      unexpected: 0,
      duplicated: 0,
      outOfOrder: 0,
    });
  });

  it("counts gaps, duplicates, strays and reordering", () => {
    expect(judgeFollow("b", [1, 3, 3, 2, 9], [1, 2, 3, 4])).toEqual({
      buildId: "b",
      received: 5,
      expected: 4,
      missing: 1,
      unexpected: 1,
      duplicated: 1,
      outOfOrder: 2,
    });
  });
});

describe("Metrics", () => {
  it("summarizes latencies by kind with nearest-rank percentiles and counts errors", () => {
    const m = new Metrics();
    for (let i = 1; i <= 100; i++) m.latency("x", i);
    m.error("e", "one");
    m.error("e", "two");
    expect(m.summaries().x).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(m.errorCount).toBe(2);
    expect(m.errorSamples).toEqual(["e: one", "e: two"]);
  });
});
