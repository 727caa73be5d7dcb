import { describe, expect, it } from "vitest";
import type { WorkspaceBuildTimings } from "../../api/types";
import { RECORDED_START } from "./__fixtures__/recorded";
import { buildTimingTree } from "./tree";

const NOW = Date.parse("2025-03-04T10:05:00Z");

describe("buildTimingTree", () => {
  it("groups a recorded response into stages in time order with bounds from their items", () => {
    const tree = buildTimingTree(RECORDED_START, { now: NOW });
    expect(tree.stages.map((s) => s.id)).toEqual(["init", "plan", "graph", "apply", "connect", "start"]);
    const plan = tree.stages[1];
    expect(plan.items).toHaveLength(4);
    expect(plan.start).toBe(Date.parse("2025-03-04T10:00:08.000Z"));
    expect(plan.end).toBe(Date.parse("2025-03-04T10:00:09.500Z"));
    expect(plan.duration).toBe(1500);
    // items sorted by start even though the response lists them out of order
    expect(plan.items.map((i) => i.name)).toEqual([
      "data.coder_workspace.me",
      "data.coder_workspace_owner.me",
      'data.http.versions["GO"]',
      "docker_image.main",
    ]);
    expect(tree.start).toBe(Date.parse("2025-03-04T10:00:00.100Z"));
    expect(tree.end).toBe(Date.parse("2025-03-04T10:00:30.000Z"));
    expect(tree.duration).toBe(29_900);
    expect(tree.items).toHaveLength(14);
    expect(tree.running).toBe(false);
    expect(tree.skipped).toBe(0);
  });

  it("keeps resource, action and source; script status and exit code; agent names", () => {
    const tree = buildTimingTree(RECORDED_START, { now: NOW });
    const container = tree.items.find((i) => i.name === "docker_container.workspace[0]")!;
    expect(container).toMatchObject({
      kind: "resource",
      stage: "apply",
      action: "create",
      source: "docker",
      status: "ok",
      duration: 3500,
    });
    const dotfiles = tree.items.find((i) => i.name === "Dotfiles")!;
    expect(dotfiles).toMatchObject({
      kind: "script",
      status: "failed",
      exitCode: 1,
      scriptStatus: "exit_failure",
      agentName: "main",
    });
    expect(tree.items.find((i) => i.name === "code-server")!.status).toBe("attention");
    expect(tree.items.find((i) => i.kind === "connection")).toMatchObject({
      name: "main",
      stage: "connect",
      duration: 2000,
    });
    const start = tree.stages.find((s) => s.id === "start")!;
    expect(start.status).toBe("failed");
    expect(start.hue).toBe("script");
  });

  it("gives a resource replaced within a stage one key per action, stable ids", () => {
    const tree = buildTimingTree(RECORDED_START, { now: NOW });
    const login = tree.items.filter((i) => i.name === "coder_script.login").map((i) => i.id);
    expect(login).toEqual(["apply/coder_script.login (delete)", "apply/coder_script.login (create)"]);
    expect(new Set(tree.items.map((i) => i.id)).size).toBe(tree.items.length);
  });

  it("numbers true duplicates in start order", () => {
    const t = (s: string, e: string) => ({
      job_id: "j",
      started_at: s,
      ended_at: e,
      stage: "apply",
      source: "null",
      action: "create",
      resource: "null_resource.x",
    });
    const tree = buildTimingTree({
      provisioner_timings: [
        t("2025-01-01T00:00:05Z", "2025-01-01T00:00:06Z"),
        t("2025-01-01T00:00:01Z", "2025-01-01T00:00:02Z"),
      ],
    });
    expect(tree.items.map((i) => i.key)).toEqual(["null_resource.x (create)", "null_resource.x (create) #2"]);
  });

  it("tolerates an older server: no agent arrays at all", () => {
    const older = { provisioner_timings: RECORDED_START.provisioner_timings } as WorkspaceBuildTimings;
    const tree = buildTimingTree(older, { now: NOW });
    expect(tree.stages.map((s) => s.id)).toEqual(["init", "plan", "graph", "apply"]);
  });

  it("tolerates null, empty and absent responses", () => {
    expect(buildTimingTree(null).stages).toEqual([]);
    expect(buildTimingTree({}).items).toEqual([]);
    expect(buildTimingTree({ provisioner_timings: [] }).duration).toBe(0);
  });

  it("marks an item with a zero or missing end as running up to now", () => {
    const tree = buildTimingTree(
      {
        provisioner_timings: [
          {
            job_id: "j",
            started_at: "2025-03-04T10:04:00Z",
            ended_at: "0001-01-01T00:00:00Z",
            stage: "apply",
            source: "docker",
            action: "create",
            resource: "docker_container.a",
          },
        ],
        agent_script_timings: [
          {
            started_at: "2025-03-04T10:04:30Z",
            ended_at: null as unknown as string,
            exit_code: 0,
            stage: "start",
            status: "ok",
            display_name: "s",
            workspace_agent_id: "a",
            workspace_agent_name: "main",
          },
        ],
      },
      { now: NOW },
    );
    const container = tree.items[0];
    expect(container).toMatchObject({ running: true, status: "running", end: NOW, duration: 60_000 });
    expect(tree.items[1]).toMatchObject({ running: true, status: "running" });
    expect(tree.running).toBe(true);
    expect(tree.stages[0].status).toBe("running");
    expect(tree.end).toBe(NOW);
  });

  it("drops entries with no usable start and counts them", () => {
    const tree = buildTimingTree({
      provisioner_timings: [
        {
          job_id: "j",
          started_at: "0001-01-01T00:00:00Z",
          ended_at: "2025-03-04T10:00:01Z",
          stage: "init",
          source: "",
          action: "",
          resource: "",
        },
        { job_id: "j", started_at: "", ended_at: "", stage: "plan", source: "", action: "", resource: "" },
        {
          job_id: "j",
          started_at: "2025-03-04T10:00:02Z",
          ended_at: "2025-03-04T10:00:03Z",
          stage: "plan",
          source: "",
          action: "",
          resource: "",
        },
      ],
    });
    expect(tree.skipped).toBe(2);
    expect(tree.items).toHaveLength(1);
    expect(tree.items[0].name).toBe("resource");
  });

  it("measures across a day boundary and never produces a negative bar", () => {
    const tree = buildTimingTree({
      provisioner_timings: [
        {
          job_id: "j",
          started_at: "2025-03-04T23:59:58.500Z",
          ended_at: "2025-03-05T00:00:01.250Z",
          stage: "apply",
          source: "aws",
          action: "create",
          resource: "aws_instance.dev",
        },
        {
          job_id: "j",
          started_at: "2025-03-05T00:00:02Z",
          ended_at: "2025-03-05T00:00:01Z",
          stage: "apply",
          source: "aws",
          action: "create",
          resource: "aws_eip.dev",
        },
      ],
    });
    expect(tree.items[0].duration).toBe(2750);
    expect(tree.items[1].duration).toBe(0);
    expect(tree.duration).toBe(3500);
  });

  it("keeps a stage it does not know under its own name", () => {
    const tree = buildTimingTree({
      provisioner_timings: [
        {
          job_id: "j",
          started_at: "2025-03-04T10:00:00Z",
          ended_at: "2025-03-04T10:00:01Z",
          stage: "validate",
          source: "",
          action: "check",
          resource: "x",
        },
      ],
    });
    expect(tree.stages[0]).toMatchObject({ id: "validate", label: "validate", hue: "other" });
  });

  it("orders stages by when they ran (stop scripts run before a stop build's apply)", () => {
    const tree = buildTimingTree({
      provisioner_timings: [
        {
          job_id: "j",
          started_at: "2025-03-04T10:00:10Z",
          ended_at: "2025-03-04T10:00:20Z",
          stage: "apply",
          source: "",
          action: "delete",
          resource: "x",
        },
      ],
      agent_script_timings: [
        {
          started_at: "2025-03-04T10:00:00Z",
          ended_at: "2025-03-04T10:00:05Z",
          exit_code: 0,
          stage: "stop",
          status: "ok",
          display_name: "Shutdown",
          workspace_agent_id: "a",
          workspace_agent_name: "main",
        },
      ],
    });
    expect(tree.stages.map((s) => s.id)).toEqual(["stop", "apply"]);
  });
});
