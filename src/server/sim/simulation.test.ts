import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../store/store";
import { createWorld } from "../world/index";
import { Simulation } from "./simulation";

let sim: Simulation | undefined;
afterEach(() => sim?.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(20);
  }
}

function setup(opts: Partial<ConstructorParameters<typeof Simulation>[1]> = {}): Store {
  const provisioners = opts.provisioners ?? 2;
  // The world's untagged daemons are the simulation's provisioners, as `--provisioners` makes them.
  const store = createWorld({ seed: 1, world: "demo", provisioners });
  sim = new Simulation(store, { speed: 50, failureRate: 0, ambient: false, seed: 1, ...opts, provisioners });
  sim.start();
  return store;
}

describe("simulation", () => {
  it("queues beyond the provisioner count and reports positions; each job stays pending ≥ 300 ms", async () => {
    const store = setup({ provisioners: 1 });
    const alice = store.userByName("alice")!;
    const names = ["stopped-ws", "canceled-ws", "failed-ws"];
    const builds = names.map((n) =>
      store.createBuild(store.workspaceByName(alice.id, n, false)!, { transition: "start" }, alice),
    );
    expect(builds.map((b) => store.queuePosition(store.jobOf(b)))).toEqual([
      { position: 1, size: 3 },
      { position: 2, size: 3 },
      { position: 3, size: 3 },
    ]);
    await sleep(150);
    expect(store.jobOf(builds[0]).status).toBe("pending");
    await until(() => store.jobOf(builds[0]).status === "running");
    expect(
      Date.parse(store.jobOf(builds[0]).started_at!) - Date.parse(store.jobOf(builds[0]).created_at),
    ).toBeGreaterThanOrEqual(300);
    expect(store.queuePosition(store.jobOf(builds[2]))).toEqual({ position: 2, size: 2 });
    await until(() => builds.every((b) => store.jobOf(b).status === "succeeded"), 15_000);
  });

  it("a start build: job succeeds with timings and resources, then the agent connects and becomes ready", async () => {
    const store = setup();
    const alice = store.userByName("alice")!;
    const ws = store.workspaceByName(alice.id, "stopped-ws", false)!;
    const b = store.createBuild(ws, { transition: "start" }, alice);
    await until(() => store.jobOf(b).status === "succeeded");
    const content = store.content(b);
    expect(content.timings.provisioner_timings.length).toBeGreaterThan(5);
    const agent = content.resources[0].agents![0];
    expect(agent.lifecycle_state).toBe("created");
    await until(() => agent.lifecycle_state === "ready");
    expect(content.timings.agent_connection_timings).toHaveLength(1);
    expect(content.timings.agent_script_timings.map((t) => t.status)).toEqual(["ok", "ok", "ok"]);
    expect(new Set(content.agentLogs.get(agent.id)!.map((l) => l.source_id)).size).toBe(4);
  });

  it("outcomes: failures carry no provisioner timings; a script timeout leaves the agent start_timeout", async () => {
    const store = setup();
    const alice = store.userByName("alice")!;
    const failing = store.workspaceByName(alice.id, "stopped-ws", false)!;
    sim!.setNextOutcome(failing.id, "failed");
    const f = store.createBuild(failing, { transition: "start" }, alice, sim!.nextOutcome(failing.id));
    const slow = store.workspaceByName(alice.id, "canceled-ws", false)!;
    const s = store.createBuild(slow, { transition: "start" }, alice, "script_timeout");
    await until(() => store.jobOf(f).status === "failed");
    expect(store.jobOf(f).error).toMatch(/terraform apply/);
    expect(store.content(f).timings.provisioner_timings).toEqual([]);
    expect(store.content(f).logs.some((l) => l.log_level === "error")).toBe(true);
    await until(() => store.content(s).resources[0]?.agents?.[0]?.lifecycle_state === "start_timeout");
    expect(store.content(s).timings.agent_script_timings.some((t) => t.status === "timed_out")).toBe(true);
  });

  it("held, no job is taken (well past the pending minimum); released, the build runs", async () => {
    const store = setup();
    const alice = store.userByName("alice")!;
    sim!.hold(true);
    const b = store.createBuild(store.workspaceByName(alice.id, "stopped-ws", false)!, { transition: "start" }, alice);
    await sleep(600);
    expect(store.jobOf(b).status).toBe("pending");
    sim!.hold(false);
    await until(() => store.jobOf(b).status === "succeeded");
  });

  it("a stop build turns the previous agent off", async () => {
    const store = setup();
    const alice = store.userByName("alice")!;
    const ws = store.workspaceByName(alice.id, "dev", false)!;
    const prevAgent = store.content(store.latestBuild(ws.id)).resources[0].agents![0];
    const b = store.createBuild(ws, { transition: "stop" }, alice);
    await until(() => store.jobOf(b).status === "succeeded");
    expect(prevAgent.lifecycle_state).toBe("off");
    expect(prevAgent.status).toBe("disconnected");
    expect(store.content(b).resources.every((r) => !r.agents)).toBe(true);
    expect(store.workspaceStatus(ws)).toBe("stopped");
  });

  it("ambient builds keep the world moving, never on alice's workspaces", async () => {
    const store = setup({ ambient: true });
    const before = store.builds.size;
    await until(() => store.builds.size > before, 6000);
    const fresh = [...store.builds.values()].slice(before);
    const alice = store.userByName("alice")!;
    expect(fresh.every((b) => store.workspaces.get(b.workspace_id)!.owner_id !== alice.id)).toBe(true);
    expect(fresh.every((b) => b.reason === "autostart" || b.reason === "autostop")).toBe(true);
  });
});
