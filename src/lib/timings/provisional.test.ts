import { describe, expect, it } from "vitest";
import { agent, at, build, log, T0 } from "./__fixtures__/builds";
import { RECORDED_START } from "./__fixtures__/recorded";
import { buildLiveTimings, livePhase } from "./provisional";

const logs = [
  log(1, 100, "Setting up", "Initializing"),
  log(2, 900, "Setting up"),
  log(3, 1000, "Parsing template parameters"),
  log(4, 3000, "Planning infrastructure"),
  log(5, 4000, "Planning infrastructure"),
  log(6, 6000, "Starting workspace"),
  log(7, 6500, "Starting workspace"),
];

describe("buildLiveTimings while the job runs", () => {
  it("draws nothing while queued", () => {
    const live = buildLiveTimings({ build: build({ status: "pending" }), now: T0 + 500 });
    expect(live).toMatchObject({ phase: "queued", live: true });
    expect(live.tree.items).toEqual([]);
  });

  it("draws an init bar from the job start before any log arrives", () => {
    const live = buildLiveTimings({ build: build({ status: "running", started_at: at(50) }), now: T0 + 500 });
    expect(live.tree.items).toHaveLength(1);
    expect(live.tree.items[0]).toMatchObject({
      stage: "init",
      kind: "phase",
      running: true,
      provisional: true,
      start: T0 + 50,
      end: T0 + 500,
    });
  });

  it("turns log stage changes into provisional stage bars by time, the last one growing to now", () => {
    const live = buildLiveTimings({ build: build({ status: "running", started_at: at(50) }), logs, now: T0 + 8000 });
    expect(live.phase).toBe("provisioning");
    const bars = live.tree.stages.map((s) => [s.id, s.start - T0, s.end - T0, s.running, s.provisional]);
    expect(bars).toEqual([
      ["init", 50, 3000, false, true],
      ["plan", 3000, 6000, false, true],
      ["apply", 6000, 8000, true, true],
    ]);
    expect(live.tree.items.map((i) => i.name)).toEqual(["Setting up", "Planning infrastructure", "Starting workspace"]);
  });

  it("ends the bars at completion and marks the last one failed when the job failed (no real timings then)", () => {
    const live = buildLiveTimings({
      build: build({ status: "failed", started_at: at(50), completed_at: at(7000) }),
      logs,
      now: T0 + 60_000,
    });
    expect(live.live).toBe(false);
    const apply = live.tree.stages.find((s) => s.id === "apply")!;
    expect([apply.end - T0, apply.status, apply.running]).toEqual([7000, "failed", false]);
  });

  it("is replaced by the real timings once the job has written them", () => {
    const done = build({ status: "succeeded", started_at: at(0), completed_at: at(14_000) }, [
      agent({ status: "connected", lifecycle_state: "ready" }),
    ]);
    const live = buildLiveTimings({ build: done, timings: RECORDED_START, logs, now: T0 + 60_000 });
    expect(live.tree.items.some((i) => i.provisional)).toBe(false);
    expect(live.tree.items).toHaveLength(14);
    expect(live.live).toBe(false);
  });
});

describe("buildLiveTimings after the job succeeded (agents still coming up)", () => {
  const provisionerOnly = { provisioner_timings: RECORDED_START.provisioner_timings };
  const succeeded = { status: "succeeded", started_at: at(0), completed_at: at(14_000) } as const;

  it("keeps a connect bar growing while the agent has not connected", () => {
    const b = build(succeeded, [agent({ created_at: at(13_000), status: "connecting", lifecycle_state: "created" })]);
    const live = buildLiveTimings({ build: b, timings: provisionerOnly, now: T0 + 20_000 });
    expect(live).toMatchObject({ phase: "agents", live: true });
    const connect = live.tree.stages.find((s) => s.id === "connect")!;
    expect(connect.items[0]).toMatchObject({
      name: "main",
      running: true,
      provisional: true,
      start: T0 + 13_000,
      end: T0 + 20_000,
    });
  });

  it("then draws running start scripts until their timings arrive, and settles when the agent is ready", () => {
    const starting = agent({
      created_at: at(13_000),
      first_connected_at: at(15_000),
      started_at: at(15_100),
      status: "connected",
      lifecycle_state: "starting",
    });
    const partial = {
      ...provisionerOnly,
      agent_script_timings: [
        {
          ...RECORDED_START.agent_script_timings![1],
          workspace_agent_id: "agent-1",
          started_at: at(15_100),
          ended_at: at(16_000),
        },
      ],
    };
    const live = buildLiveTimings({ build: build(succeeded, [starting]), timings: partial, now: T0 + 25_000 });
    const scripts = live.tree.stages.find((s) => s.id === "start")!.items;
    expect(scripts.map((i) => [i.name, i.running, i.provisional])).toEqual([
      ["Dotfiles", false, false],
      ["Startup Script", true, true],
    ]);
    expect(live.tree.stages.find((s) => s.id === "connect")!.items[0]).toMatchObject({
      running: false,
      end: T0 + 15_000,
    });

    const ready = buildLiveTimings({
      build: build(succeeded, [{ ...starting, lifecycle_state: "ready" }]),
      timings: partial,
      now: T0 + 30_000,
    });
    expect(ready).toMatchObject({ phase: "done", live: false });
    expect(ready.tree.running).toBe(false);
  });

  it("finishes cleanly when the agent fails to start", () => {
    const failed = agent({
      created_at: at(13_000),
      first_connected_at: at(15_000),
      status: "connected",
      lifecycle_state: "start_error",
    });
    expect(livePhase(build(succeeded, [failed]))).toBe("done");
  });

  it("does not wait for agents on a stop build", () => {
    const b = build(succeeded, [agent({ lifecycle_state: "created" })], "stop");
    expect(buildLiveTimings({ build: b, timings: provisionerOnly, now: T0 + 20_000 }).live).toBe(false);
  });
});
