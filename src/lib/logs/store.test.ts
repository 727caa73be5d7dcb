import { describe, expect, it } from "vitest";
import type { ProvisionerJobLog, WorkspaceAgentLog } from "../../api/types";
import { DEBUG, ERROR, INFO, WARN } from "./levels";
import { fromAgentLogs, fromBuildLogs, LogStore } from "./store";

const T0 = Date.parse("2025-03-04T10:00:00Z");
let nextId = 1;
function buildLog(
  stage: string,
  output: string,
  secondsIn: number,
  level: ProvisionerJobLog["log_level"] = "info",
): ProvisionerJobLog {
  return {
    id: nextId++,
    created_at: new Date(T0 + secondsIn * 1000).toISOString(),
    log_source: "provisioner",
    log_level: level,
    stage,
    output,
  };
}

describe("LogStore: build logs grouped by stage", () => {
  const logs = [
    buildLog("Setting up", "a", 0),
    buildLog("Setting up", "b", 1),
    buildLog("Planning infrastructure", "c", 2, "debug"),
    buildLog("Planning infrastructure", "d", 5, "warn"),
    buildLog("Planning infrastructure", "e", 9, "error"),
    buildLog("Starting workspace", "f", 10),
  ];
  const store = fromBuildLogs(logs);

  it("keeps every line with its time, level and group", () => {
    expect(store.length).toBe(6);
    expect(store.text(3)).toBe("d");
    expect(store.time(0)).toBe(T0);
    expect([store.level(2), store.level(3), store.level(4), store.level(5)]).toEqual([DEBUG, WARN, ERROR, INFO]);
    expect(store.groupOf(4)).toBe(1);
    expect(store.lastId).toBe(logs[5].id);
  });

  it("groups consecutive lines by stage name as given, with count, time span and error marker", () => {
    expect(
      store.groups.map((g) => [
        g.name,
        g.firstLine,
        g.lastLine,
        g.count,
        g.lastTime - g.firstTime,
        g.errors,
        g.warnings,
      ]),
    ).toEqual([
      ["Setting up", 0, 1, 2, 1000, 0, 0],
      ["Planning infrastructure", 2, 4, 3, 7000, 1, 1],
      ["Starting workspace", 5, 5, 1, 0, 0, 0],
    ]);
  });

  it("indexes error lines", () => {
    expect(store.errors).toBe(1);
    expect(store.errorLine(0)).toBe(4);
  });

  it("starts a new group when a stage name comes back after another", () => {
    const s = fromBuildLogs([buildLog("A", "1", 0), buildLog("B", "2", 1), buildLog("A", "3", 2)]);
    expect(s.groups.map((g) => g.name)).toEqual(["A", "B", "A"]);
  });

  it("drops lines whose id is not above the last one (stream resume overlap) and notifies once per batch", () => {
    const s = new LogStore("build");
    let notified = 0;
    s.subscribe(() => notified++);
    const batch = [buildLog("A", "1", 0), buildLog("A", "2", 1)];
    expect(s.appendBuildLogs(batch)).toBe(2);
    expect(s.appendBuildLogs([batch[1], buildLog("A", "3", 2)])).toBe(1);
    expect(s.appendBuildLogs([batch[0]])).toBe(0);
    expect(s.length).toBe(3);
    expect(notified).toBe(2);
  });

  it("grows past its initial capacity", () => {
    const s = new LogStore("build");
    for (let b = 0; b < 5; b++)
      s.append(
        Array.from({ length: 1000 }, (_, i) => ({ text: `l${b * 1000 + i}`, time: i, level: INFO, group: "S" })),
      );
    expect(s.length).toBe(5000);
    expect(s.text(4999)).toBe("l4999");
    expect(s.groups[0].count).toBe(5000);
  });
});

describe("LogStore: agent logs grouped by source", () => {
  const sources = [
    { id: "src-a", workspace_agent_id: "ag", created_at: "", display_name: "Startup Script", icon: "/icon/play.svg" },
    { id: "src-b", workspace_agent_id: "ag", created_at: "", display_name: "Coder Agent", icon: "" },
  ];
  const log = (
    id: number,
    source: string,
    output: string,
    level: WorkspaceAgentLog["level"] = "info",
  ): WorkspaceAgentLog => ({
    id,
    created_at: new Date(T0 + id * 1000).toISOString(),
    output,
    level,
    source_id: source,
  });

  it("creates a group per source in the given order, even before it has lines", () => {
    const store = fromAgentLogs([log(1, "src-b", "hello")], sources);
    expect(store.groups.map((g) => [g.key, g.name, g.count])).toEqual([
      ["src-a", "Startup Script", 0],
      ["src-b", "Coder Agent", 1],
    ]);
    expect(store.groups[0].icon).toBe("/icon/play.svg");
  });

  it("interleaves sources in one line order and counts per source", () => {
    const store = fromAgentLogs(
      [log(1, "src-a", "1"), log(2, "src-b", "2"), log(3, "src-a", "3", "error"), log(4, "src-x", "4")],
      sources,
    );
    expect([0, 1, 2, 3].map((i) => store.groupOf(i))).toEqual([0, 1, 0, 2]);
    expect(store.groups[0]).toMatchObject({ firstLine: 0, lastLine: 2, count: 2, errors: 1 });
    expect(store.groups[2]).toMatchObject({ key: "src-x", name: "src-x", count: 1 });
  });
});
