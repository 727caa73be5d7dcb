import { beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "./errors";
import { createWorld } from "../world/index";
import { compareWorkspaces, matchesWorkspace, parseWorkspaceQuery } from "./search";
import type { Store } from "./store";

let store: Store;
beforeAll(() => {
  store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
});

function names(q: string, viewer = "alice"): string[] {
  const v = store.userByName(viewer)!;
  const f = parseWorkspaceQuery(q);
  return [...store.workspaces.values()]
    .filter((w) => store.canSeeWorkspace(v, w) && matchesWorkspace(store, w, f, v))
    .sort(compareWorkspaces(store, v))
    .map((w) => `${store.users.get(w.owner_id)!.username}/${w.name}`);
}

function validationFields(q: string): string[] {
  try {
    parseWorkspaceQuery(q);
  } catch (err) {
    if (err instanceof Invalid) return (err.validations ?? []).map((v) => v.field);
    throw err;
  }
  return [];
}

describe("workspace search", () => {
  it("parses key:value terms and a bare word as name", () => {
    expect(parseWorkspaceQuery("owner:me template:docker dev status:running has-agent:connected")).toEqual({
      owner: "me",
      template: "docker",
      name: "dev",
      status: "running",
      hasAgent: "connected",
    });
    expect(parseWorkspaceQuery("  ")).toEqual({});
  });

  it("answers 400 with validations for unknown keys and bad values", () => {
    expect(validationFields("colour:red")).toEqual(["colour"]);
    expect(validationFields("status:sleeping")).toEqual(["status"]);
    expect(validationFields("dormant:maybe outdated:yes")).toEqual(["dormant", "outdated"]);
    expect(validationFields("last_used_before:yesterday")).toEqual(["last_used_before"]);
    expect(validationFields("has-agent:asleep")).toEqual(["has-agent"]);
    expect(validationFields("name:a name:b")).toEqual(["name"]);
  });

  it("owner:me resolves to the viewer; members only ever see their own", () => {
    expect(names("owner:me", "bob")).toEqual(["bob/api-server", "bob/sandbox", "bob/ml-box"]);
    expect(names("owner:bob", "alice")).toEqual([]);
    expect(names("owner:bob", "admin")).toHaveLength(3);
  });

  it("filters by status, template, name substring and agent status", () => {
    expect(names("status:failed")).toEqual(["alice/failed-ws", "alice/quota-fail"]);
    expect(names("template:kubernetes")).toEqual(["alice/long-history", "alice/failed-ws", "alice/stopping-ws"]);
    expect(names("ws status:pending")).toEqual(["alice/pending-ws"]);
    expect(names("has-agent:connected")).toEqual([
      "alice/dev",
      "alice/long-history",
      "alice/outdated",
      "alice/script-error",
      "alice/slow-build",
    ]);
  });

  it("filters dormant, outdated and last-used windows", () => {
    expect(names("dormant:true")).toEqual(["alice/dormant"]);
    expect(names("outdated:true")).toContain("alice/outdated");
    expect(names("outdated:true")).not.toContain("alice/dev");
    const cutoff = new Date(store.now() - 30 * 24 * 3600_000).toISOString();
    expect(names(`last_used_before:${cutoff}`)).toEqual(["alice/dormant"]);
    expect(names(`last_used_after:${cutoff}`)).not.toContain("alice/dormant");
  });

  it("hides deleted workspaces unless asked", () => {
    expect(names("")).not.toContain("alice/deleted-ws");
    expect(names("deleted:true")).toEqual(["alice/deleted-ws"]);
  });

  it("orders the viewer's favorites first, then running, then by owner and name", () => {
    const all = names("", "admin");
    expect(all.slice(0, 3)).toEqual(["admin/ops", "alice/dev", "alice/long-history"]);
    expect(names("")[0]).toBe("alice/dev");
  });
});
