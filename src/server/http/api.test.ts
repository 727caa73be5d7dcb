import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { startServer, type RunningServer } from "../main";
import { api, login } from "../testing/clients";

let server: RunningServer;
let alice: string;
let bob: string;
let admin: string;

beforeAll(async () => {
  server = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0 });
  [alice, bob, admin] = await Promise.all([
    login(server.url, "alice"),
    login(server.url, "bob"),
    login(server.url, "admin"),
  ]);
});
afterAll(() => server.close());

const get = <T = unknown>(token: string, p: string) => api<T>(server.url, token, p);
const send = <T = unknown>(token: string, method: string, p: string, body?: string) =>
  api<T>(server.url, token, p, { method, body });

describe("bad input is a clean 4xx", () => {
  it("malformed, mistyped, non-object and oversized bodies", async () => {
    const ws = (await get<Workspace>(alice, "/users/alice/workspace/dev")).body;
    const builds = `/workspaces/${ws.id}/builds`;
    expect((await send(alice, "POST", builds, "{bad")).status).toBe(400);
    expect((await send(alice, "POST", builds, "[1]")).status).toBe(400);
    expect((await send(alice, "POST", builds, JSON.stringify({ transition: 5 }))).status).toBe(400);
    expect((await send(alice, "POST", builds, JSON.stringify({ transition: "reboot" }))).status).toBe(400);
    expect((await send(alice, "POST", builds, JSON.stringify({ transition: "start", reason: "because" }))).status).toBe(
      400,
    );
    expect(
      (await send(alice, "POST", builds, JSON.stringify({ transition: "start", template_version_id: "x" }))).status,
    ).toBe(400);
    const big = JSON.stringify({ transition: "start", pad: "a".repeat(1_100_000) });
    expect((await send(alice, "POST", builds, big)).status).toBe(413);
    const chunked = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const res = await fetch(`${server.url}/api/v2${builds}`, {
      method: "POST",
      headers: { "Coder-Session-Token": alice },
      body: chunked,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await get<Workspace>(alice, "/users/alice/workspace/dev")).body.latest_build.build_number).toBe(
      ws.latest_build.build_number,
    );
  });

  it("invalid UUIDs, numbers and cursors", async () => {
    const ws = (await get<Workspace>(alice, "/users/alice/workspace/dev")).body;
    const cases: Array<[string, number]> = [
      ["/workspaces/not-a-uuid", 400],
      ["/workspacebuilds/123/logs", 400],
      ["/workspaces?limit=-1", 400],
      ["/workspaces?offset=1e3", 400],
      ["/workspaces?limit=99999999999999999999", 400],
      [`/workspacebuilds/${ws.latest_build.id}/logs?after=abc`, 400],
      [`/workspaces/${ws.id}/builds?after_id=nope`, 400],
      [`/workspaces/${ws.id}/builds?since=yesterday`, 400],
      ["/users/alice/workspace/dev/builds/abc", 400],
      ["/workspaces?q=" + encodeURIComponent("status:sleeping"), 400],
      ["/workspaces?q=" + "a".repeat(10_000), 200],
      ["/workspaces?limit=100000&offset=5000", 200],
      ["/templateversions/00000000-0000-4000-8000-000000000000", 404],
      ["/nothing/here", 404],
    ];
    for (const [p, status] of cases) {
      const res = await get<{ message?: string }>(alice, p);
      expect([p, res.status]).toEqual([p, status]);
      if (status >= 400) expect(typeof res.body.message).toBe("string");
    }
  });

  it("unicode and RTL names are refused with a validation, and the server keeps serving", async () => {
    const ws = (await get<Workspace>(alice, "/users/alice/workspace/dev")).body;
    const res = await send<{ validations: unknown[] }>(
      alice,
      "PATCH",
      `/workspaces/${ws.id}`,
      JSON.stringify({ name: "דב\u202ex" }),
    );
    expect(res.status).toBe(400);
    expect(res.body.validations).toHaveLength(1);
    expect((await get(alice, "/users/me")).status).toBe(200);
  });
});

describe("roles", () => {
  it("members see only their own workspaces; others' are 404; admins see all", async () => {
    const bobs = (await get<Workspace>(bob, "/users/bob/workspace/sandbox")).body;
    expect((await get<{ count: number }>(alice, "/workspaces?q=owner:bob")).body.count).toBe(0);
    expect((await get(alice, `/workspaces/${bobs.id}`)).status).toBe(404);
    expect((await get(alice, "/users/bob/workspace/sandbox")).status).toBe(404);
    expect((await get(alice, `/workspacebuilds/${bobs.latest_build.id}`)).status).toBe(404);
    expect((await get(alice, `/workspacebuilds/${bobs.latest_build.id}/logs`)).status).toBe(404);
    expect(
      (await send(alice, "POST", `/workspaces/${bobs.id}/builds`, JSON.stringify({ transition: "stop" }))).status,
    ).toBe(404);
    expect((await get(admin, `/workspaces/${bobs.id}`)).status).toBe(200);
    expect((await get<{ count: number }>(admin, "/workspaces")).body.count).toBeGreaterThanOrEqual(25);
    expect((await api(server.url, "", "/workspaces")).status).toBe(401);
  });

  it("state is raw Terraform state for admins and 404 to members; provisionerjobs likewise", async () => {
    const ws = (await get<Workspace>(alice, "/users/alice/workspace/dev")).body;
    expect((await get(alice, `/workspacebuilds/${ws.latest_build.id}/state`)).status).toBe(404);
    const state = await get<{ version: number }>(admin, `/workspacebuilds/${ws.latest_build.id}/state`);
    expect(state.status).toBe(200);
    expect(state.body.version).toBe(4);
    expect((await get(alice, "/organizations/coder/provisionerjobs")).status).toBe(404);
    const jobs = await get<Array<{ status: string }>>(
      admin,
      "/organizations/coder/provisionerjobs?status=pending,running",
    );
    expect(jobs.status).toBe(200);
    expect(jobs.body.every((j) => j.status === "pending" || j.status === "running")).toBe(true);
    expect((await get(admin, "/organizations/coder/provisionerjobs?colour=red")).status).toBe(400);
  });

  it("deleted workspaces: 410 by id, 404 by name unless include_deleted", async () => {
    expect((await get(alice, "/users/alice/workspace/deleted-ws")).status).toBe(404);
    const del = await get<Workspace>(alice, "/users/alice/workspace/deleted-ws?include_deleted=true");
    expect(del.status).toBe(200);
    expect(del.body.latest_build.status).toBe("deleted");
    expect((await get(alice, `/workspaces/${del.body.id}`)).status).toBe(410);
  });
});

describe("shapes", () => {
  it("omits empty optional fields and sends only the documented nulls", async () => {
    const ws = (await get<Workspace & Record<string, unknown>>(alice, "/users/alice/workspace/pending-ws")).body;
    const job = ws.latest_build.job as unknown as Record<string, unknown>;
    expect("started_at" in job).toBe(false);
    expect("completed_at" in job).toBe(false);
    expect("error" in job).toBe(false);
    expect(ws.latest_build.deadline).toBeNull();
    expect(ws.latest_app_status).toBeNull();
    expect(ws.next_start_at).toBeNull();
    const nulls: string[] = [];
    const walk = (v: unknown, p: string) => {
      if (v === null) nulls.push(p);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
      else if (typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
    };
    walk((await get(alice, "/users/alice/workspace/dev")).body, "");
    expect(nulls.length).toBeGreaterThan(0);
    expect(
      nulls.every((n) =>
        /^\.(deleting_at|dormant_at|next_start_at|latest_app_status|task_id|latest_build\.(deadline|max_deadline|template_version_preset_id|resources\[\d+\]\.agents\[\d+\]\.parent_id))$/.test(
          n,
        ),
      ),
    ).toBe(true);
  });

  it("build creation answers 201 and a second one 409 with Coder's message", async () => {
    const ws = (await get<Workspace>(bob, "/users/bob/workspace/ml-box")).body;
    const first = await send<WorkspaceBuild>(
      bob,
      "POST",
      `/workspaces/${ws.id}/builds`,
      JSON.stringify({ transition: "start" }),
    );
    expect(first.status).toBe(201);
    expect(first.body.job.status).toBe("pending");
    const second = await send<{ message: string }>(
      bob,
      "POST",
      `/workspaces/${ws.id}/builds`,
      JSON.stringify({ transition: "start" }),
    );
    expect(second).toEqual({ status: 409, body: { message: "A workspace build is already active." } });
  });

  it("builds list pages with limit/offset and after_id, newest first", async () => {
    const ws = (await get<Workspace>(alice, "/users/alice/workspace/long-history")).body;
    const all = (await get<WorkspaceBuild[]>(alice, `/workspaces/${ws.id}/builds`)).body;
    expect(all.map((b) => b.build_number)).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    const page = (await get<WorkspaceBuild[]>(alice, `/workspaces/${ws.id}/builds?limit=10&offset=10`)).body;
    expect(page.map((b) => b.build_number)).toEqual([40, 39, 38, 37, 36, 35, 34, 33, 32, 31]);
    const newer = (await get<WorkspaceBuild[]>(alice, `/workspaces/${ws.id}/builds?after_id=${all[5].id}`)).body;
    expect(newer.map((b) => b.build_number)).toEqual([50, 49, 48, 47, 46]);
    const byNumber = (await get<WorkspaceBuild>(alice, "/users/alice/workspace/long-history/builds/7")).body;
    expect(byNumber.id).toBe(all[43].id);
  });
});

describe("faults and persistence", () => {
  it("--error-rate answers 500 after the write happened", async () => {
    const faulty = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, errorRate: 1 });
    try {
      const t = await login(faulty.url, "bob");
      expect((await api(faulty.url, t, "/users/me")).status).toBe(500);
      const ws = faulty.store.workspaceByName(faulty.store.userByName("bob")!.id, "ml-box", false)!;
      const before = faulty.store.buildsOf(ws.id).length;
      const res = await api(faulty.url, t, `/workspaces/${ws.id}/builds`, {
        method: "POST",
        body: JSON.stringify({ transition: "start" }),
      });
      expect(res.status).toBe(500);
      expect(faulty.store.buildsOf(ws.id).length).toBe(before + 1);
    } finally {
      await faulty.close();
    }
  });

  it("--state-file keeps the world and sessions across a restart", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sim-state-")), "state.json");
    const first = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, stateFile: file });
    const t = await login(first.url, "bob");
    const ws = (await api<Workspace>(first.url, t, "/users/bob/workspace/ml-box")).body;
    const build = (
      await api<WorkspaceBuild>(first.url, t, `/workspaces/${ws.id}/builds`, {
        method: "POST",
        body: JSON.stringify({ transition: "start" }),
      })
    ).body;
    await api(first.url, t, `/workspaces/${ws.id}/favorite`, { method: "PUT" });
    await first.close();
    const second = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, stateFile: file });
    try {
      const again = await api<Workspace>(second.url, t, "/users/bob/workspace/ml-box");
      expect(again.status).toBe(200);
      expect(again.body.favorite).toBe(true);
      expect(again.body.latest_build.id).toBe(build.id);
      const end = Date.now() + 10_000;
      while ((await api<Workspace>(second.url, t, `/workspaces/${ws.id}`)).body.latest_build.status !== "running") {
        if (Date.now() > end) throw new Error("build did not resume");
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await second.close();
    }
  });
});
