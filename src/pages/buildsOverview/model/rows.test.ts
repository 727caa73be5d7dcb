import { describe, expect, it } from "vitest";
import type { WorkspaceBuild } from "../../../api/types";
import { byNewest, toOverviewBuild } from "./rows";
import { build, workspace } from "./testing";

const apiBuild = (job: Partial<WorkspaceBuild["job"]>) =>
  ({
    id: "b1",
    build_number: 4,
    transition: "start",
    reason: "initiator",
    initiator_name: "alice",
    created_at: "2025-03-10T10:00:00.000Z",
    template_version_name: "v2",
    resources: [{ id: "r" }],
    job: {
      id: "j1",
      status: "failed",
      created_at: "2025-03-10T10:00:00.000Z",
      queue_position: 0,
      queue_size: 0,
      tags: { scope: "organization" },
      ...job,
    },
  }) as unknown as WorkspaceBuild;

describe("toOverviewBuild", () => {
  it("keeps the fields the page uses and drops the heavy ones", () => {
    const row = toOverviewBuild(apiBuild({ error_code: "INSUFFICIENT_QUOTA" }), workspace("dev"));
    expect(row).toMatchObject({
      id: "b1",
      build_number: 4,
      createdMs: Date.parse("2025-03-10T10:00:00.000Z"),
      errorCode: "INSUFFICIENT_QUOTA",
    });
    expect(row).not.toHaveProperty("resources");
    expect(row.job).not.toHaveProperty("tags");
  });

  it("classifies a quota failure from the error text on servers without error_code", () => {
    expect(
      toOverviewBuild(apiBuild({ error: "insufficient quota: cost 4 > allowance 2" }), workspace("dev")).errorCode,
    ).toBe("INSUFFICIENT_QUOTA");
    expect(toOverviewBuild(apiBuild({ error: "terraform apply failed" }), workspace("dev")).errorCode).toBeUndefined();
    expect(
      toOverviewBuild(apiBuild({ status: "succeeded", error_code: "INSUFFICIENT_QUOTA" }), workspace("dev")).errorCode,
    ).toBeUndefined();
  });

  it("keeps an error code this release does not know, as text", () => {
    expect(toOverviewBuild(apiBuild({ error_code: "NEW_CODE" }), workspace("dev")).errorCode).toBe("NEW_CODE");
  });
});

describe("byNewest", () => {
  it("orders by creation time, newest first", () => {
    const old = build({ age: 2000 });
    const recent = build({ age: 1000 });
    expect([old, recent].sort(byNewest)).toEqual([recent, old]);
  });
});
