import { describe, expect, it } from "vitest";
import { WORKSPACE_STATUSES } from "../../api/types";
import { workspaceView } from "../store/views";
import { createWorld } from "./index";

const at = (ms: number) => () => ms;

describe("seeded world", () => {
  it("is deterministic: same seed → same ids, names and log text, whenever it starts", () => {
    const a = createWorld({ seed: 1, world: "demo", provisioners: 2, now: at(Date.parse("2030-01-01T00:00:00Z")) });
    const b = createWorld({ seed: 1, world: "demo", provisioners: 5, now: at(Date.parse("2031-06-01T12:00:00Z")) });
    expect([...a.workspaces.keys()]).toEqual([...b.workspaces.keys()]);
    expect([...a.builds.keys()]).toEqual([...b.builds.keys()]);
    const ws = [...a.workspaces.values()].find((w) => w.name === "long-history")!;
    const la = a.content(a.latestBuild(ws.id)).logs.map((l) => [l.id, l.output]);
    const lb = b.content(b.latestBuild(ws.id)).logs.map((l) => [l.id, l.output]);
    expect(la).toEqual(lb);
    const c = createWorld({ seed: 2, world: "demo", provisioners: 2 });
    expect([...c.workspaces.keys()]).not.toEqual([...a.workspaces.keys()]);
  });

  it("has every workspace status, 25+ workspaces, and alice's documented fixtures", () => {
    const store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
    const statuses = new Set([...store.workspaces.values()].map((w) => store.workspaceStatus(w)));
    expect([...statuses].sort()).toEqual([...WORKSPACE_STATUSES].sort());
    expect(store.workspaces.size).toBeGreaterThanOrEqual(25);
    const alice = store.userByName("alice")!;
    const get = (name: string) => workspaceView(store, store.workspaceByName(alice.id, name, true)!, alice);
    expect(get("dev").latest_build.status).toBe("running");
    expect(get("stopped-ws").latest_build.status).toBe("stopped");
    expect(get("long-history").latest_build.build_number).toBe(50);
    expect(get("outdated").outdated).toBe(true);
    expect(get("dormant").dormant_at).not.toBeNull();
    expect(get("deleted-ws").latest_build.status).toBe("deleted");
    expect(get("quota-fail").latest_build.job.error_code).toBe("INSUFFICIENT_QUOTA");
    const bob = store.userByName("bob")!;
    expect([...store.workspaces.values()].filter((w) => w.owner_id === bob.id).length).toBeGreaterThanOrEqual(2);
    expect([...store.templates.values()].map((t) => t.name).sort()).toEqual([
      "aws-linux",
      "devbox",
      "docker",
      "kubernetes",
    ]);
  });

  it("history spans 14 days with successes, failures with and without error codes, and cancellations", () => {
    const store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
    const jobs = [...store.builds.values()].map((b) => store.jobOf(b));
    const oldest = Math.min(...jobs.map((j) => Date.parse(j.created_at)));
    expect(store.now() - oldest).toBeGreaterThanOrEqual(13 * 24 * 3600_000);
    const byStatus = (s: string) => jobs.filter((j) => j.status === s);
    expect(byStatus("succeeded").length).toBeGreaterThan(100);
    expect(byStatus("failed").some((j) => j.error_code === "INSUFFICIENT_QUOTA")).toBe(true);
    expect(byStatus("failed").some((j) => !j.error_code && j.error)).toBe(true);
    expect(byStatus("canceled").length).toBeGreaterThan(0);
  });

  it("kubernetes builds of the last day are at least 25% slower than the week before", () => {
    const store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
    const k8s = [...store.templates.values()].find((t) => t.name === "kubernetes")!;
    const day = 24 * 3600_000;
    const durations = (from: number, to: number) =>
      [...store.workspaces.values()]
        .filter((w) => w.template_id === k8s.id)
        .flatMap((w) => store.buildsOf(w.id))
        .map((b) => store.jobOf(b))
        .filter(
          (j) =>
            j.status === "succeeded" &&
            store.now() - Date.parse(j.created_at) >= from &&
            store.now() - Date.parse(j.created_at) < to,
        )
        .map((j) => Date.parse(j.completed_at!) - Date.parse(j.started_at!))
        .sort((x, y) => x - y);
    const p50 = (xs: number[]) => xs[Math.floor(xs.length / 2)];
    const recent = durations(0, day);
    const before = durations(day, 8 * day);
    expect(recent.length).toBeGreaterThan(2);
    expect(p50(recent) / p50(before)).toBeGreaterThanOrEqual(1.25);
  });

  it("materialized history is consistent: timings inside the job, logs ordered, agent after the job", () => {
    const store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
    const alice = store.userByName("alice")!;
    const ws = store.workspaceByName(alice.id, "dev", false)!;
    const build = store.latestBuild(ws.id);
    const job = store.jobOf(build);
    const c = store.content(build);
    const started = Date.parse(job.started_at!);
    const completed = Date.parse(job.completed_at!);
    for (const t of c.timings.provisioner_timings) {
      expect(Date.parse(t.started_at)).toBeGreaterThanOrEqual(started);
      expect(Date.parse(t.ended_at)).toBeLessThanOrEqual(completed + 1);
    }
    expect(new Set(c.timings.provisioner_timings.map((t) => t.stage))).toEqual(
      new Set(["init", "plan", "graph", "apply"]),
    );
    const ids = c.logs.map((l) => l.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(c.logs.some((l) => l.output.includes("\x1b["))).toBe(true);
    expect(Date.parse(c.timings.agent_connection_timings[0].started_at)).toBeGreaterThanOrEqual(completed);
    const agent = c.resources[0].agents![0];
    expect(agent.lifecycle_state).toBe("ready");
    expect(c.agentLogs.get(agent.id)!.length).toBe(agent.logs_length);
    const k8s = store.workspaceByName(alice.id, "long-history", false)!;
    expect(store.content(store.latestBuild(k8s.id)).resources[0].metadata!.some((m) => m.sensitive)).toBe(true);
  });
});
