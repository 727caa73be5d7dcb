// Every Coder endpoint the dashboard calls, with one way to reach it on the built-in server.
// endpoints.test.ts runs them in order and checks each answer against Coder's API document, and
// checks that the dashboard's source (dashboardCalls.ts) calls nothing this list lacks.
//
// To add an endpoint: add one line to ENDPOINTS with its swagger operation ("METHOD /path/{param}"
// exactly as in coder-api/swagger.json, without /api/v2), the status it must answer (200 when
// omitted) and a call that reaches it, e.g.
//   { op: "GET /users/authmethods", call: (w) => w.http(w.anon, "GET", "/users/authmethods") },
// Entries run in this order: the write entries act on the workspace the create entry makes.
import type { Template, Workspace, WorkspaceBuild } from "../../src/api/types";
import { Caller, openWs, readSse, uniqueName, withTimeout, type Reply } from "./harness";
import * as S from "./shapes";
import type { Shape } from "./shapes";

export interface Observed {
  method: string;
  /** The request path, /api/v2 included. */
  path: string;
  status: number;
  /**
   * What to check: the body of an answer against what Coder documents for it (no shape), or stream
   * messages against the shape the stream carries.
   */
  values: Array<{ value: unknown; shape?: Shape<unknown>; what: string }>;
}

/** What the entries work with; discovered through the API before the first one runs. */
export interface SweepWorld {
  anon: Caller;
  alice: Caller;
  admin: Caller;
  organizationId: string;
  template: Template;
  /** alice's settled, running workspace with an agent, and its latest build. */
  ws: Workspace;
  build: WorkspaceBuild;
  agentId: string;
  /** Made by the create entry; the write entries after it act on it. */
  scratch?: Workspace;
  /** The build the build entry queues, for the cancel entry. */
  scratchBuild?: WorkspaceBuild;
  http(caller: Caller, method: string, path: string, body?: unknown): Promise<Observed>;
  /** Reads `count` messages of a WebSocket stream (fewer if it closes first). */
  socket(caller: Caller, path: string, count: number, each: Shape<unknown>): Promise<Observed>;
  /** Reads the first `data` event of an SSE stream. */
  sse(caller: Caller, path: string, each: Shape<unknown>): Promise<Observed>;
  /** The scratch workspace once its latest build has settled. */
  idleScratch(): Promise<Workspace>;
  /** Rich parameter values a create request must carry for the template's active version. */
  requiredParameters(): Promise<Array<{ name: string; value: string }>>;
}

export interface EndpointCase {
  /** The documented operation, e.g. "GET /workspaces/{workspace}"; the call must reach exactly it. */
  op: string;
  /** The status a working server answers (200 when omitted; 101 for a WebSocket). */
  status?: number;
  /** Tells two cases of one operation apart (e.g. a list and its follow stream). */
  variant?: string;
  call(w: SweepWorld): Promise<Observed>;
}

const scratch = (w: SweepWorld) => {
  if (!w.scratch) throw new Error("the create entry did not run or failed");
  return w.scratch;
};

export const ENDPOINTS: EndpointCase[] = [
  {
    op: "POST /users/login",
    status: 201,
    call: (w) => w.http(w.anon, "POST", "/users/login", { email: "alice@example.com", password: "coder-demo-1" }),
  },
  { op: "GET /users/{user}", call: (w) => w.http(w.alice, "GET", "/users/me") },
  { op: "GET /buildinfo", call: (w) => w.http(w.anon, "GET", "/buildinfo") },
  { op: "GET /templates", call: (w) => w.http(w.alice, "GET", "/templates") },
  { op: "GET /templates/{template}", call: (w) => w.http(w.alice, "GET", `/templates/${w.template.id}`) },
  {
    op: "GET /templateversions/{templateversion}",
    call: (w) => w.http(w.alice, "GET", `/templateversions/${w.template.active_version_id}`),
  },
  {
    op: "GET /templateversions/{templateversion}/rich-parameters",
    call: (w) => w.http(w.alice, "GET", `/templateversions/${w.template.active_version_id}/rich-parameters`),
  },
  {
    op: "GET /organizations/{organization}/provisionerjobs",
    call: (w) => w.http(w.admin, "GET", `/organizations/${w.organizationId}/provisionerjobs?limit=50`),
  },
  { op: "GET /users/authmethods", call: (w) => w.http(w.anon, "GET", "/users/authmethods") },
  {
    op: "GET /organizations/{organization}/provisionerdaemons",
    call: (w) => w.http(w.admin, "GET", `/organizations/${w.organizationId}/provisionerdaemons`),
  },
  {
    op: "GET /organizations/{organization}/templates/{templatename}",
    call: (w) => w.http(w.alice, "GET", `/organizations/${w.organizationId}/templates/${w.template.name}`),
  },
  {
    op: "GET /templateversions/{templateversion}/presets",
    call: (w) => w.http(w.alice, "GET", `/templateversions/${w.template.active_version_id}/presets`),
  },
  {
    op: "GET /organizations/{organization}/members/{user}/workspace-quota",
    call: (w) => w.http(w.alice, "GET", `/organizations/${w.organizationId}/members/me/workspace-quota`),
  },
  { op: "GET /deployment/ssh", call: (w) => w.http(w.alice, "GET", "/deployment/ssh") },
  { op: "GET /applications/host", call: (w) => w.http(w.alice, "GET", "/applications/host") },
  { op: "POST /users/{user}/keys", status: 201, call: (w) => w.http(w.alice, "POST", "/users/me/keys") },
  {
    // The seeded import that waits for a region no daemon offers: pending, so an admin may cancel it.
    op: "PATCH /templateversions/{templateversion}/cancel",
    call: async (w) => {
      const listed = await w.http(
        w.admin,
        "GET",
        `/organizations/${w.organizationId}/provisionerjobs?status=pending&limit=0`,
      );
      const jobs = (listed.values[0]?.value ?? []) as Array<{ type: string; input: { template_version_id?: string } }>;
      const pendingImport = jobs.find((j) => j.type === "template_version_import");
      return w.http(w.admin, "PATCH", `/templateversions/${pendingImport?.input.template_version_id ?? "none"}/cancel`);
    },
  },
  { op: "GET /workspaces", call: (w) => w.http(w.admin, "GET", "/workspaces?q=&limit=100&offset=0") },
  { op: "GET /workspaces/{workspace}", call: (w) => w.http(w.alice, "GET", `/workspaces/${w.ws.id}`) },
  {
    op: "GET /users/{user}/workspace/{workspacename}",
    call: (w) => w.http(w.alice, "GET", `/users/alice/workspace/${w.ws.name}`),
  },
  { op: "GET /workspaces/{workspace}/timings", call: (w) => w.http(w.alice, "GET", `/workspaces/${w.ws.id}/timings`) },
  { op: "GET /workspaces/{workspace}/builds", call: (w) => w.http(w.alice, "GET", `/workspaces/${w.ws.id}/builds`) },
  {
    op: "GET /users/{user}/workspace/{workspacename}/builds/{buildnumber}",
    call: (w) => w.http(w.alice, "GET", `/users/alice/workspace/${w.ws.name}/builds/${w.build.build_number}`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}",
    call: (w) => w.http(w.alice, "GET", `/workspacebuilds/${w.build.id}`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}/resources",
    call: (w) => w.http(w.alice, "GET", `/workspacebuilds/${w.build.id}/resources`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}/parameters",
    call: (w) => w.http(w.alice, "GET", `/workspacebuilds/${w.build.id}/parameters`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}/timings",
    call: (w) => w.http(w.alice, "GET", `/workspacebuilds/${w.build.id}/timings`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}/state",
    call: (w) => w.http(w.admin, "GET", `/workspacebuilds/${w.build.id}/state`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}/logs",
    call: (w) => w.http(w.alice, "GET", `/workspacebuilds/${w.build.id}/logs?after=0`),
  },
  {
    op: "GET /workspacebuilds/{workspacebuild}/logs",
    variant: "follow",
    status: 101,
    call: (w) => w.socket(w.alice, `/workspacebuilds/${w.build.id}/logs?follow&after=0`, 5, S.ProvisionerJobLog),
  },
  {
    op: "GET /workspaceagents/{workspaceagent}/logs",
    call: (w) => w.http(w.alice, "GET", `/workspaceagents/${w.agentId}/logs?after=0`),
  },
  {
    op: "GET /workspaceagents/{workspaceagent}/logs",
    variant: "follow",
    status: 101,
    call: (w) =>
      w.socket(w.alice, `/workspaceagents/${w.agentId}/logs?follow=true&after=0`, 1, S.WorkspaceAgentLogList),
  },
  {
    op: "GET /workspaces/{workspace}/watch-ws",
    status: 101,
    call: async (w) => withEventData(await w.socket(w.alice, `/workspaces/${w.ws.id}/watch-ws`, 2, S.WatchEvent)),
  },
  { op: "GET /workspaces/{workspace}/watch", call: (w) => w.sse(w.alice, `/workspaces/${w.ws.id}/watch`, S.Workspace) },
  {
    op: "POST /users/{user}/workspaces",
    status: 201,
    call: async (w) => {
      const body = {
        template_id: w.template.id,
        name: uniqueName("sweep"),
        ttl_ms: 3_600_000,
        rich_parameter_values: await w.requiredParameters(),
      };
      const observed = await w.http(w.alice, "POST", "/users/me/workspaces", body);
      w.scratch = observed.values[0]?.value as Workspace | undefined;
      return observed;
    },
  },
  {
    op: "PATCH /workspaces/{workspace}",
    status: 204,
    call: async (w) =>
      w.http(w.alice, "PATCH", `/workspaces/${(await w.idleScratch()).id}`, { name: uniqueName("renamed") }),
  },
  {
    op: "PUT /workspaces/{workspace}/autostart",
    status: 204,
    call: (w) =>
      w.http(w.alice, "PUT", `/workspaces/${scratch(w).id}/autostart`, { schedule: "CRON_TZ=UTC 0 9 * * 1-5" }),
  },
  {
    op: "PUT /workspaces/{workspace}/ttl",
    status: 204,
    call: (w) => w.http(w.alice, "PUT", `/workspaces/${scratch(w).id}/ttl`, { ttl_ms: 7_200_000 }),
  },
  {
    op: "PUT /workspaces/{workspace}/autoupdates",
    status: 204,
    call: (w) => w.http(w.alice, "PUT", `/workspaces/${scratch(w).id}/autoupdates`, { automatic_updates: "always" }),
  },
  {
    op: "PUT /workspaces/{workspace}/favorite",
    status: 204,
    call: (w) => w.http(w.alice, "PUT", `/workspaces/${scratch(w).id}/favorite`),
  },
  {
    op: "DELETE /workspaces/{workspace}/favorite",
    status: 204,
    call: (w) => w.http(w.alice, "DELETE", `/workspaces/${scratch(w).id}/favorite`),
  },
  {
    op: "PUT /workspaces/{workspace}/extend",
    call: async (w) => {
      const deadline = new Date(Date.now() + 90 * 60_000).toISOString();
      return w.http(w.alice, "PUT", `/workspaces/${(await w.idleScratch()).id}/extend`, { deadline });
    },
  },
  {
    op: "PUT /workspaces/{workspace}/dormant",
    call: async (w) => {
      const path = `/workspaces/${scratch(w).id}/dormant`;
      const observed = await w.http(w.alice, "PUT", path, { dormant: true });
      await w.http(w.alice, "PUT", path, { dormant: false });
      return observed;
    },
  },
  {
    op: "POST /workspaces/{workspace}/builds",
    status: 201,
    call: async (w) => {
      const observed = await w.http(w.alice, "POST", `/workspaces/${scratch(w).id}/builds`, { transition: "stop" });
      w.scratchBuild = observed.values[0]?.value as WorkspaceBuild | undefined;
      return observed;
    },
  },
  {
    op: "PATCH /workspacebuilds/{workspacebuild}/cancel",
    call: (w) => w.http(w.alice, "PATCH", `/workspacebuilds/${w.scratchBuild?.id}/cancel`),
  },
  {
    op: "POST /users/logout",
    call: async (w) => {
      const login = await w.http(w.anon, "POST", "/users/login", {
        email: "bob@example.com",
        password: "coder-demo-1",
      });
      const token = (login.values[0]?.value as { session_token: string }).session_token;
      return w.http(new Caller(w.anon.base, token), "POST", "/users/logout");
    },
  },
];

// ---- How the world's helpers observe answers -------------------------------------------------

export function observeReply(reply: Reply): Observed {
  const hasBody = reply.text.length > 0;
  const value = reply.json !== undefined ? reply.json : hasBody ? `<not JSON: ${reply.text.slice(0, 80)}>` : undefined;
  return {
    method: reply.method ?? "GET",
    path: reply.path ?? "",
    status: reply.status,
    values: value === undefined ? [] : [{ value, what: "body" }],
  };
}

export async function observeSocket(
  caller: Caller,
  path: string,
  count: number,
  each: Shape<unknown>,
): Promise<Observed> {
  const session = openWs(caller.base, path, caller.token ? { "Coder-Session-Token": caller.token } : {});
  const refused = await withTimeout(session.refused, 5_000, `open ${path}`);
  if (refused !== undefined) return { method: "GET", path, status: refused, values: [] };
  await session.message(count - 1).catch(() => undefined);
  session.ws.close();
  await withTimeout(session.closed, 5_000, `close ${path}`);
  const values = session.messages.map((m, i) => ({
    value: JSON.parse(m) as unknown,
    shape: each,
    what: `message ${i}`,
  }));
  return { method: "GET", path, status: 101, values };
}

/** A watch event (codersdk.ServerSentEvent) carries a Workspace as `data` when its type is "data". */
function withEventData(observed: Observed): Observed {
  const data = observed.values.flatMap(({ value, what }) => {
    const event = value as { type?: string; data?: unknown };
    return event.type === "data" ? [{ value: event.data, shape: S.Workspace, what: `${what} data` }] : [];
  });
  return { ...observed, values: [...observed.values, ...data] };
}

export async function observeSse(caller: Caller, path: string, each: Shape<unknown>): Promise<Observed> {
  const capture = await readSse(caller.base, path, caller.token ?? "", 2);
  const values = capture.blocks.flatMap((block, i) => {
    const data = /^data: (.*)$/m.exec(block)?.[1];
    return block.startsWith("event: data") && data
      ? [{ value: JSON.parse(data) as unknown, shape: each, what: `event ${i}` }]
      : [];
  });
  return { method: "GET", path, status: capture.status, values };
}
