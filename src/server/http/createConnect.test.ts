import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ApiErrorResponse,
  Preset,
  SSHConfigResponse,
  Template,
  TemplateVersionParameter,
  Workspace,
  WorkspaceBuildParameter,
  WorkspaceQuota,
} from "../../api/types";
import { startServer, type RunningServer } from "../main";
import { api, login } from "../testing/clients";

let server: RunningServer;
let alice: string;
let bob: string;
let devbox: Template;

beforeAll(async () => {
  server = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0 });
  [alice, bob] = await Promise.all([login(server.url, "alice"), login(server.url, "bob")]);
  devbox = (await api<Template[]>(server.url, alice, "/templates")).body.find((t) => t.name === "devbox")!;
});
afterAll(() => server.close());

const send = <T = unknown>(token: string, method: string, p: string, body?: unknown) =>
  api<T>(server.url, token, p, { method, body: body === undefined ? undefined : JSON.stringify(body) });

describe("the parameter-rich template", () => {
  it("has required, regex, ranged, list and option parameters, and presets", async () => {
    const params = (
      await api<TemplateVersionParameter[]>(
        server.url,
        alice,
        `/templateversions/${devbox.active_version_id}/rich-parameters`,
      )
    ).body;
    expect(params.length).toBeGreaterThanOrEqual(5);
    expect(new Set(params.map((p) => p.type))).toEqual(new Set(["string", "number", "list(string)", "bool"]));
    expect(params.find((p) => p.validation_regex)?.validation_error).toBeTruthy();
    expect(params.some((p) => p.required)).toBe(true);
    const presets = (await api<Preset[]>(server.url, alice, `/templateversions/${devbox.active_version_id}/presets`))
      .body;
    expect(presets.map((p) => p.Name)).toContain("Small (Europe)");
    expect(presets[0].Parameters?.length).toBeGreaterThan(0);
  });

  it("refuses a create with missing and invalid values: 400 with one validation per parameter", async () => {
    const res = await send<ApiErrorResponse>(alice, "POST", "/users/me/workspaces", {
      template_id: devbox.id,
      name: "bad-params",
      rich_parameter_values: [
        { name: "repo_url", value: "git@github.com:coder/coder.git" },
        { name: "cpu_cores", value: "64" },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("Unable to validate parameters");
    const fields = Object.fromEntries(res.body.validations!.map((v) => [v.field, v.detail]));
    expect(fields.repo_url).toContain("https:// clone URL");
    expect(fields.cpu_cores).toContain("between 2 and 16");
    expect(fields.region).toMatch(/Required parameter/);
  });

  it("creates with only the required values and records defaults on the first build", async () => {
    const res = await send<Workspace>(alice, "POST", "/users/me/workspaces", {
      template_id: devbox.id,
      name: "params-ok",
      rich_parameter_values: [
        { name: "repo_url", value: "https://github.com/coder/coder.git" },
        { name: "region", value: "eu-west" },
      ],
    });
    expect(res.status).toBe(201);
    const values = (
      await api<WorkspaceBuildParameter[]>(server.url, alice, `/workspacebuilds/${res.body.latest_build.id}/parameters`)
    ).body;
    expect(values).toContainEqual({ name: "cpu_cores", value: "4" });
    expect(values).toContainEqual({ name: "region", value: "eu-west" });
  });
});

describe("connect and settings endpoints", () => {
  it("answers SSH config, app host, fresh keys and quota in Coder's shapes", async () => {
    const ssh = await api<SSHConfigResponse>(server.url, alice, "/deployment/ssh");
    expect(Object.keys(ssh.body).sort()).toEqual(["hostname_prefix", "hostname_suffix", "ssh_config_options"]);
    expect((await api<{ host: string }>(server.url, alice, "/applications/host")).body).toEqual({ host: "" });
    const key = await send<{ key: string }>(alice, "POST", "/users/me/keys");
    expect(key.status).toBe(201);
    expect((await api(server.url, key.body.key, "/users/me")).status).toBe(200);
    expect((await send(bob, "POST", "/users/alice/keys")).status).toBe(404);
    const quota = await api<WorkspaceQuota>(server.url, alice, "/organizations/coder/members/me/workspace-quota");
    expect(quota.status).toBe(200);
    expect(quota.body.budget).toBeGreaterThan(0);
    expect(quota.body.credits_consumed).toBeGreaterThanOrEqual(0);
    expect((await api(server.url, bob, "/organizations/coder/members/alice/workspace-quota")).status).toBe(404);
  });

  it("lets a member rename and schedule their own workspace, and hides others' (404)", async () => {
    const ws = (await api<Workspace>(server.url, alice, "/users/alice/workspace/stopped-ws")).body;
    expect((await send(bob, "PATCH", `/workspaces/${ws.id}`, { name: "stolen" })).status).toBe(404);
    expect((await send(bob, "PUT", `/workspaces/${ws.id}/autostart`, { schedule: "" })).status).toBe(404);
    expect(
      (await send(alice, "PUT", `/workspaces/${ws.id}/autostart`, { schedule: "CRON_TZ=UTC 30 9 * * 1-5" })).status,
    ).toBe(204);
    expect((await send(alice, "PUT", `/workspaces/${ws.id}/autoupdates`, { automatic_updates: "always" })).status).toBe(
      204,
    );
    const after = (await api<Workspace>(server.url, alice, `/workspaces/${ws.id}`)).body;
    expect(after.autostart_schedule).toBe("CRON_TZ=UTC 30 9 * * 1-5");
    expect(after.automatic_updates).toBe("always");
  });
});
