import { beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/client";
import type { ProvisionerJob, Workspace, WorkspaceBuild, WorkspacesResponse } from "../../../api/types";
import type { OverviewApi } from "./overviewApi";
import { OverviewStore } from "./overviewStore";

// A fake server: a few workspaces with build histories and a job list, recording every request.
const NOW = Date.parse("2025-03-10T12:00:00.000Z");
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface World {
  workspaces: Workspace[];
  builds: Map<string, WorkspaceBuild[]>;
  jobsAllowed: boolean;
  calls: string[];
}

function makeBuild(ws: Pick<Workspace, "id" | "name">, number: number, status: string, ageMs: number): WorkspaceBuild {
  const created = iso(NOW - ageMs);
  return {
    id: `${ws.id}-b${number}`,
    build_number: number,
    workspace_id: ws.id,
    workspace_name: ws.name,
    transition: "start",
    reason: "initiator",
    initiator_name: "alice",
    created_at: created,
    template_version_name: "v1",
    job: {
      id: `${ws.id}-j${number}`,
      status,
      created_at: created,
      started_at: status === "pending" ? undefined : iso(NOW - ageMs + 1000),
      completed_at: ["succeeded", "failed", "canceled"].includes(status) ? iso(NOW - ageMs + 11_000) : undefined,
      queue_position: 0,
      queue_size: 0,
    },
  } as WorkspaceBuild;
}

function makeWorkspace(name: string, owner: string, template: string): Workspace {
  return {
    id: `ws-${name}`,
    name,
    owner_name: owner,
    organization_id: "org-1",
    template_name: template,
    template_display_name: template,
  } as Workspace;
}

function world(): World {
  const a = makeWorkspace("a", "alice", "docker");
  const b = makeWorkspace("b", "bob", "kubernetes");
  const c = makeWorkspace("c", "bob", "docker");
  const builds = new Map<string, WorkspaceBuild[]>([
    [
      a.id,
      [
        makeBuild(a, 3, "succeeded", 1 * HOUR),
        makeBuild(a, 2, "failed", 5 * HOUR),
        makeBuild(a, 1, "succeeded", 30 * 24 * HOUR),
      ],
    ],
    [b.id, [makeBuild(b, 2, "running", 0.01 * HOUR), makeBuild(b, 1, "succeeded", 2 * HOUR)]],
    // First build only: nothing to fetch beyond the list.
    [c.id, [makeBuild(c, 1, "succeeded", 3 * HOUR)]],
  ]);
  return { workspaces: [a, b, c], builds, jobsAllowed: true, calls: [] };
}

function latest(w: World, id: string): WorkspaceBuild {
  return w.builds.get(id)![0];
}

function jobOf(ws: Workspace, build: WorkspaceBuild): ProvisionerJob {
  return {
    ...build.job,
    type: "workspace_build",
    initiator_id: "u-alice",
    input: { workspace_build_id: build.id },
    metadata: {
      workspace_id: ws.id,
      workspace_name: ws.name,
      template_name: ws.template_name,
      template_version_name: build.template_version_name,
      workspace_build_transition: build.transition,
    },
  } as ProvisionerJob;
}

function fakeApi(w: World): OverviewApi {
  return {
    async workspaces(offset, limit): Promise<WorkspacesResponse> {
      w.calls.push(`list ${offset}`);
      const all = w.workspaces.map((ws) => ({ ...ws, latest_build: latest(w, ws.id) }));
      return { workspaces: all.slice(offset, offset + limit), count: all.length };
    },
    async workspace(id) {
      w.calls.push(`workspace ${id}`);
      const ws = w.workspaces.find((x) => x.id === id)!;
      return { ...ws, latest_build: latest(w, id) };
    },
    async builds(id, query) {
      w.calls.push(`builds ${id} ${query.since ? "since" : `after ${query.after_id}`}`);
      const all = w.builds.get(id)!;
      if (query.since) return all.filter((b) => Date.parse(b.created_at) > Date.parse(query.since!));
      const cursor = all.find((b) => b.id === query.after_id)!;
      return all.filter((b) => b.build_number > cursor.build_number);
    },
    async jobs(org, query) {
      w.calls.push(`jobs ${query.status ?? "recent"}`);
      if (!w.jobsAllowed)
        throw new ApiError({
          status: 404,
          message: "Resource not found",
          method: "GET",
          path: `/organizations/${org}/provisionerjobs`,
        });
      const jobs = w.workspaces.flatMap((ws) => w.builds.get(ws.id)!.map((b) => jobOf(ws, b)));
      const wanted = query.status ? jobs.filter((j) => query.status!.split(",").includes(j.status)) : jobs;
      return wanted.sort((x, y) => y.created_at.localeCompare(x.created_at)).slice(0, query.limit);
    },
    async daemons() {
      w.calls.push("daemons");
      return [];
    },
    followStage: () => () => undefined,
  };
}

describe("OverviewStore", () => {
  let w: World;
  let store: OverviewStore;
  beforeEach(() => {
    w = world();
    store = new OverviewStore(fakeApi(w), { organizationIds: ["org-1"], now: () => NOW });
  });

  it("loads the window's history from the job list, with no request per workspace", async () => {
    await store.load();
    const snap = store.getSnapshot();
    expect(snap.status).toBe("ready");
    expect(w.calls.filter((c) => c.startsWith("builds"))).toEqual([]);
    expect(w.calls.filter((c) => c === "jobs recent")).toHaveLength(2);
    // a#1 is older than the 8-day window; c#1 came with the list.
    expect(snap.builds.map((b) => `${b.workspace.name}#${b.build_number}`)).toEqual([
      "b#2",
      "a#3",
      "b#1",
      "c#1",
      "a#2",
    ]);
    // Numbered from the latest build the list reports: a#2 came from its job.
    expect(snap.builds.find((b) => b.id === "ws-a-b2")).toMatchObject({ build_number: 2, job: { status: "failed" } });
    expect(snap.historySkipped).toBe(0);
    expect(snap.queueSource).toBe("jobs");
    expect(snap.active.map((a) => [a.workspaceName, a.status, a.buildNumber, a.ownerName])).toEqual([
      ["b", "running", 2, "bob"],
    ]);
  });

  it("loaded ahead of the page (preload), its first attach neither polls at once nor re-reads the list", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      store.preload();
      store.preload();
      await vi.runOnlyPendingTimersAsync();
      expect(store.getSnapshot().status).toBe("ready");
      const loadCalls = [...w.calls];
      expect(loadCalls.filter((c) => c === "list 0")).toHaveLength(1);
      // Nothing polls while no page shows the store.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(w.calls).toEqual(loadCalls);

      w.calls.length = 0;
      const detach = store.attach();
      await vi.advanceTimersByTimeAsync(0);
      expect(w.calls).toEqual([]);
      // The next poll comes at the normal interval, and asks for jobs, not the whole list.
      await vi.advanceTimersByTimeAsync(60_000);
      expect(w.calls.some((c) => c.startsWith("jobs"))).toBe(true);
      expect(w.calls).not.toContain("list 0");
      detach();
    } finally {
      vi.useRealTimers();
    }
  });

  it("re-reads only the workspace whose job changed, after the newest settled build", async () => {
    await store.load();
    w.calls.length = 0;
    await store.cycle();
    expect(w.calls.filter((c) => c.startsWith("builds"))).toEqual([]);

    const a = w.workspaces[0];
    w.builds.get(a.id)!.unshift(makeBuild(a, 4, "pending", 0));
    w.calls.length = 0;
    await store.cycle();
    expect(w.calls.filter((c) => !c.startsWith("jobs"))).toEqual(["builds ws-a after ws-a-b3"]);
    const snap = store.getSnapshot();
    expect(snap.builds[0]).toMatchObject({ build_number: 4, job: { status: "pending" } });
    expect(snap.active.map((x) => x.workspaceName).sort()).toEqual(["a", "b"]);

    // b's running build finished between polls: it left the in-flight set, so b is re-read.
    const b = w.workspaces[1];
    w.builds.get(b.id)![0] = makeBuild(b, 2, "succeeded", 0.01 * HOUR);
    w.calls.length = 0;
    await store.cycle();
    expect(w.calls.filter((c) => !c.startsWith("jobs"))).toEqual(["builds ws-b after ws-b-b1"]);
    expect(store.getSnapshot().builds.find((x) => x.id === "ws-b-b2")?.job.status).toBe("succeeded");
  });

  it("for members (job list 404) polls the workspace list and applies latest builds without more requests", async () => {
    w.jobsAllowed = false;
    await store.load();
    expect(store.getSnapshot()).toMatchObject({ jobsUnavailable: true, queueSource: "builds" });
    expect(store.getSnapshot().active.map((a) => a.workspaceName)).toEqual(["b"]);

    const b = w.workspaces[1];
    w.builds.get(b.id)![0] = makeBuild(b, 2, "failed", 0.01 * HOUR);
    w.calls.length = 0;
    await store.cycle();
    // The job list is not asked again; the list's latest_build was enough.
    expect(w.calls).toEqual(["list 0"]);
    expect(store.getSnapshot().builds.find((x) => x.id === "ws-b-b2")?.job.status).toBe("failed");
    expect(store.getSnapshot().active).toEqual([]);
  });

  it("without the job list, reads each workspace's history instead", async () => {
    w.jobsAllowed = false;
    await store.load();
    expect(w.calls.filter((c) => c.startsWith("builds")).sort()).toEqual(["builds ws-a since", "builds ws-b since"]);
    expect(store.getSnapshot().history).toEqual({ done: 2, total: 2 });
    expect(store.getSnapshot().builds.map((b) => `${b.workspace.name}#${b.build_number}`)).toEqual([
      "b#2",
      "a#3",
      "b#1",
      "c#1",
      "a#2",
    ]);
  });

  it("fetches the history of a workspace that shows up in a later list", async () => {
    w.jobsAllowed = false;
    await store.load();
    const d = makeWorkspace("d", "alice", "docker");
    w.workspaces.push(d);
    w.builds.set(d.id, [makeBuild(d, 2, "succeeded", HOUR), makeBuild(d, 1, "succeeded", 2 * HOUR)]);
    w.calls.length = 0;
    await store.cycle();
    expect(w.calls).toEqual(["list 0", "builds ws-d since"]);
    expect(
      store
        .getSnapshot()
        .builds.filter((b) => b.workspace.name === "d")
        .map((b) => b.build_number),
    ).toEqual([2, 1]);
  });

  it("shows an error when the list fails and loads on retry", async () => {
    const api = fakeApi(w);
    let fail = true;
    const flaky: OverviewApi = {
      ...api,
      workspaces: (offset, limit) =>
        fail
          ? Promise.reject(new ApiError({ status: 500, message: "boom", method: "GET", path: "/workspaces" }))
          : api.workspaces(offset, limit),
    };
    store = new OverviewStore(flaky, { organizationIds: ["org-1"], now: () => NOW });
    await store.load();
    expect(store.getSnapshot().status).toBe("error");
    fail = false;
    await store.load();
    expect(store.getSnapshot().status).toBe("ready");
  });

  it("marks the page reconnecting when a poll fails, and live again when one succeeds", async () => {
    const api = fakeApi(w);
    let offline = false;
    const flaky: OverviewApi = {
      ...api,
      jobs: (org, query) =>
        offline
          ? Promise.reject(new ApiError({ status: 0, message: "offline", method: "GET", path: "/x" }))
          : api.jobs(org, query),
    };
    store = new OverviewStore(flaky, { organizationIds: ["org-1"], now: () => NOW });
    await store.load();
    offline = true;
    await store.cycle();
    expect(store.getSnapshot().live).toBe("reconnecting");
    offline = false;
    await store.cycle();
    expect(store.getSnapshot().live).toBe("live");
  });
});
