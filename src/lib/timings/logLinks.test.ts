import { describe, expect, it } from "vitest";
import { agent, at, log, T0 } from "./__fixtures__/builds";
import { agentLogTargetOf, agentOfItem, firstLogIndexAtOrAfter } from "./logLinks";
import { treeFromDrafts } from "./tree";

describe("firstLogIndexAtOrAfter", () => {
  const logs = [
    log(1, 0, "Setting up"),
    log(2, 1000, "Setting up"),
    log(3, 5000, "Planning infrastructure"),
    log(4, 5000, "Planning infrastructure"),
    log(5, 9000, "Starting workspace"),
  ];

  it("finds the first line created at or after the bar's start", () => {
    expect(firstLogIndexAtOrAfter(logs, T0 + 4000)).toBe(2);
    expect(firstLogIndexAtOrAfter(logs, T0 + 5000)).toBe(2);
    expect(firstLogIndexAtOrAfter(logs, T0 - 10)).toBe(0);
    expect(firstLogIndexAtOrAfter(logs, T0 + 9001)).toBe(-1);
  });

  it("skips lines with an unusable time", () => {
    expect(firstLogIndexAtOrAfter([{ created_at: "0001-01-01T00:00:00Z" }, { created_at: at(100) }], T0)).toBe(1);
  });
});

describe("agentLogTargetOf", () => {
  const agents = [
    agent({}),
    agent({
      id: "agent-2",
      name: "sidecar",
      scripts: [],
      log_sources: [
        { id: "src-side", workspace_agent_id: "agent-2", created_at: at(0), display_name: "Side job", icon: "" },
      ],
    }),
  ];
  const script = (name: string, agentId?: string, agentName?: string) =>
    treeFromDrafts([{ stage: "start", kind: "script", name, agentId, agentName, start: T0, end: T0 + 1 }], { now: 0 })
      .items[0];

  it("matches the display name against the agent's scripts to get the log source", () => {
    expect(agentLogTargetOf(script("Dotfiles", "agent-1"), agents)).toEqual({
      agentId: "agent-1",
      sourceId: "src-dotfiles",
      sourceName: "Dotfiles",
    });
  });

  it("finds the agent by name when the id is absent, and falls back to a log source of that name", () => {
    expect(agentLogTargetOf(script("Side job", undefined, "sidecar"), agents)).toEqual({
      agentId: "agent-2",
      sourceId: "src-side",
      sourceName: "Side job",
    });
  });

  it("has no target for a script nobody knows or for a resource", () => {
    expect(agentLogTargetOf(script("Nope", "agent-1"), agents)).toBeUndefined();
    const resource = treeFromDrafts([{ stage: "apply", kind: "resource", name: "Dotfiles", start: 0, end: 1 }], {
      now: 0,
    }).items[0];
    expect(agentLogTargetOf(resource, agents)).toBeUndefined();
  });

  it("finds the agent of a connection bar", () => {
    const conn = treeFromDrafts(
      [{ stage: "connect", kind: "connection", name: "sidecar", agentName: "sidecar", start: 0, end: 1 }],
      { now: 0 },
    ).items[0];
    expect(agentOfItem(conn, agents)?.id).toBe("agent-2");
  });
});
