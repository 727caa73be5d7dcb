import { describe, expect, it } from "vitest";
import * as api from "../api/types";
import { STATUS_ICON_NAMES, STATUS_MAP, WORKSPACE_FLAGS, humanize, statusInfo, type StatusKind } from "./status";

const ENUMS: Array<[StatusKind, readonly string[]]> = [
  ["workspace", api.WORKSPACE_STATUSES],
  ["job", api.JOB_STATUSES],
  ["agentStatus", api.AGENT_STATUSES],
  ["agentLifecycle", api.AGENT_LIFECYCLE_STATES],
  ["script", api.SCRIPT_STATUSES],
  ["appHealth", api.APP_HEALTHS],
  ["appState", api.APP_STATUS_STATES],
  ["flag", WORKSPACE_FLAGS],
];

describe("status map", () => {
  it.each(ENUMS)("%s covers every value of its enum and nothing else", (kind, values) => {
    expect(Object.keys(STATUS_MAP[kind]).sort()).toEqual([...values].sort());
    for (const v of values) {
      const info = statusInfo(kind, v);
      expect(info.label.length).toBeGreaterThan(0);
      expect(STATUS_ICON_NAMES).toContain(info.icon);
    }
  });

  it("follows docs/design.md's colour table", () => {
    expect(statusInfo("workspace", "running").meaning).toBe("ok");
    expect(statusInfo("workspace", "starting").meaning).toBe("progress");
    expect(statusInfo("workspace", "stopped").meaning).toBe("neutral");
    expect(statusInfo("workspace", "failed").meaning).toBe("failure");
    expect(statusInfo("job", "succeeded").meaning).toBe("ok");
    expect(statusInfo("job", "running").meaning).toBe("progress");
    expect(statusInfo("script", "timed_out").meaning).toBe("failure");
    expect(statusInfo("script", "pipes_left_open").meaning).toBe("attention");
    expect(statusInfo("agentLifecycle", "ready").meaning).toBe("ok");
    expect(statusInfo("agentLifecycle", "start_error").meaning).toBe("failure");
    expect(statusInfo("agentLifecycle", "off").meaning).toBe("neutral");
    expect(statusInfo("agentStatus", "connected").meaning).toBe("ok");
    expect(statusInfo("appHealth", "unhealthy").meaning).toBe("failure");
    expect(statusInfo("flag", "outdated").meaning).toBe("attention");
  });

  it("renders an unknown value as its own text, neutral", () => {
    const info = statusInfo("workspace", "hibernating_deeply");
    expect(info).toMatchObject({ meaning: "neutral", label: "Hibernating deeply" });
    expect(statusInfo("job", undefined).label).toBe("Unknown");
    expect(statusInfo("job", "toString").label).toBe("ToString");
  });

  it("humanizes snake and kebab case", () => {
    expect(humanize("shutdown_timeout")).toBe("Shutdown timeout");
    expect(humanize("a-b")).toBe("A b");
  });
});
