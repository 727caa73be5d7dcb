import { describe, expect, it } from "vitest";
import { deriveWorkspaceStatus } from "./status";

describe("deriveWorkspaceStatus", () => {
  const table: Array<[string, string, string]> = [
    ["pending", "start", "pending"],
    ["pending", "stop", "pending"],
    ["pending", "delete", "pending"],
    ["running", "start", "starting"],
    ["running", "stop", "stopping"],
    ["running", "delete", "deleting"],
    ["succeeded", "start", "running"],
    ["succeeded", "stop", "stopped"],
    ["succeeded", "delete", "deleted"],
    ["canceling", "start", "canceling"],
    ["canceling", "stop", "canceling"],
    ["canceling", "delete", "canceling"],
    ["canceled", "start", "canceled"],
    ["canceled", "stop", "canceled"],
    ["canceled", "delete", "canceled"],
    ["failed", "start", "failed"],
    ["failed", "stop", "failed"],
    ["failed", "delete", "failed"],
  ];
  it.each(table)("job %s × %s → %s", (job, transition, status) => {
    expect(deriveWorkspaceStatus(job, transition)).toBe(status);
  });
});
