import { describe, expect, it } from "vitest";
import { JOB_STATUSES } from "./types";
import { isActiveJob, isTerminalJob, jobProgress } from "./jobStatus";

describe("job states", () => {
  it("sorts every known state into active or terminal, never both", () => {
    for (const status of JOB_STATUSES) expect(isActiveJob(status) !== isTerminalJob(status)).toBe(true);
    expect(JOB_STATUSES.filter(isActiveJob)).toEqual(["pending", "running", "canceling"]);
  });

  it("treats a state Coder adds later as neither", () => {
    expect(isActiveJob("paused")).toBe(false);
    expect(isTerminalJob("paused")).toBe(false);
  });

  it("orders a job's life: queued, running, canceling, ended", () => {
    const order = ["pending", "running", "canceling", "failed"].map(jobProgress);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(4);
    expect(jobProgress("succeeded")).toBe(jobProgress("canceled"));
    expect(jobProgress("paused")).toBeLessThan(jobProgress("succeeded"));
  });
});
