import { describe, expect, it } from "vitest";
import { workspaceTargetOf } from "./prefetchRoute";

describe("workspaceTargetOf", () => {
  it("names the workspace and build a deep link opens", () => {
    expect(workspaceTargetOf("/@alice/dev")).toEqual({ owner: "alice", name: "dev", page: "workspace" });
    expect(workspaceTargetOf("/@alice/dev/")).toEqual({ owner: "alice", name: "dev", page: "workspace" });
    expect(workspaceTargetOf("/@alice/dev/builds/42")).toEqual({
      owner: "alice",
      name: "dev",
      page: "build",
      build: 42,
    });
    expect(workspaceTargetOf("/@alice/dev/builds/42/timings")).toEqual({ owner: "alice", name: "dev", page: "other" });
    expect(workspaceTargetOf("/@alice/dev/settings")).toEqual({ owner: "alice", name: "dev", page: "other" });
  });

  it("asks nothing for paths that are not a workspace's, or a malformed build number", () => {
    expect(workspaceTargetOf("/workspaces")).toBeNull();
    expect(workspaceTargetOf("/alice/dev")).toBeNull();
    expect(workspaceTargetOf("/@/dev")).toBeNull();
    expect(workspaceTargetOf("/builds")).toBeNull();
    expect(workspaceTargetOf("/@alice/dev/builds/042")).toEqual({ owner: "alice", name: "dev", page: "other" });
  });
});
