import { describe, expect, it } from "vitest";
import { isOlderWorkspace, keepNewerWorkspace } from "./freshness";
import type { ProvisionerJobStatus, Workspace } from "./types";

function ws(buildNumber: number, jobStatus: ProvisionerJobStatus, extra: Partial<Workspace> = {}): Workspace {
  return {
    id: "w1",
    name: "dev",
    latest_build: { build_number: buildNumber, job: { status: jobStatus } },
    ...extra,
  } as unknown as Workspace;
}

describe("isOlderWorkspace", () => {
  it("treats an earlier build number as older", () => {
    expect(isOlderWorkspace(ws(4, "succeeded"), ws(5, "pending"))).toBe(true);
    expect(isOlderWorkspace(ws(5, "pending"), ws(4, "succeeded"))).toBe(false);
  });
  it("treats the same build earlier in its job's life as older", () => {
    expect(isOlderWorkspace(ws(5, "canceling"), ws(5, "canceled"))).toBe(true);
    expect(isOlderWorkspace(ws(5, "running"), ws(5, "succeeded"))).toBe(true);
    expect(isOlderWorkspace(ws(5, "succeeded"), ws(5, "succeeded"))).toBe(false);
  });
});

describe("keepNewerWorkspace", () => {
  it("keeps the cached workspace when a late refetch is older", () => {
    const current = ws(5, "canceled");
    expect(keepNewerWorkspace(current, ws(5, "canceling"))).toBe(current);
  });
  it("takes a newer answer, sharing unchanged parts", () => {
    const current = ws(5, "succeeded", { favorite: false });
    const incoming = ws(5, "succeeded", { favorite: true });
    const result = keepNewerWorkspace(current, incoming) as Workspace;
    expect(result.favorite).toBe(true);
    expect(result.latest_build).toBe(current.latest_build);
  });
  it("takes the first answer when nothing is cached", () => {
    const incoming = ws(1, "pending");
    expect(keepNewerWorkspace(undefined, incoming)).toBe(incoming);
  });
});
