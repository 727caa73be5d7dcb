import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organization, ProvisionerDaemon, ProvisionerJob, Workspace } from "../../api/types";
import { startServer, type RunningServer } from "../main";
import { api, login } from "../testing/clients";

let server: RunningServer;
let alice: string;
let admin: string;
let org: string;

beforeAll(async () => {
  server = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0 });
  [alice, admin] = await Promise.all([login(server.url, "alice"), login(server.url, "admin")]);
  org = (await api<Organization[]>(server.url, admin, "/organizations")).body[0].id;
});
afterAll(() => server.close());

const get = <T>(token: string, p: string) => api<T>(server.url, token, p);
const patch = <T>(token: string, p: string) => api<T>(server.url, token, p, { method: "PATCH" });

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("provisioner daemons", () => {
  it("lists the online daemons with their tags; the offline one only when asked for", async () => {
    const online = await get<ProvisionerDaemon[]>(alice, `/organizations/${org}/provisionerdaemons`);
    expect(online.status).toBe(200);
    expect(online.body.map((d) => d.name).sort()).toEqual(["provisioner-1", "provisioner-2", "provisioner-eu"]);
    expect(online.body.find((d) => d.name === "provisioner-eu")!.tags).toEqual({
      scope: "organization",
      owner: "",
      region: "eu-west-1",
    });
    const all = (await get<ProvisionerDaemon[]>(admin, `/organizations/${org}/provisionerdaemons?offline=true`)).body;
    const gpu = all.find((d) => d.name === "provisioner-gpu")!;
    expect(gpu.status).toBe("offline");
    expect(Date.now() - Date.parse(gpu.last_seen_at!)).toBeGreaterThan(10 * 60_000);
    expect(all.every((d) => "current_job" in d && "previous_job" in d && "key_name" in d)).toBe(true);
    const tagged = await get<ProvisionerDaemon[]>(
      admin,
      `/organizations/${org}/provisionerdaemons?tags=${encodeURIComponent('{"region":"eu-west-1"}')}`,
    );
    expect(tagged.body.map((d) => d.name)).toEqual(["provisioner-eu"]);
    expect((await get(admin, `/organizations/${org}/provisionerdaemons?status=sleepy`)).status).toBe(400);
  });
});

describe("provisioner jobs", () => {
  it("keeps the region-tagged template import pending, with no daemon able to take it", async () => {
    const pending = (await get<ProvisionerJob[]>(admin, `/organizations/${org}/provisionerjobs?status=pending`)).body;
    const stuck = pending.find((j) => j.type === "template_version_import")!;
    expect(stuck.tags.region).toBe("ap-southeast-2");
    expect(stuck.metadata?.template_name).toBe("aws-linux");
    expect(stuck.available_workers ?? []).toEqual([]);
    const one = await get<ProvisionerJob>(admin, `/organizations/${org}/provisionerjobs/${stuck.id}`);
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(stuck.id);
    expect((await get(alice, `/organizations/${org}/provisionerjobs/${stuck.id}`)).status).toBe(404);
    expect((await get(admin, `/organizations/${org}/provisionerjobs/not-a-uuid`)).status).toBe(400);
  });

  it("honours limit (0 = all), newest first, and rejects a negative one", async () => {
    const two = (await get<ProvisionerJob[]>(admin, `/organizations/${org}/provisionerjobs?limit=2`)).body;
    expect(two).toHaveLength(2);
    expect(two[0].created_at >= two[1].created_at).toBe(true);
    const all = (await get<ProvisionerJob[]>(admin, `/organizations/${org}/provisionerjobs?limit=0`)).body;
    expect(all.length).toBeGreaterThan(50);
    expect((await get(admin, `/organizations/${org}/provisionerjobs?limit=-1`)).status).toBe(400);
  });
});

describe("cancelling a template version's import", () => {
  it("is for template admins; a pending job ends at once; a second cancel is refused", async () => {
    const pending = (await get<ProvisionerJob[]>(admin, `/organizations/${org}/provisionerjobs?status=pending`)).body;
    const version = pending.find((j) => j.type === "template_version_import")!.input!.template_version_id!;
    expect((await patch(alice, `/templateversions/${version}/cancel`)).status).toBe(404);
    expect((await patch(admin, `/templateversions/${version}/cancel`)).status).toBe(200);
    const again = await patch<{ message: string }>(admin, `/templateversions/${version}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already/);
  });

  it("a running build canceled by an admin goes canceling, then canceled; its daemon is idle again", async () => {
    const ws = (await get<Workspace>(alice, "/users/alice/workspace/stopped-ws")).body;
    const started = await api<{ id: string }>(server.url, alice, `/workspaces/${ws.id}/builds`, {
      method: "POST",
      body: JSON.stringify({ transition: "start" }),
    });
    const buildPath = `/workspacebuilds/${started.body.id}`;
    await until(async () => (await get<Workspace["latest_build"]>(alice, buildPath)).body.job.status === "running");
    const busy = (await get<ProvisionerDaemon[]>(admin, `/organizations/${org}/provisionerdaemons?status=busy`)).body;
    expect(busy.map((d) => d.current_job?.template_name)).toContain("docker");
    expect((await patch(admin, `${buildPath}/cancel`)).status).toBe(200);
    expect((await get<Workspace["latest_build"]>(alice, buildPath)).body.job.status).toBe("canceling");
    await until(async () => (await get<Workspace["latest_build"]>(alice, buildPath)).body.job.status === "canceled");
    await until(async () => {
      const daemons = (await get<ProvisionerDaemon[]>(admin, `/organizations/${org}/provisionerdaemons`)).body;
      return daemons.every((d) => d.status === "idle");
    });
  });
});

describe("a server without the job list", () => {
  it("answers 404 to the list and to one job, like a Coder from before it", async () => {
    const old = await startServer({ port: 0, speed: 50, ambient: false, provisionerJobsEndpoint: false });
    try {
      const token = await login(old.url, "admin");
      const orgId = (await api<Organization[]>(old.url, token, "/organizations")).body[0].id;
      expect((await api(old.url, token, `/organizations/${orgId}/provisionerjobs`)).status).toBe(404);
      expect((await api(old.url, token, `/organizations/${orgId}/provisionerdaemons`)).status).toBe(200);
    } finally {
      await old.close();
    }
  });
});
