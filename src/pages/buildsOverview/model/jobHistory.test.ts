import { describe, expect, it } from "vitest";
import { jobBuildRow, jobsByWorkspace, nextHistoryLimit, numberJobs } from "./jobHistory";
import { DAY, HOUR, iso, job, NOW, workspace } from "./testing";

const buildJob = (id: string, ageMs: number, ws = "w1", status = "succeeded") =>
  job({
    id,
    status,
    created_at: iso(NOW - ageMs),
    input: { workspace_build_id: `b-${id}` },
    metadata: {
      template_version_name: "v2",
      template_id: "t",
      template_name: "docker",
      template_display_name: "Docker",
      template_icon: "",
      workspace_id: ws,
      workspace_name: ws,
      workspace_build_transition: "stop",
    },
  });

describe("nextHistoryLimit", () => {
  const since = NOW - 8 * DAY;
  it("is done when the answer was short or reached past the window", () => {
    expect(nextHistoryLimit([buildJob("a", HOUR)], 10, since, NOW)).toBeUndefined();
    const reached = Array.from({ length: 10 }, (_, i) => buildJob(`j${i}`, i * DAY));
    expect(nextHistoryLimit(reached, 10, since, NOW)).toBeUndefined();
  });

  it("extrapolates from how far back a full answer reached, with a margin", () => {
    // 10 jobs over the last 2 days: 8 days need about 40, asked with 25% headroom.
    const full = Array.from({ length: 10 }, (_, i) => buildJob(`j${i}`, (i * 2 * DAY) / 9));
    expect(nextHistoryLimit(full, 10, since, NOW)).toBe(50);
  });
});

describe("numberJobs", () => {
  it("numbers a workspace's jobs down from the latest build, newer ones up", () => {
    const jobs = [
      buildJob("old", 3 * HOUR),
      buildJob("newer", 10),
      buildJob("latest", HOUR),
      buildJob("mid", 2 * HOUR),
    ];
    const numbered = numberJobs(jobs, { build_number: 12, jobId: "latest" })!;
    expect(numbered.map((n) => [n.job.id, n.number])).toEqual([
      ["newer", 13],
      ["latest", 12],
      ["mid", 11],
      ["old", 10],
    ]);
  });

  it("cannot anchor without the latest build's job", () => {
    expect(numberJobs([buildJob("a", HOUR)], { build_number: 3, jobId: "zzz" })).toBeUndefined();
  });
});

describe("jobsByWorkspace and jobBuildRow", () => {
  it("keeps the window's workspace-build jobs, grouped by workspace", () => {
    const imp = { ...buildJob("imp", HOUR), type: "template_version_import" };
    const groups = jobsByWorkspace(
      [buildJob("a", HOUR), buildJob("b", 9 * DAY), imp, buildJob("c", HOUR, "w2")],
      NOW - 8 * DAY,
    );
    expect([...groups].map(([ws, jobs]) => [ws, jobs.map((j) => j.id)])).toEqual([
      ["w1", ["a"]],
      ["w2", ["c"]],
    ]);
  });

  it("makes the row a build would give, from the job's metadata", () => {
    const row = jobBuildRow(buildJob("a", HOUR, "w1", "failed"), workspace("dev"), 7, "alice");
    expect(row).toMatchObject({
      id: "b-a",
      build_number: 7,
      transition: "stop",
      template_version_name: "v2",
      initiator_name: "alice",
      createdMs: NOW - HOUR,
    });
    expect(row.job.status).toBe("failed");
  });
});
