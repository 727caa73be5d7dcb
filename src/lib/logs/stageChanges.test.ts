import { describe, expect, it } from "vitest";
import type { ProvisionerJobLog } from "../../api/types";
import { firstLineAtOrAfter, lineAtOrAfter, stageChanges } from "./stageChanges";
import { fromBuildLogs, LogStore } from "./store";

const log = (id: number, stage: string, at: string): ProvisionerJobLog => ({
  id,
  created_at: at,
  log_source: "provisioner",
  log_level: "info",
  stage,
  output: `line ${id}`,
});

const store = fromBuildLogs([
  log(1, "Setting up", "2025-01-01T00:00:00.000Z"),
  log(2, "Setting up", "2025-01-01T00:00:01.000Z"),
  log(3, "Planning infrastructure", "2025-01-01T00:00:05.000Z"),
  log(4, "Starting workspace", "2025-01-01T00:00:09.000Z"),
]);

describe("stageChanges", () => {
  it("gives one entry per stage run, at the run's first line", () => {
    expect(stageChanges(store).map((l) => [l.stage, l.created_at])).toEqual([
      ["Setting up", "2025-01-01T00:00:00.000Z"],
      ["Planning infrastructure", "2025-01-01T00:00:05.000Z"],
      ["Starting workspace", "2025-01-01T00:00:09.000Z"],
    ]);
  });
});

describe("lineAtOrAfter", () => {
  it("finds the first line at or after a time, the last line past the end, nothing in an empty log", () => {
    expect(lineAtOrAfter(store, Date.parse("2025-01-01T00:00:01.000Z"))).toBe(2);
    expect(lineAtOrAfter(store, Date.parse("2025-01-01T00:00:02.000Z"))).toBe(3);
    expect(lineAtOrAfter(store, Date.parse("2025-01-01T01:00:00.000Z"))).toBe(4);
    expect(lineAtOrAfter(new LogStore("build"), 0)).toBeUndefined();
    expect(firstLineAtOrAfter(store, Date.parse("2025-01-01T01:00:00.000Z"))).toBeUndefined();
  });
});
