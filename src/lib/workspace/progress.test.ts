import { describe, expect, it } from "vitest";
import { buildProgress, estimateText, provisionerWarning, queueText, typicalDurationMs } from "./progress";
import { makeAgent, makeBuild, makeJob, makeResource } from "./testing";

const at = (s: number) => new Date(Date.UTC(2025, 2, 4, 10, 0, s)).toISOString();

function finished(id: string, transition: string, seconds: number, status = "succeeded") {
  return makeBuild({ id, transition, job: makeJob({ status, started_at: at(0), completed_at: at(seconds) }) });
}

describe("buildProgress", () => {
  it("is queued while the job is pending", () => {
    expect(buildProgress(makeBuild({ job: makeJob({ status: "pending" }) }), []).step).toBe("queued");
  });

  it("follows the log's stage names, keeping the last real stage through phases without one", () => {
    const build = makeBuild({ job: makeJob({ status: "running" }) });
    expect(buildProgress(build, []).step).toBe("init");
    expect(buildProgress(build, ["Setting up", "Planning infrastructure"])).toEqual({
      step: "plan",
      logStage: "Planning infrastructure",
    });
    expect(buildProgress(build, ["Setting up", "Starting workspace", "Cleaning Up"])).toEqual({
      step: "apply",
      logStage: "Cleaning Up",
    });
  });

  it("stays in the agents step after the job succeeds until every agent settles", () => {
    const starting = makeBuild({
      resources: [makeResource({ created_at: at(0), agents: [makeAgent({ lifecycle_state: "starting" })] })],
    });
    expect(buildProgress(starting, ["Cleaning Up"]).step).toBe("agents");
    const ready = makeBuild({
      resources: [{ ...starting.resources[0], agents: [makeAgent({ lifecycle_state: "ready" })] }],
    });
    expect(buildProgress(ready, []).step).toBeUndefined();
  });

  it("is done for a finished stop build", () => {
    expect(buildProgress(makeBuild({ transition: "stop" }), ["Stopping workspace"]).step).toBeUndefined();
  });
});

describe("typicalDurationMs", () => {
  const builds = [
    finished("a", "start", 120),
    finished("b", "start", 140),
    finished("c", "start", 10, "failed"),
    finished("d", "stop", 30),
    finished("e", "start", 130),
    makeBuild({ id: "f", transition: "start", job: makeJob({ status: "running", started_at: at(0) }) }),
  ];

  it("takes the median of successful builds with the same transition", () => {
    expect(typicalDurationMs(builds, "start")).toBe(130_000);
    expect(typicalDurationMs(builds, "stop")).toBe(30_000);
    expect(typicalDurationMs(builds, "start", "e")).toBe(130_000);
    expect(typicalDurationMs(builds, "delete")).toBeUndefined();
  });

  it("averages the middle pair for an even count", () => {
    expect(typicalDurationMs([finished("a", "start", 100), finished("b", "start", 120)], "start")).toBe(110_000);
  });
});

describe("estimateText", () => {
  it("rounds to a readable estimate", () => {
    expect(estimateText(129_400)).toBe("usually ~2m 10s");
    expect(estimateText(42_400)).toBe("usually ~42s");
    expect(estimateText(200)).toBe("usually ~1.0s");
    expect(estimateText(undefined)).toBeUndefined();
  });
});

describe("queueText", () => {
  it("says where a pending job stands", () => {
    expect(queueText(makeJob({ status: "pending", queue_position: 2, queue_size: 5 }))).toBe("2nd of 5 in queue");
    expect(queueText(makeJob({ status: "pending", queue_position: 1, queue_size: 1 }))).toBe("1st of 1 in queue");
    expect(queueText(makeJob({ status: "pending", queue_position: 3, queue_size: 0 }))).toBe("3rd in queue");
    expect(queueText(makeJob({ status: "pending", queue_position: 0, queue_size: 0 }))).toBeUndefined();
    expect(queueText(makeJob({ status: "running", queue_position: 2, queue_size: 5 }))).toBeUndefined();
  });
});

describe("provisionerWarning", () => {
  it("warns when no provisioner can take the job", () => {
    const job = makeJob({ status: "pending" });
    expect(
      provisionerWarning({ job, matched_provisioners: { count: 0, available: 0, most_recently_seen: null } }),
    ).toMatch(/No provisioner/);
    expect(
      provisionerWarning({ job, matched_provisioners: { count: 2, available: 0, most_recently_seen: at(0) } }),
    ).toMatch(/offline/);
    expect(
      provisionerWarning({ job, matched_provisioners: { count: 2, available: 1, most_recently_seen: at(0) } }),
    ).toBeUndefined();
    expect(provisionerWarning({ job })).toBeUndefined();
  });
});
