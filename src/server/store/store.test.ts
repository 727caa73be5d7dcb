import { beforeEach, describe, expect, it } from "vitest";
import { asHttpError } from "../http/respond";
import type { HttpError } from "../util/errors";
import { createWorld } from "../world/index";
import type { Store } from "./store";

let store: Store;
const user = (name: string) => store.userByName(name)!;
const ws = (owner: string, name: string) => store.workspaceByName(user(owner).id, name, true)!;

/** The refusal as the API answers it (the store's domain error mapped to Coder's status code). */
function thrown(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (err) {
    const known = asHttpError(err);
    if (known) return known;
    throw err;
  }
  throw new Error("expected a refusal");
}

beforeEach(() => {
  store = createWorld({ seed: 1, world: "demo", provisioners: 2 });
});

describe("store transitions", () => {
  it("a new build is pending at the end of the queue, with the next build number", () => {
    const w = ws("alice", "stopped-ws");
    const before = store.latestBuild(w.id).build_number;
    const b = store.createBuild(w, { transition: "start" }, user("alice"));
    expect(b.build_number).toBe(before + 1);
    expect(store.workspaceStatus(w)).toBe("pending");
    expect(store.queuePosition(store.jobOf(b))).toEqual({ position: store.queue.length, size: store.queue.length });
  });

  it("refuses a second build while one is active (409)", () => {
    const w = ws("alice", "stopped-ws");
    store.createBuild(w, { transition: "start" }, user("alice"));
    const err = thrown(() => store.createBuild(w, { transition: "stop" }, user("alice")));
    expect(err.status).toBe(409);
    expect(err.message).toBe("A workspace build is already active.");
    expect(
      thrown(() => store.createBuild(ws("alice", "starting-ws"), { transition: "stop" }, user("alice"))).status,
    ).toBe(409);
  });

  it("rejects an unknown transition with a validation", () => {
    const err = thrown(() => store.createBuild(ws("alice", "stopped-ws"), { transition: "reboot" }, user("alice")));
    expect(err.status).toBe(400);
    expect(err.validations?.[0].field).toBe("transition");
  });

  it("cancels a pending job at once", () => {
    const w = ws("alice", "stopped-ws");
    const b = store.createBuild(w, { transition: "start" }, user("alice"));
    store.cancelBuild(b, user("alice"), "pending");
    expect(store.jobOf(b).status).toBe("canceled");
    expect(store.jobOf(b).completed_at).toBeDefined();
    expect(store.queue).not.toContain(b.job_id);
    expect(store.workspaceStatus(w)).toBe("canceled");
  });

  it("a running job goes canceling until the provisioner acknowledges", () => {
    const w = ws("alice", "starting-ws");
    const b = store.latestBuild(w.id);
    store.cancelBuild(b, user("alice"), "running");
    expect(store.workspaceStatus(w)).toBe("canceling");
    store.acknowledgeCancel(b.job_id);
    expect(store.workspaceStatus(w)).toBe("canceled");
  });

  it("cancel: 400 when done or already canceling, 412 when not in the expected state", () => {
    expect(
      thrown(() => store.cancelBuild(store.latestBuild(ws("alice", "dev").id), user("alice"), undefined)).status,
    ).toBe(400);
    expect(
      thrown(() => store.cancelBuild(store.latestBuild(ws("alice", "canceling-ws").id), user("alice"), undefined))
        .status,
    ).toBe(400);
    const err = thrown(() =>
      store.cancelBuild(store.latestBuild(ws("alice", "starting-ws").id), user("alice"), "pending"),
    );
    expect(err.status).toBe(412);
    expect(store.workspaceStatus(ws("alice", "starting-ws"))).toBe("starting");
  });

  it("cancel: 403 for a member when the template forbids it, allowed to an admin", () => {
    const b = store.latestBuild(ws("alice", "stopping-ws").id);
    expect(thrown(() => store.cancelBuild(b, user("alice"), undefined)).status).toBe(403);
    store.cancelBuild(b, user("admin"), "running");
    expect(store.jobOf(b).status).toBe("canceling");
  });

  it("a successful delete marks the workspace deleted; its name can be reused", () => {
    const w = ws("alice", "stopped-ws");
    const b = store.createBuild(w, { transition: "delete" }, user("alice"));
    store.startJob(b.job_id, store.provisioners[0]);
    expect(store.workspaceStatus(w)).toBe("deleting");
    store.finishJob(b.job_id, { status: "succeeded", resources: [], timings: [], state: "" });
    expect(w.deleted).toBe(true);
    expect(store.workspaceByName(user("alice").id, "stopped-ws", false)).toBeUndefined();
    const again = store.createWorkspace(
      {
        owner: user("alice"),
        template: store.templates.get(w.template_id)!,
        version: store.versions.get(store.templates.get(w.template_id)!.active_version_id)!,
        name: "stopped-ws",
      },
      user("alice"),
    );
    expect(again.id).not.toBe(w.id);
  });

  it("provisioner timings and resources arrive only with success; failures keep none", () => {
    const w = ws("alice", "stopped-ws");
    const b = store.createBuild(w, { transition: "start" }, user("alice"));
    store.startJob(b.job_id, store.provisioners[0]);
    store.finishJob(b.job_id, { status: "failed", error: "insufficient quota", error_code: "INSUFFICIENT_QUOTA" });
    expect(store.content(b).timings.provisioner_timings).toEqual([]);
    expect(store.jobOf(b).error_code).toBe("INSUFFICIENT_QUOTA");
    expect(store.workspaceStatus(w)).toBe("failed");
  });

  it("validates workspace names and parameters", () => {
    const t = store.templateByName(store.defaultOrganization().id, "kubernetes")!;
    const v = store.versions.get(t.active_version_id)!;
    expect(
      thrown(() =>
        store.createWorkspace({ owner: user("bob"), template: t, version: v, name: "Bad Name!" }, user("bob")),
      ).status,
    ).toBe(400);
    expect(
      thrown(() =>
        store.createWorkspace({ owner: user("bob"), template: t, version: v, name: "api-server" }, user("bob")),
      ).status,
    ).toBe(409);
    const err = thrown(() =>
      store.createWorkspace(
        {
          owner: user("bob"),
          template: t,
          version: v,
          name: "new-one",
          rich_parameter_values: [{ name: "cpu", value: "3" }],
        },
        user("bob"),
      ),
    );
    expect(err.validations?.[0].field).toBe("cpu");
  });

  it("immutable parameters cannot change after creation", () => {
    const w = ws("alice", "long-history");
    const err = thrown(() =>
      store.createBuild(
        w,
        { transition: "start", rich_parameter_values: [{ name: "home_disk_size", value: "99" }] },
        user("alice"),
      ),
    );
    expect(err.status).toBe(400);
  });

  it("members see only their own workspaces", () => {
    expect(store.canSeeWorkspace(user("alice"), ws("bob", "sandbox"))).toBe(false);
    expect(store.canSeeWorkspace(user("admin"), ws("bob", "sandbox"))).toBe(true);
  });
});
