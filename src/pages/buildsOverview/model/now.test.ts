import { describe, expect, it } from "vitest";
import { activeFromBuilds, activeFromJobs, nowLists, STUCK_AFTER_MS } from "./now";
import { MIN, NOW, activeBuild, build, iso, job, workspace } from "./testing";

describe("nowLists", () => {
  it("lists pending oldest first with time waiting, flagging those waiting over 5 minutes", () => {
    const lists = nowLists(
      [
        activeBuild({ jobId: "new", createdAt: iso(NOW - 10_000) }),
        activeBuild({ jobId: "stuck", createdAt: iso(NOW - STUCK_AFTER_MS - 1) }),
        activeBuild({ jobId: "edge", createdAt: iso(NOW - STUCK_AFTER_MS) }),
      ],
      NOW,
    );
    expect(lists.pending.map((p) => [p.jobId, p.waitingMs, p.stuck])).toEqual([
      ["stuck", STUCK_AFTER_MS + 1, true],
      ["edge", STUCK_AFTER_MS, false],
      ["new", 10_000, false],
    ]);
    expect(lists.stuck).toBe(1);
  });

  it("lists running longest first with elapsed time since start, and canceling apart", () => {
    const lists = nowLists(
      [
        activeBuild({ jobId: "r1", status: "running", createdAt: iso(NOW - 5 * MIN), startedAt: iso(NOW - 1 * MIN) }),
        activeBuild({ jobId: "r2", status: "running", createdAt: iso(NOW - 3 * MIN), startedAt: iso(NOW - 2 * MIN) }),
        activeBuild({ jobId: "c", status: "canceling" }),
        activeBuild({ jobId: "done", status: "succeeded" }),
      ],
      NOW,
    );
    expect(lists.running.map((r) => [r.jobId, r.elapsedMs])).toEqual([
      ["r2", 2 * MIN],
      ["r1", 1 * MIN],
    ]);
    expect(lists.canceling.map((c) => c.jobId)).toEqual(["c"]);
    expect(lists.pending).toEqual([]);
  });
});

describe("sources", () => {
  const ws = workspace("dev", "docker", "alice");

  it("maps workspace-build jobs with metadata and the cached build; template imports are listed as such", () => {
    const cached = build({ ws, number: 7, status: "pending" });
    const jobs = [
      job({
        id: cached.job.id,
        status: "pending",
        queue_position: 2,
        queue_size: 3,
        metadata: {
          workspace_id: ws.id,
          workspace_name: "dev",
          template_name: "docker",
          workspace_build_transition: "start",
          template_version_name: "v1",
          template_id: "t",
          template_display_name: "Docker",
          template_icon: "",
        },
      }),
      job({
        id: "import",
        status: "pending",
        type: "template_version_import",
        tags: { region: "eu" },
        input: { template_version_id: "tv" },
      }),
      job({
        id: "orphan",
        status: "pending",
        available_workers: [],
        metadata: {
          workspace_id: ws.id,
          workspace_name: "dev",
          template_name: "docker",
          template_version_name: "v1",
          template_id: "t",
          template_display_name: "",
          template_icon: "",
        },
      }),
    ];
    const active = activeFromJobs(jobs, {
      workspace: (id) => (id === ws.id ? ws : undefined),
      buildOfJob: (id) => (id === cached.job.id ? cached : undefined),
    });
    expect(active).toEqual([
      expect.objectContaining({
        jobId: cached.job.id,
        buildNumber: 7,
        workspaceName: "dev",
        ownerName: "alice",
        templateName: "docker",
        queuePosition: 2,
        queueSize: 3,
        noProvisioner: false,
      }),
      expect.objectContaining({
        jobId: "import",
        kind: "import",
        templateVersionId: "tv",
        buildNumber: undefined,
        tags: { region: "eu" },
      }),
      // No daemon matches its tags: it will wait forever, which the page says.
      expect.objectContaining({ jobId: "orphan", buildNumber: undefined, noProvisioner: true }),
    ]);
  });

  it("falls back to the cached build when an older server sends no job metadata", () => {
    const cached = build({ ws, number: 3, status: "running", transition: "stop" });
    const [a] = activeFromJobs([job({ id: cached.job.id, status: "running" })], {
      workspace: () => undefined,
      buildOfJob: () => cached,
    });
    expect(a).toMatchObject({
      workspaceId: ws.id,
      workspaceName: "dev",
      ownerName: "alice",
      templateName: "docker",
      transition: "stop",
    });
  });

  it("takes in-flight builds from the cache when there is no job list", () => {
    const builds = [
      build({ ws, status: "succeeded" }),
      build({ ws, status: "canceling" }),
      build({ ws, status: "pending" }),
    ];
    expect(activeFromBuilds(builds).map((a) => a.status)).toEqual(["canceling", "pending"]);
  });
});
