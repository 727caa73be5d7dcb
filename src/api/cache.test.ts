import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { patchWorkspaceInCache, setWorkspaceInCache } from "./cache";
import { keys } from "./keys";
import type { Workspace, WorkspaceBuild, WorkspacesResponse } from "./types";

function workspace(id: string, status: string, buildId = `b-${id}`): Workspace {
  return {
    id,
    name: `ws-${id}`,
    owner_name: "alice",
    favorite: false,
    latest_build: {
      id: buildId,
      build_number: 7,
      workspace_id: id,
      status,
      job: { status: "running" },
    } as unknown as WorkspaceBuild,
  } as unknown as Workspace;
}

describe("setWorkspaceInCache", () => {
  it("writes the workspace into every key that holds it, and only those", () => {
    const qc = new QueryClient();
    const old = workspace("1", "starting");
    const other = workspace("2", "stopped");
    const page = { limit: 25, offset: 0 };
    qc.setQueryData(keys.workspace("1"), old);
    qc.setQueryData(keys.workspaceByName("alice", "ws-1", false), old);
    qc.setQueryData(keys.workspaceByName("alice", "ws-1", true), old);
    qc.setQueryData<WorkspacesResponse>(keys.workspaceList("owner:me", page), { workspaces: [other, old], count: 2 });
    qc.setQueryData(keys.workspaceListAll(""), { workspaces: [old], count: 1, complete: true });
    qc.setQueryData(keys.buildList("1", page), [old.latest_build]);
    qc.setQueryData(keys.buildByNumber("alice", "ws-1", 7), old.latest_build);

    const fresh = workspace("1", "running");
    setWorkspaceInCache(qc, fresh);

    expect(qc.getQueryData(keys.workspace("1"))).toEqual(fresh);
    expect(qc.getQueryData(keys.workspaceByName("alice", "ws-1", false))).toEqual(fresh);
    expect(qc.getQueryData(keys.workspaceByName("alice", "ws-1", true))).toEqual(fresh);
    const list = qc.getQueryData<WorkspacesResponse>(keys.workspaceList("owner:me", page));
    expect(list?.workspaces).toEqual([other, fresh]);
    expect(qc.getQueryData<{ complete: boolean; workspaces: Workspace[] }>(keys.workspaceListAll(""))).toEqual({
      workspaces: [fresh],
      count: 1,
      complete: true,
    });
    expect(qc.getQueryData(keys.buildList("1", page))).toEqual([fresh.latest_build]);
    expect(qc.getQueryData(keys.buildByNumber("alice", "ws-1", 7))).toEqual(fresh.latest_build);
    expect(qc.getQueryData(keys.workspace("2"))).toBeUndefined();
  });
});

describe("patchWorkspaceInCache", () => {
  it("patches everywhere and the returned function undoes it", () => {
    const qc = new QueryClient();
    const w = workspace("1", "running");
    qc.setQueryData(keys.workspace("1"), w);
    qc.setQueryData<WorkspacesResponse>(keys.workspaceList("", { limit: 10, offset: 0 }), {
      workspaces: [w],
      count: 1,
    });
    const undo = patchWorkspaceInCache(qc, w, (x) => ({ ...x, favorite: true }));
    expect(qc.getQueryData<Workspace>(keys.workspace("1"))?.favorite).toBe(true);
    expect(
      qc.getQueryData<WorkspacesResponse>(keys.workspaceList("", { limit: 10, offset: 0 }))?.workspaces[0].favorite,
    ).toBe(true);
    undo();
    expect(qc.getQueryData<Workspace>(keys.workspace("1"))?.favorite).toBe(false);
    expect(
      qc.getQueryData<WorkspacesResponse>(keys.workspaceList("", { limit: 10, offset: 0 }))?.workspaces[0].favorite,
    ).toBe(false);
  });
});
