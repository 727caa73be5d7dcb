// Contract test: every endpoint of SPEC §3 (plus the codersdk-only ones the dashboard uses) answers
// with Coder's status codes and JSON shapes. Every JSON answer also passes the no-null rule and
// Go's HTML escaping check (see expectJson).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type z } from "zod";
import {
  agentsOf,
  Caller,
  expectJson,
  expectShape,
  getBuild,
  listWorkspaces,
  login,
  openWs,
  pickRunning,
  readSse,
  request,
  startTestServer,
  summarizeNullViolations,
  waitForJob,
  waitIdle,
  withTimeout,
  type BuildT,
  type TestServer,
  type WorkspaceT,
} from "./harness";
import * as S from "./schemas";

let server: TestServer;
let anon: Caller;
let admin: Caller;
let alice: Caller;
let bob: Caller;
let all: WorkspaceT[];
let aliceRunning: WorkspaceT;
let bobRunning: WorkspaceT;
let templates: z.infer<typeof S.TemplateList>;

const api = (path: string) => `/api/v2${path}`;

beforeAll(async () => {
  server = await startTestServer();
  anon = new Caller(server.url);
  admin = new Caller(server.url, await login(server.url, "admin"));
  alice = new Caller(server.url, await login(server.url, "alice"));
  bob = new Caller(server.url, await login(server.url, "bob"));
  all = await listWorkspaces(admin);
  aliceRunning = pickRunning(all, "alice");
  bobRunning = pickRunning(all, "bob");
  templates = expectJson(await alice.get(api("/templates")), 200, S.TemplateList, "GET /templates");
});

afterAll(async () => {
  await server?.close();
});

/** Template parameters a create request must carry: required ones get their default or first option. */
async function requiredParameters(versionId: string): Promise<Array<{ name: string; value: string }>> {
  const reply = await alice.get(api(`/templateversions/${versionId}/rich-parameters`));
  const params = expectJson(reply, 200, S.TemplateVersionParameterList, "GET rich-parameters");
  return params
    .filter((p) => p.required)
    .map((p) => ({ name: p.name, value: p.default_value || p.options[0]?.value || (p.type === "number" ? "1" : "x") }));
}

function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 32);
}

/** A value Go's encoder must escape: it proves `<`, `>`, `&` leave the server as \u003c, \u003e, \u0026. */
const HTML_VALUE = 'a<b>&c "q"';

/** The first template with a free-text string parameter, and that parameter's name. */
async function freeTextTemplate(): Promise<{ template: (typeof templates)[number]; param: string }> {
  for (const template of templates) {
    const reply = await alice.get(api(`/templateversions/${template.active_version_id}/rich-parameters`));
    const params = expectJson(reply, 200, S.TemplateVersionParameterList, "GET rich-parameters");
    const free = params.find((p) => p.type === "string" && p.options.length === 0 && !p.validation_regex);
    if (free) return { template, param: free.name };
  }
  throw new Error("no seeded template has a free-text string parameter");
}

async function createWorkspace(caller: Caller, path: string, name: string): Promise<WorkspaceT> {
  const { template, param } = await freeTextTemplate();
  const required = (await requiredParameters(template.active_version_id)).filter((p) => p.name !== param);
  const reply = await caller.send("POST", api(path), {
    body: {
      template_id: template.id,
      name,
      rich_parameter_values: [...required, { name: param, value: HTML_VALUE }],
    },
  });
  return expectJson(reply, 201, S.Workspace, `POST ${path}`);
}

describe("sessions, users, build info", () => {
  it("POST /users/login → 201 with (at most) session_token", async () => {
    const reply = await request(server.url, "POST", api("/users/login"), {
      body: { email: "alice@example.com", password: "coder-demo-1" },
    });
    expectJson(reply, 201, S.LoginResponse.partial(), "POST /users/login");
  });

  it("POST /users/login with a wrong password → 401 error body", async () => {
    const reply = await request(server.url, "POST", api("/users/login"), {
      body: { email: "alice@example.com", password: "wrong-password" },
    });
    expectJson(reply, 401, S.ErrorResponse, "POST /users/login (wrong password)");
  });

  it("GET /users/me → User; only admin holds the owner role", async () => {
    for (const [caller, name] of [
      [admin, "admin"],
      [alice, "alice"],
      [bob, "bob"],
    ] as const) {
      const me = expectJson(await caller.get(api("/users/me")), 200, S.User, `GET /users/me (${name})`);
      expect(me.username).toBe(name);
      expect(me.email).toBe(`${name}@example.com`);
      expect(me.roles.some((r) => r.name === "owner")).toBe(name === "admin");
    }
  });

  it("401 without a token → error body", async () => {
    for (const path of ["/users/me", "/workspaces", `/workspaces/${aliceRunning.id}`]) {
      expectJson(await anon.get(api(path)), 401, S.ErrorResponse, `GET ${path} (anonymous)`);
    }
  });

  it("POST /users/logout → 200 Response, and the token stops working", async () => {
    const token = await login(server.url, "bob");
    const reply = await request(server.url, "POST", api("/users/logout"), { token });
    expectJson(reply, 200, S.Response, "POST /users/logout");
    const after = await request(server.url, "GET", api("/users/me"), { token });
    expectJson(after, 401, S.ErrorResponse, "GET /users/me after logout");
  });

  it("GET /buildinfo → BuildInfo (no session needed)", async () => {
    expectJson(await anon.get(api("/buildinfo")), 200, S.BuildInfo, "GET /buildinfo");
  });

  it("unknown route under /api/v2 → 404 JSON, not the SPA", async () => {
    for (const caller of [anon, alice]) {
      const reply = await caller.get(api("/no-such-route/at-all"));
      expectJson(reply, 404, S.ErrorResponse, "GET /api/v2/no-such-route");
    }
  });
});

describe("templates and provisioner jobs", () => {
  it("GET /templates lists the seeded templates", () => {
    expect(templates.map((t) => t.name)).toEqual(expect.arrayContaining(["docker", "kubernetes", "aws-linux"]));
  });

  it("GET /templates/{id}, /templateversions/{id}, /templateversions/{id}/rich-parameters", async () => {
    for (const t of templates) {
      const one = expectJson(await alice.get(api(`/templates/${t.id}`)), 200, S.Template, `GET /templates/${t.name}`);
      expect(one.id).toBe(t.id);
      const version = expectJson(
        await alice.get(api(`/templateversions/${t.active_version_id}`)),
        200,
        S.TemplateVersion,
        `GET /templateversions (${t.name})`,
      );
      expect(version.id).toBe(t.active_version_id);
      expect(version.template_id).toBe(t.id);
      expectJson(
        await alice.get(api(`/templateversions/${t.active_version_id}/rich-parameters`)),
        200,
        S.TemplateVersionParameterList,
        `GET rich-parameters (${t.name})`,
      );
    }
  });

  it("GET /organizations, /organizations/{id|name}, /users/me/organizations → Organization(s)", async () => {
    const orgs = expectJson(await alice.get(api("/organizations")), 200, S.OrganizationList, "GET /organizations");
    const coder = orgs.find((o) => o.name === "coder");
    expect(coder, "seeded organization coder").toBeDefined();
    const byId = expectJson(await alice.get(api(`/organizations/${coder?.id}`)), 200, S.Organization, "org by id");
    const byName = expectJson(await alice.get(api("/organizations/coder")), 200, S.Organization, "org by name");
    expect(byName.id).toBe(byId.id);
    const mine = expectJson(await alice.get(api("/users/me/organizations")), 200, S.OrganizationList, "my orgs");
    expect(mine.map((o) => o.id)).toContain(byId.id);
  });

  it("GET /organizations/{org}/templates[/{name}] and /templates/{id}/versions", async () => {
    const org = templates[0].organization_id;
    const listed = expectJson(
      await alice.get(api(`/organizations/${org}/templates`)),
      200,
      S.TemplateList,
      "org templates",
    );
    expect(listed.map((t) => t.id).sort()).toEqual(templates.map((t) => t.id).sort());
    for (const t of templates) {
      const byName = expectJson(
        await alice.get(api(`/organizations/${org}/templates/${t.name}`)),
        200,
        S.Template,
        "by name",
      );
      expect(byName.id).toBe(t.id);
      const versions = expectJson(
        await alice.get(api(`/templates/${t.id}/versions`)),
        200,
        S.TemplateVersionList,
        `GET /templates/${t.name}/versions`,
      );
      expect(versions.map((v) => v.id)).toContain(t.active_version_id);
      expect(versions.every((v) => v.template_id === t.id)).toBe(true);
    }
  });

  it("GET /users/{user} → User", async () => {
    expect(expectJson(await alice.get(api("/users/alice")), 200, S.User, "alice reads herself").username).toBe("alice");
    expect(expectJson(await admin.get(api("/users/bob")), 200, S.User, "admin reads bob").username).toBe("bob");
  });

  it("GET /organizations/{org}/provisionerjobs → ProvisionerJob[] (admin)", async () => {
    const org = aliceRunning.organization_id ?? templates[0].organization_id;
    const jobs = expectJson(
      await admin.get(api(`/organizations/${org}/provisionerjobs`)),
      200,
      S.ProvisionerJobList,
      "GET provisionerjobs",
    );
    expect(jobs.length).toBeGreaterThan(0);
  });
});

describe("workspaces: list and read", () => {
  const queries = [
    "",
    "owner:me",
    "owner:alice",
    "template:docker",
    "name:a",
    "status:running",
    "has-agent:connected",
    "dormant:true",
    "last_used_before:2100-01-01T00:00:00Z",
    "last_used_after:2000-01-01T00:00:00Z",
    "outdated:true",
    "dev",
  ];
  it.each(queries)("GET /workspaces?q=%s → {workspaces, count}", async (q) => {
    const reply = await admin.get(api(`/workspaces?q=${encodeURIComponent(q)}`));
    const body = expectJson(reply, 200, S.WorkspacesResponse, `GET /workspaces?q=${q}`);
    expect(body.count).toBeGreaterThanOrEqual(body.workspaces.length);
    if (q === "status:running") expect(body.workspaces.every((w) => w.latest_build.status === "running")).toBe(true);
    if (q === "owner:alice") expect(body.workspaces.every((w) => w.owner_name === "alice")).toBe(true);
    if (q === "template:docker") expect(body.workspaces.every((w) => w.template_name === "docker")).toBe(true);
    if (q === "outdated:true") expect(body.workspaces.every((w) => w.outdated)).toBe(true);
  });

  it("limit/offset page the list while count stays the total", async () => {
    const full = expectJson(await admin.get(api("/workspaces")), 200, S.WorkspacesResponse, "GET /workspaces");
    const page = expectJson(await admin.get(api("/workspaces?limit=2&offset=1")), 200, S.WorkspacesResponse, "page");
    expect(page.workspaces.length).toBe(Math.min(2, Math.max(0, full.count - 1)));
    expect(page.count).toBe(full.count);
    expect(page.workspaces.map((w) => w.id)).toEqual(full.workspaces.slice(1, 3).map((w) => w.id));
  });

  it("a member's list holds only their own workspaces", async () => {
    const mine = await listWorkspaces(alice);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((w) => w.owner_name === "alice")).toBe(true);
  });

  it("bad search query → 400 with validations", async () => {
    for (const q of ["foo:bar", "status:flying", "has-agent:maybe"]) {
      const reply = await alice.get(api(`/workspaces?q=${encodeURIComponent(q)}`));
      const err = expectJson(reply, 400, S.ErrorResponse, `GET /workspaces?q=${q}`);
      expect(err.validations?.length ?? 0, `validations for ${q}`).toBeGreaterThan(0);
    }
  });

  it("GET /workspaces/{id} and /users/{user}/workspace/{name} → the same Workspace", async () => {
    const byId = expectJson(await alice.get(api(`/workspaces/${aliceRunning.id}`)), 200, S.Workspace, "by id");
    const byName = expectJson(
      await alice.get(api(`/users/alice/workspace/${aliceRunning.name}`)),
      200,
      S.Workspace,
      "by owner/name",
    );
    const byMe = expectJson(
      await alice.get(api(`/users/me/workspace/${aliceRunning.name}`)),
      200,
      S.Workspace,
      "by me/name",
    );
    expect(byName.id).toBe(byId.id);
    expect(byMe.id).toBe(byId.id);
  });

  it("another member's workspace → 404 by id and by name", async () => {
    expectJson(await alice.get(api(`/workspaces/${bobRunning.id}`)), 404, S.ErrorResponse, "alice → bob's ws by id");
    expectJson(
      await alice.get(api(`/users/bob/workspace/${bobRunning.name}`)),
      404,
      S.ErrorResponse,
      "alice → bob's ws by name",
    );
  });

  it("an unknown workspace id → 404", async () => {
    const reply = await admin.get(api("/workspaces/00000000-0000-4000-8000-000000000000"));
    expectJson(reply, 404, S.ErrorResponse, "GET /workspaces/{unknown}");
  });

  it("GET /workspaces/{id}/timings → WorkspaceTimings", async () => {
    const reply = await alice.get(api(`/workspaces/${aliceRunning.id}/timings`));
    expectJson(reply, 200, S.WorkspaceTimings, "GET /workspaces/{id}/timings");
  });

  it("GET /workspaces/{id}/builds with after_id/limit/offset/since", async () => {
    const path = `/workspaces/${aliceRunning.id}/builds`;
    const builds = expectJson(await alice.get(api(path)), 200, S.WorkspaceBuildList, "GET builds");
    expect(builds.length).toBeGreaterThan(0);
    const numbers = builds.map((b) => b.build_number);
    expect(numbers, "newest first").toEqual([...numbers].sort((a, b) => b - a));
    expect(builds.every((b) => b.workspace_id === aliceRunning.id)).toBe(true);

    const page = expectJson(
      await alice.get(api(`${path}?limit=2&offset=1`)),
      200,
      S.WorkspaceBuildList,
      "limit/offset",
    );
    expect(page.map((b) => b.id)).toEqual(builds.slice(1, 3).map((b) => b.id));

    // Coder's cursor keeps rows with a higher build_number than the after_id build (still newest first).
    const at = Math.min(2, builds.length - 1);
    const after = expectJson(
      await alice.get(api(`${path}?after_id=${builds[at].id}`)),
      200,
      S.WorkspaceBuildList,
      "after_id",
    );
    expect(after.map((b) => b.id)).toEqual(builds.slice(0, at).map((b) => b.id));

    const future = encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString());
    const since = expectJson(await alice.get(api(`${path}?since=${future}`)), 200, S.WorkspaceBuildList, "since");
    expect(since).toEqual([]);
  });

  it("GET /users/{user}/workspace/{name}/builds/{number} → that build", async () => {
    const n = aliceRunning.latest_build.build_number;
    const reply = await alice.get(api(`/users/alice/workspace/${aliceRunning.name}/builds/${n}`));
    const build = expectJson(reply, 200, S.WorkspaceBuild, "GET build by number");
    expect(build.id).toBe(aliceRunning.latest_build.id);
  });
});

describe("seeded history: every shape the world holds", () => {
  it("every workspace's builds, and each latest build's resources, parameters and timings validate", async () => {
    const builds: BuildT[] = [];
    for (const ws of all) {
      const path = `/workspaces/${ws.id}/builds`;
      builds.push(...expectJson(await admin.get(api(path)), 200, S.WorkspaceBuildList, `GET ${path}`));
      const latest = ws.latest_build.id;
      for (const [suffix, schema] of [
        ["resources", S.WorkspaceResourceList],
        ["parameters", S.WorkspaceBuildParameterList],
        ["timings", S.WorkspaceBuildTimings],
      ] as const) {
        expectJson(await admin.get(api(`/workspacebuilds/${latest}/${suffix}`)), 200, schema, `${ws.name} ${suffix}`);
      }
    }
    // The checks above only mean something if the seed exercises the rarer shapes.
    const jobs = builds.map((b) => b.job);
    expect(
      jobs.some((j) => j.status === "failed" && j.error_code === "INSUFFICIENT_QUOTA"),
      "failed with error_code",
    ).toBe(true);
    expect(
      jobs.some((j) => j.status === "failed" && !j.error_code && j.error),
      "failed without error_code",
    ).toBe(true);
    expect(
      jobs.some((j) => j.status === "canceled" && j.canceled_at),
      "canceled",
    ).toBe(true);
  });
});

describe("builds: read endpoints", () => {
  let build: BuildT;
  beforeAll(() => {
    build = aliceRunning.latest_build;
  });

  it("GET /workspacebuilds/{id} → WorkspaceBuild", async () => {
    const got = await getBuild(alice, build.id);
    expect(got.build_number).toBe(build.build_number);
  });

  it("GET /workspacebuilds/{id}/resources and /parameters", async () => {
    expectJson(
      await alice.get(api(`/workspacebuilds/${build.id}/resources`)),
      200,
      S.WorkspaceResourceList,
      "resources",
    );
    expectJson(
      await alice.get(api(`/workspacebuilds/${build.id}/parameters`)),
      200,
      S.WorkspaceBuildParameterList,
      "parameters",
    );
  });

  it("GET /workspacebuilds/{id}/state → raw Terraform state JSON for a template admin", async () => {
    const reply = await admin.get(api(`/workspacebuilds/${build.id}/state`));
    expect(reply.status).toBe(200);
    expect(() => JSON.parse(reply.text)).not.toThrow();
  });

  it("GET /workspacebuilds/{id}/timings → all three timing arrays", async () => {
    const timings = expectJson(
      await alice.get(api(`/workspacebuilds/${build.id}/timings`)),
      200,
      S.WorkspaceBuildTimings,
      "build timings",
    );
    expect(timings.provisioner_timings.length, "a succeeded build has provisioner timings").toBeGreaterThan(0);
  });

  it("GET /workspacebuilds/{id}/logs, ?after=N and ?format=text", async () => {
    const logs = expectJson(
      await alice.get(api(`/workspacebuilds/${build.id}/logs`)),
      200,
      S.ProvisionerJobLogList,
      "logs",
    );
    expect(logs.length).toBeGreaterThan(2);
    const ids = logs.map((l) => l.id);
    expect(ids, "ascending ids").toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);

    const pivot = ids[Math.floor(ids.length / 2)];
    const rest = expectJson(
      await alice.get(api(`/workspacebuilds/${build.id}/logs?after=${pivot}`)),
      200,
      S.ProvisionerJobLogList,
      "logs?after",
    );
    expect(rest.map((l) => l.id)).toEqual(ids.filter((id) => id > pivot));

    const text = await alice.get(api(`/workspacebuilds/${build.id}/logs?format=text`));
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type") ?? "").toMatch(/^text\/plain/);
    expect(text.text.trimEnd().split("\n").length).toBe(logs.length);
  });

  it("GET /workspaceagents/{id} → WorkspaceAgent", async () => {
    const agent = agentsOf(build)[0];
    const got = expectJson(await alice.get(api(`/workspaceagents/${agent.id}`)), 200, S.WorkspaceAgent, "GET agent");
    expect(got.id).toBe(agent.id);
  });

  it("GET /workspaceagents/{id}/logs → WorkspaceAgentLog[] whose sources the agent names", async () => {
    const agent = agentsOf(build)[0];
    const logs = expectJson(
      await alice.get(api(`/workspaceagents/${agent.id}/logs`)),
      200,
      S.WorkspaceAgentLogList,
      "agent logs",
    );
    const sources = new Set((agent.log_sources ?? []).map((s) => s.id));
    expect(logs.every((l) => sources.has(l.source_id))).toBe(true);
  });
});

describe("workspace lifecycle: create, settings, delete", () => {
  let created: WorkspaceT;

  it("POST /users/me/workspaces → 201 Workspace with a start build", async () => {
    created = await createWorkspace(alice, "/users/me/workspaces", uniqueName("ct"));
    expect(created.owner_name).toBe("alice");
    expect(created.latest_build.transition).toBe("start");
    expect(created.latest_build.build_number).toBe(1);
  });

  it("JSON strings escape <, >, & the way Go does (build parameter round trip)", async () => {
    const reply = await alice.get(api(`/workspacebuilds/${created.latest_build.id}/parameters`));
    const params = expectJson(reply, 200, S.WorkspaceBuildParameterList, "GET parameters");
    expect(params.map((p) => p.value)).toContain(HTML_VALUE);
    expect(reply.text).toContain("a\\u003cb\\u003e\\u0026c");
  });

  it("POST /organizations/{org}/members/{user}/workspaces → 201 Workspace", async () => {
    const org = templates[0].organization_id;
    const ws = await createWorkspace(alice, `/organizations/${org}/members/me/workspaces`, uniqueName("co"));
    expect(ws.organization_id ?? org).toBe(org);
  });

  it("a taken name → 409 with a validation on name", async () => {
    const { template } = await freeTextTemplate();
    const reply = await alice.send("POST", api("/users/me/workspaces"), {
      body: {
        template_id: template.id,
        name: created.name,
        rich_parameter_values: await requiredParameters(template.active_version_id),
      },
    });
    const err = expectJson(reply, 409, S.ErrorResponse, "create duplicate name");
    expect(err.validations?.map((v) => v.field)).toContain("name");
  });

  it("PATCH /workspaces/{id} renames → 204", async () => {
    const ws = await waitIdle(alice, created.id);
    const renamed = uniqueName("rn");
    const reply = await alice.send("PATCH", api(`/workspaces/${ws.id}`), { body: { name: renamed } });
    expect(reply.status, reply.text).toBe(204);
    const after = expectJson(await alice.get(api(`/workspaces/${ws.id}`)), 200, S.Workspace, "after rename");
    expect(after.name).toBe(renamed);
    created = after;
  });

  it("PUT autostart / ttl / autoupdates → 204 and the workspace reflects them", async () => {
    const id = created.id;
    const schedule = "CRON_TZ=UTC 30 9 * * 1-5";
    const put = (suffix: string, body: unknown) => alice.send("PUT", api(`/workspaces/${id}/${suffix}`), { body });
    for (const [suffix, body] of [
      ["autostart", { schedule }],
      ["ttl", { ttl_ms: 3_600_000 }],
      ["autoupdates", { automatic_updates: "always" }],
    ] as const) {
      const reply = await put(suffix, body);
      expect(reply.status, `${suffix}: ${reply.text}`).toBe(204);
    }
    const ws = expectJson(await alice.get(api(`/workspaces/${id}`)), 200, S.Workspace, "after settings");
    expect(ws.autostart_schedule).toBe(schedule);
    expect(ws.ttl_ms).toBe(3_600_000);
    expect(ws.automatic_updates).toBe("always");

    for (const [suffix, body] of [
      ["autostart", {}],
      ["ttl", { ttl_ms: null }],
      ["autoupdates", { automatic_updates: "never" }],
    ] as const) {
      const reply = await put(suffix, body);
      expect(reply.status, `${suffix} reset: ${reply.text}`).toBe(204);
    }
    const reset = expectJson(await alice.get(api(`/workspaces/${id}`)), 200, S.Workspace, "after reset");
    expect(reset).not.toHaveProperty("autostart_schedule");
    expect(reset).not.toHaveProperty("ttl_ms");
  });

  it("PUT/DELETE /workspaces/{id}/favorite → 204", async () => {
    const id = created.id;
    expect((await alice.send("PUT", api(`/workspaces/${id}/favorite`))).status).toBe(204);
    expect(expectJson(await alice.get(api(`/workspaces/${id}`)), 200, S.Workspace, "favorited").favorite).toBe(true);
    expect((await alice.send("DELETE", api(`/workspaces/${id}/favorite`))).status).toBe(204);
    expect(expectJson(await alice.get(api(`/workspaces/${id}`)), 200, S.Workspace, "unfavorited").favorite).toBe(false);
  });

  it("PUT /workspaces/{id}/dormant → 200 Workspace; same state again → 304", async () => {
    const id = created.id;
    const setDormant = (dormant: boolean) => alice.send("PUT", api(`/workspaces/${id}/dormant`), { body: { dormant } });
    try {
      const dormant = expectJson(await setDormant(true), 200, S.Workspace, "dormant on");
      expect(dormant.dormant_at).toEqual(expect.any(String));
      const repeat = await setDormant(true);
      expect(repeat.status, "Coder answers an unchanged dormancy with 304 Not Modified").toBe(304);
    } finally {
      // Later tests build on this workspace; a dormant one refuses builds.
      const off = await setDormant(false);
      expect(expectJson(off, 200, S.Workspace, "dormant off").dormant_at ?? null).toBeNull();
    }
  });

  it("POST /workspaces/{id}/builds → 201, a second one → 409, cancel → 412/200/400", async () => {
    const ws = await waitIdle(alice, created.id);
    const first = await alice.send("POST", api(`/workspaces/${ws.id}/builds`), { body: { transition: "start" } });
    const build = expectJson(first, 201, S.WorkspaceBuild, "POST builds");
    expect(build.build_number).toBe(ws.latest_build.build_number + 1);
    expect(build.transition).toBe("start");
    expect(["pending", "running"]).toContain(build.job.status);

    const second = await alice.send("POST", api(`/workspaces/${ws.id}/builds`), { body: { transition: "stop" } });
    const conflict = expectJson(second, 409, S.ErrorResponse, "POST builds while active");
    expect(conflict.message).toBe("A workspace build is already active.");

    const running = await waitForJob(admin, build.id, ["running"]);
    expect(running.job.status).toBe("running");
    const pre = await admin.send("PATCH", api(`/workspacebuilds/${build.id}/cancel?expect_status=pending`));
    expectJson(pre, 412, S.ErrorResponse, "cancel expecting pending while running");

    const cancel = await admin.send("PATCH", api(`/workspacebuilds/${build.id}/cancel?expect_status=running`));
    expectJson(cancel, 200, S.Response, "cancel expecting running");
    const done = await waitForJob(admin, build.id);
    expect(done.job.status).toBe("canceled");
    expect(done.status).toBe("canceled");

    const again = await admin.send("PATCH", api(`/workspacebuilds/${build.id}/cancel`));
    expectJson(again, 400, S.ErrorResponse, "cancel a finished build");
  });

  it("PUT /workspaces/{id}/extend → 200 Response, or 409 when shutdown is manual", async () => {
    const ws = await waitIdle(alice, aliceRunning.id);
    const target = new Date(Date.now() + 2 * 3_600_000);
    const max = ws.latest_build.max_deadline ? new Date(ws.latest_build.max_deadline) : undefined;
    const deadline = max && max < target ? max : target;
    const reply = await alice.send("PUT", api(`/workspaces/${ws.id}/extend`), {
      body: { deadline: deadline.toISOString() },
    });
    if (ws.latest_build.deadline) expectJson(reply, 200, S.Response, "extend");
    else expectJson(reply, 409, S.ErrorResponse, "extend (manual shutdown)");
  });

  it("delete build → 201; then by id 410, by name 404, by name with include_deleted 200", async () => {
    const ws = await waitIdle(alice, created.id);
    const reply = await alice.send("POST", api(`/workspaces/${ws.id}/builds`), { body: { transition: "delete" } });
    const build = expectJson(reply, 201, S.WorkspaceBuild, "POST delete build");
    const done = await waitForJob(alice, build.id);
    expect(done.job.status).toBe("succeeded");
    expect(done.status).toBe("deleted");

    expectJson(await alice.get(api(`/workspaces/${ws.id}`)), 410, S.ErrorResponse, "deleted by id");
    expectJson(await alice.get(api(`/users/alice/workspace/${ws.name}`)), 404, S.ErrorResponse, "deleted by name");
    const kept = expectJson(
      await alice.get(api(`/users/alice/workspace/${ws.name}?include_deleted=true`)),
      200,
      S.Workspace,
      "deleted by name, include_deleted",
    );
    expect(kept.latest_build.status).toBe("deleted");
  });
});

describe("streams", () => {
  it("GET /workspaces/{id}/watch: SSE ping, then data with the Workspace; no id:/retry:", async () => {
    const sse = await readSse(server.url, api(`/workspaces/${aliceRunning.id}/watch`), alice.token ?? "", 2);
    expect(sse.status).toBe(200);
    expect(sse.contentType).toMatch(/^text\/event-stream/);
    expect(sse.blocks).toHaveLength(2);
    expect(sse.blocks[0].split("\n")).toEqual(["event: ping"]);
    const [eventLine, dataLine, ...extra] = sse.blocks[1].split("\n");
    expect(eventLine).toBe("event: data");
    expect(extra, "one data line, nothing else").toEqual([]);
    expect(dataLine.startsWith("data: ")).toBe(true);
    for (const block of sse.blocks) expect(block).not.toMatch(/^(id|retry):/m);
    const json = dataLine.slice("data: ".length);
    expect(json.match(/[<>&]/g) ?? []).toEqual([]);
    const ws = expectShape(S.Workspace, JSON.parse(json), "SSE data");
    expect(ws.id).toBe(aliceRunning.id);
  });

  it("GET /workspaces/{id}/watch-ws: ping, then data; a client message is closed with 1002", async () => {
    const s = openWs(server.url, api(`/workspaces/${aliceRunning.id}/watch-ws`), {
      "Coder-Session-Token": alice.token ?? "",
    });
    expectShape(S.WatchPing, JSON.parse(await s.message(0)), "watch-ws first message");
    const data = expectShape(S.WatchData, JSON.parse(await s.message(1)), "watch-ws second message");
    expect(data.data.id).toBe(aliceRunning.id);
    for (const m of s.messages) expect(m.match(/[<>&]/g) ?? []).toEqual([]);
    s.ws.send("hello");
    const closed = await withTimeout(s.closed, 5_000, "watch-ws close after a client message");
    expect(closed.code).toBe(1002);
  });

  it("build-log follow: backlog + live ProvisionerJobLog messages, close 1000 once the job completes", async () => {
    const ws = await waitIdle(bob, bobRunning.id);
    const created = await bob.send("POST", api(`/workspaces/${ws.id}/builds`), { body: { transition: "start" } });
    const build = expectJson(created, 201, S.WorkspaceBuild, "POST builds (bob)");
    const s = openWs(server.url, api(`/workspacebuilds/${build.id}/logs?follow&after=0`), {
      "Coder-Session-Token": bob.token ?? "",
    });
    const closed = await withTimeout(s.closed, 20_000, "build-log follow close");
    expect(closed.code).toBe(1000);
    const final = await getBuild(bob, build.id);
    expect(final.job.status).toBe("succeeded");
    const streamed = s.messages.map((m, i) => expectShape(S.ProvisionerJobLog, JSON.parse(m), `log message #${i}`));
    const listed = expectJson(
      await bob.get(api(`/workspacebuilds/${build.id}/logs`)),
      200,
      S.ProvisionerJobLogList,
      "logs",
    );
    expect(streamed.map((l) => l.id)).toEqual(listed.map((l) => l.id));
  });

  it("build-log follow of a finished build: backlog after `after`, then close 1000", async () => {
    const build = aliceRunning.latest_build;
    const listed = expectJson(
      await alice.get(api(`/workspacebuilds/${build.id}/logs`)),
      200,
      S.ProvisionerJobLogList,
      "logs",
    );
    const after = listed[1].id;
    const s = openWs(server.url, api(`/workspacebuilds/${build.id}/logs?follow&after=${after}`), {
      "Coder-Session-Token": alice.token ?? "",
    });
    const closed = await withTimeout(s.closed, 5_000, "follow of finished build");
    expect(closed.code).toBe(1000);
    const ids = s.messages.map((m, i) => expectShape(S.ProvisionerJobLog, JSON.parse(m), `log #${i}`).id);
    expect(ids).toEqual(listed.filter((l) => l.id > after).map((l) => l.id));
  });

  it("agent-log follow: the first message is a JSON array of WorkspaceAgentLog", async () => {
    const agent = agentsOf(aliceRunning.latest_build)[0];
    const s = openWs(server.url, api(`/workspaceagents/${agent.id}/logs?follow=true&after=0`), {
      "Coder-Session-Token": alice.token ?? "",
    });
    const first = JSON.parse(await s.message(0));
    expect(Array.isArray(first)).toBe(true);
    expectShape(S.WorkspaceAgentLogList, first, "agent-log follow first message");
    s.ws.close();
    await withTimeout(s.closed, 5_000, "agent-log follow close");
  });
});

// Last on purpose: it judges every JSON value the tests above received.
describe("serialization", () => {
  it("no optional field is ever sent as null (only SPEC §3's few nullable keys)", () => {
    expect(summarizeNullViolations()).toEqual([]);
  });
});
