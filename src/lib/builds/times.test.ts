import { describe, expect, it } from "vitest";
import { buildDuration, queueTime, totalTime } from "./times";

const T0 = Date.parse("2025-03-04T10:00:00Z");
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

function build(job: { status: string; started?: number; completed?: number; canceled?: number }) {
  return {
    created_at: at(0),
    job: {
      status: job.status,
      created_at: at(0),
      ...(job.started !== undefined && { started_at: at(job.started) }),
      ...(job.completed !== undefined && { completed_at: at(job.completed) }),
      ...(job.canceled !== undefined && { canceled_at: at(job.canceled) }),
    },
  };
}

describe("build times", () => {
  it("measures a finished build", () => {
    const b = build({ status: "succeeded", started: 5, completed: 65 });
    expect(queueTime(b)).toBe(5_000);
    expect(buildDuration(b)).toBe(60_000);
    expect(totalTime(b)).toBe(65_000);
  });

  it("measures a running build up to now", () => {
    const b = build({ status: "running", started: 2 });
    expect(buildDuration(b, T0 + 12_000)).toBe(10_000);
    expect(queueTime(b, T0 + 12_000)).toBe(2_000);
    expect(totalTime(b, T0 + 12_000)).toBe(12_000);
  });

  it("a queued build has queue time and no duration yet", () => {
    const b = build({ status: "pending" });
    expect(queueTime(b, T0 + 7_000)).toBe(7_000);
    expect(buildDuration(b, T0 + 7_000)).toBeUndefined();
  });

  it("a build canceled while queued waited until it was canceled and never ran", () => {
    const b = build({ status: "canceled", canceled: 9 });
    expect(queueTime(b, T0 + 100_000)).toBe(9_000);
    expect(buildDuration(b, T0 + 100_000)).toBeUndefined();
    expect(totalTime(b, T0 + 100_000)).toBe(9_000);
  });

  it("a finished build without an end time is unknown, not ticking", () => {
    const b = build({ status: "failed", started: 3 });
    expect(buildDuration(b, T0 + 100_000)).toBeUndefined();
    expect(totalTime(b, T0 + 100_000)).toBeUndefined();
  });
});
