// The endpoint sweep: every endpoint the dashboard calls (endpoints.ts, kept complete by scanning
// src/), answered by the built-in server, checked against Coder's API document and Go's wire rules.
// It reports three numbers, all of which must be 0: schema failures, missing endpoints, and keys Go
// always sends that the server omitted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Template, TemplateVersionParameter, Workspace, WorkspacesResponse } from "../../src/api/types";
import { check, formatFinding, type FindingKind } from "./checker";
import { API_PREFIX, findOperation, isDocumented, responseSchema } from "./coderApi";
import { scanDashboardCalls } from "./dashboardCalls";
import { ENDPOINTS, observeReply, observeSocket, observeSse, type EndpointCase, type SweepWorld } from "./endpoints";
import {
  Caller,
  isSettled,
  login,
  pickRunning,
  requiredParameterValues,
  sleep,
  startTestServer,
  type TestServer,
} from "./harness";

type ReportKind = FindingKind | "missing-endpoint";

const report: Record<ReportKind, string[]> = { schema: [], "always-sent": [], "missing-endpoint": [] };

let server: TestServer;
let world: SweepWorld;

/** Setup only navigates: it reads without judging, so that every finding comes from a sweep entry. */
async function read<T>(caller: Caller, path: string): Promise<T> {
  const reply = await caller.get(API_PREFIX + path);
  if (reply.status !== 200) throw new Error(`setup: GET ${path} → ${reply.status} ${reply.text.slice(0, 200)}`);
  return reply.json as T;
}

async function makeWorld(base: string): Promise<SweepWorld> {
  const alice = new Caller(base, await login(base, "alice"));
  const admin = new Caller(base, await login(base, "admin"));
  const all = (await read<WorkspacesResponse>(admin, "/workspaces")).workspaces;
  const ws = pickRunning(all, "alice");
  const templates = await read<Template[]>(alice, "/templates");
  const template = templates.find((t) => t.id === ws.template_id) ?? templates[0];
  const world: SweepWorld = {
    anon: new Caller(base),
    alice,
    admin,
    organizationId: ws.organization_id,
    template,
    ws,
    build: ws.latest_build,
    agentId: ws.latest_build.resources.flatMap((r) => r.agents ?? [])[0].id,
    http: async (caller, method, path, body) =>
      observeReply(await caller.send(method, API_PREFIX + path, body === undefined ? {} : { body })),
    socket: (caller, path, count, each) => observeSocket(caller, API_PREFIX + path, count, each),
    sse: (caller, path, each) => observeSse(caller, API_PREFIX + path, each),
    idleScratch: async () => {
      const id = world.scratch?.id;
      if (!id) throw new Error("the create entry did not run or failed");
      const deadline = Date.now() + 20_000;
      for (;;) {
        const current = await read<Workspace>(alice, `/workspaces/${id}`);
        if (isSettled(current)) return current;
        if (Date.now() > deadline) throw new Error(`scratch workspace ${id} never settled`);
        await sleep(50);
      }
    },
    requiredParameters: async () => {
      const params = await read<TemplateVersionParameter[]>(
        alice,
        `/templateversions/${template.active_version_id}/rich-parameters`,
      );
      return requiredParameterValues(params);
    },
  };
  return world;
}

/** Everything wrong with one entry's answer, filed under the report's kinds. */
async function judge(entry: EndpointCase): Promise<Array<[ReportKind, string]>> {
  const observed = await entry.call(world);
  const label = entry.variant ? `${entry.op} (${entry.variant})` : entry.op;
  const op = findOperation(observed.method, observed.path);
  if (op?.key !== entry.op) {
    return [
      ["missing-endpoint", `${label}: the call reached ${op?.key ?? `nothing Coder documents (${observed.path})`}`],
    ];
  }
  const expected = entry.status ?? 200;
  if (observed.status !== expected) {
    const kind = observed.status === 404 || observed.status === 405 ? "missing-endpoint" : "schema";
    const body = JSON.stringify(observed.values[0]?.value ?? "").slice(0, 200);
    return [[kind, `${label}: status ${observed.status}, expected ${expected} ${body}`]];
  }
  const documented = responseSchema(op, observed.status);
  const out: Array<[ReportKind, string]> = [];
  if (observed.values.length === 0 && documented) out.push(["schema", `${label}: no body, Coder sends one`]);
  for (const { value, shape, what } of observed.values) {
    const schema = shape?.schema ?? documented;
    if (!schema) {
      out.push(["schema", `${label}: ${what} sent, Coder answers ${expected} with no body`]);
      continue;
    }
    // Array indexes are folded, so one fault repeated over a list is reported once.
    const findings = check(schema, value).map((f) => ({ ...f, at: f.at.replace(/\/\d+(?=\/|$)/g, "/[]") }));
    for (const text of new Set(findings.map(formatFinding))) {
      out.push([findings.find((f) => formatFinding(f) === text)!.kind, `${label} ${what} ${text}`]);
    }
  }
  return out;
}

beforeAll(async () => {
  server = await startTestServer();
  world = await makeWorld(server.url);
});

afterAll(async () => {
  await server?.close();
});

describe("endpoint sweep against Coder's API document", () => {
  it.each(ENDPOINTS.map((e) => [e.variant ? `${e.op} (${e.variant})` : e.op, e] as const))("%s", async (_, entry) => {
    const findings = await judge(entry);
    for (const [kind, text] of findings) report[kind].push(text);
    expect(findings.map(([kind, text]) => `${kind}: ${text}`)).toEqual([]);
  });

  it("every endpoint in the list is one Coder documents", () => {
    const undocumented = ENDPOINTS.filter((e) => !isDocumented(e.op)).map((e) => e.op);
    report["missing-endpoint"].push(...undocumented.map((op) => `${op}: not in Coder's API document`));
    expect(undocumented).toEqual([]);
  });

  it("every endpoint the dashboard calls is in the list", () => {
    const { calls, unreadable } = scanDashboardCalls();
    expect(unreadable, "calls whose path the scan cannot read: make it a literal").toEqual([]);
    expect(calls.length, "the scan found the dashboard's calls").toBeGreaterThan(20);
    const listed = new Set(ENDPOINTS.map((e) => e.op));
    const missing = new Set<string>();
    for (const call of calls) {
      const [method, path] = call.key.split(" ");
      const op = findOperation(method, API_PREFIX + path);
      if (!op) missing.add(`${call.key} (called at ${call.at}) is not in Coder's API document`);
      else if (!listed.has(op.key)) missing.add(`${op.key} (called at ${call.at}) is not in endpoints.ts`);
    }
    report["missing-endpoint"].push(...missing);
    expect([...missing]).toEqual([]);
  });

  // Last on purpose: it sums up what the tests above found.
  it("reports 0 schema failures, 0 missing endpoints, 0 always-sent keys omitted", () => {
    const line = [
      `${ENDPOINTS.length} endpoint cases`,
      `${report.schema.length} schema failures`,
      `${report["missing-endpoint"].length} missing endpoints`,
      `${report["always-sent"].length} always-sent keys omitted`,
    ].join(", ");
    console.info(`contract: ${line}`);
    expect(report).toEqual({ schema: [], "always-sent": [], "missing-endpoint": [] });
  });
});
