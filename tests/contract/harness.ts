// Black-box helpers for the contract and security suites: start the built-in server in-process,
// talk to it over HTTP/SSE/WebSocket, and check every JSON answer against the contract.
// Nothing here reaches into server internals; ids are discovered through the API.
import { expect } from "vitest";
import WebSocket from "ws";
import { type z } from "zod";
import { startServer } from "../../src/server/main";
import { NULLABLE_KEYS, Workspace, WorkspaceBuild, WorkspacesResponse } from "./schemas";

export const PASSWORD = "coder-demo-1";
export type UserName = "admin" | "alice" | "bob";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** One server per test file, fast simulation, no background builds, no random failures. */
export async function startTestServer(): Promise<TestServer> {
  const server = await startServer({
    port: 0,
    speed: 50,
    ambient: false,
    failureRate: 0,
    testControls: true,
    distDir: null,
  });
  return { url: server.url.replace(/\/$/, ""), close: () => server.close() };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body when it is JSON, otherwise undefined. */
  json: unknown;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function request(base: string, method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { Accept: "application/json", ...opts.headers };
  if (opts.token) headers["Coder-Session-Token"] = opts.token;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
    headers["Content-Type"] = "application/json";
  }
  const res = await fetch(base + path, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let json: unknown;
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** A signed-in caller (or anonymous when `token` is undefined). */
export class Caller {
  constructor(
    readonly base: string,
    readonly token?: string,
  ) {}

  send(method: string, path: string, opts: Omit<RequestOptions, "token"> = {}): Promise<Reply> {
    return request(this.base, method, path, { ...opts, token: this.token });
  }
  get(path: string): Promise<Reply> {
    return this.send("GET", path);
  }
}

export function sessionCookie(headers: Headers): string | undefined {
  for (const line of headers.getSetCookie()) {
    const m = /^coder_session_token=([^;]*)/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** Logs in without a browser Origin and returns the raw session token (body or Set-Cookie). */
export async function login(base: string, user: UserName): Promise<string> {
  const reply = await request(base, "POST", "/api/v2/users/login", {
    body: { email: `${user}@example.com`, password: PASSWORD },
  });
  expect(reply.status, `login ${user}: ${reply.text}`).toBe(201);
  const fromBody = (reply.json as { session_token?: unknown } | undefined)?.session_token;
  const token = typeof fromBody === "string" && fromBody ? fromBody : sessionCookie(reply.headers);
  if (!token) throw new Error(`login ${user}: no session token in body or cookie`);
  return token;
}

// ---- Contract checks applied to every JSON answer --------------------------------------------

/**
 * Nulls sent for keys Coder omits when empty, as "<what>: <path>", collected over the whole test
 * file. They are reported by one dedicated test rather than failing every shape check, so a single
 * serializer slip does not hide all other findings.
 */
export const nullViolations: string[] = [];

/** A copy of `value` without nulls outside NULLABLE_KEYS (treated as omitted); each one is recorded. */
export function stripForbiddenNulls(value: unknown, what: string, path = "$"): unknown {
  if (Array.isArray(value)) return value.map((v, i) => stripForbiddenNulls(v, what, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null && !NULLABLE_KEYS.has(k)) {
      nullViolations.push(`${what}: ${path}.${k}`);
      continue;
    }
    out[k] = stripForbiddenNulls(v, what, `${path}.${k}`);
  }
  return out;
}

/** Distinct offending paths (array indexes folded), each with one endpoint that sent it. */
export function summarizeNullViolations(): string[] {
  const byPath = new Map<string, string>();
  for (const v of nullViolations) {
    const at = v.lastIndexOf(": $");
    const path = v.slice(at + 2).replace(/\[\d+\]/g, "[]");
    if (!byPath.has(path)) byPath.set(path, v.slice(0, at));
  }
  return [...byPath].map(([path, what]) => `${path}  (e.g. ${what})`);
}

/** `<`, `>`, `&` can only occur inside JSON strings, where Go's encoder writes them as \u003c etc. */
export function unescapedHtmlChars(raw: string): string[] {
  return [...new Set(raw.match(/[<>&]/g) ?? [])];
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 15)
    .map((i) => `${i.path.join(".") || "$"}: ${i.message}`)
    .join("\n");
}

/** Validates one JSON value (a body or a stream message) against a schema; forbidden nulls are recorded. */
export function expectShape<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(stripForbiddenNulls(value, what));
  if (!parsed.success) throw new Error(`${what} does not match the schema:\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Status, JSON content type, Go-style escaping and schema of one answer (nulls recorded, see above). */
export function expectJson<S extends z.ZodType>(reply: Reply, status: number, schema: S, what: string): z.infer<S> {
  expect(reply.status, `${what}: status (body ${reply.text.slice(0, 300)})`).toBe(status);
  expect(reply.headers.get("content-type") ?? "", `${what}: content type`).toMatch(/^application\/json/);
  expect(unescapedHtmlChars(reply.text), `${what}: raw < > & in JSON`).toEqual([]);
  return expectShape(schema, reply.json, what);
}

// ---- World discovery -------------------------------------------------------------------------

export type WorkspaceT = z.infer<typeof Workspace>;
export type BuildT = z.infer<typeof WorkspaceBuild>;

export async function listWorkspaces(caller: Caller, q = ""): Promise<WorkspaceT[]> {
  const reply = await caller.get(`/api/v2/workspaces?q=${encodeURIComponent(q)}`);
  return expectJson(reply, 200, WorkspacesResponse, `GET /workspaces?q=${q}`).workspaces;
}

export function isSettled(ws: WorkspaceT): boolean {
  return ["succeeded", "failed", "canceled"].includes(ws.latest_build.job.status);
}

export function agentsOf(build: BuildT) {
  return build.resources.flatMap((r) => r.agents ?? []);
}

/** A settled, running workspace of `owner` with at least one agent. */
export function pickRunning(all: WorkspaceT[], owner: string, exclude: string[] = []): WorkspaceT {
  const found = all.find(
    (w) =>
      w.owner_name === owner &&
      !exclude.includes(w.id) &&
      w.latest_build.status === "running" &&
      isSettled(w) &&
      agentsOf(w.latest_build).length > 0,
  );
  if (!found) throw new Error(`seed has no settled running workspace with an agent for ${owner}`);
  return found;
}

export async function getBuild(caller: Caller, id: string): Promise<BuildT> {
  const reply = await caller.get(`/api/v2/workspacebuilds/${id}`);
  return expectJson(reply, 200, WorkspaceBuild, `GET /workspacebuilds/${id}`);
}

export const TERMINAL_JOB = ["succeeded", "failed", "canceled"];

/** Polls a build until its job reaches `until` (default: any terminal state). */
export async function waitForJob(
  caller: Caller,
  buildId: string,
  until: readonly string[] = TERMINAL_JOB,
  timeoutMs = 20_000,
): Promise<BuildT> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const build = await getBuild(caller, buildId);
    if (until.includes(build.job.status)) return build;
    if (Date.now() > deadline) throw new Error(`build ${buildId} stuck in ${build.job.status}`);
    await sleep(50);
  }
}

/** Waits until the workspace's latest build has settled, so a new build may be queued. */
export async function waitIdle(caller: Caller, workspaceId: string): Promise<WorkspaceT> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reply = await caller.get(`/api/v2/workspaces/${workspaceId}`);
    const ws = expectJson(reply, 200, Workspace, `GET /workspaces/${workspaceId}`);
    if (isSettled(ws)) return ws;
    if (Date.now() > deadline) throw new Error(`workspace ${workspaceId} never settled`);
    await sleep(50);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

// ---- Streams ---------------------------------------------------------------------------------

export function wsUrl(base: string, path: string): string {
  return base.replace(/^http/, "ws") + path;
}

export interface WsSession {
  ws: WebSocket;
  messages: string[];
  /** Resolves with the close code (1006 when the socket died without a close frame). */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves when message `index` (0-based) has arrived. */
  message(index: number, timeoutMs?: number): Promise<string>;
  /** Status of a refused upgrade, if the server answered the handshake with HTTP. */
  refused: Promise<number | undefined>;
}

export function openWs(base: string, path: string, headers: Record<string, string> = {}): WsSession {
  const ws = new WebSocket(wsUrl(base, path), { headers });
  const messages: string[] = [];
  const waiters: Array<() => void> = [];
  let refusedStatus: ((s: number | undefined) => void) | undefined;
  const refused = new Promise<number | undefined>((r) => (refusedStatus = r));
  ws.on("message", (data) => {
    messages.push(data.toString());
    for (const w of waiters.splice(0)) w();
  });
  ws.on("unexpected-response", (_req, res) => {
    refusedStatus?.(res.statusCode);
    res.resume();
    ws.terminate();
  });
  ws.on("open", () => refusedStatus?.(undefined));
  ws.on("error", () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on("close", (code, reason) => {
      for (const w of waiters.splice(0)) w();
      resolve({ code, reason: reason.toString() });
    });
  });
  let isClosed = false;
  void closed.then(() => (isClosed = true));
  const message = async (index: number, timeoutMs = 10_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    while (messages.length <= index) {
      if (isClosed) throw new Error(`socket closed after ${messages.length} messages, wanted #${index + 1}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for message #${index + 1} on ${path}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return messages[index];
  };
  return { ws, messages, closed, message, refused };
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface SseCapture {
  status: number;
  contentType: string;
  /** Raw event blocks (text between blank lines), in order. */
  blocks: string[];
}

/** Reads the first `count` SSE event blocks of a stream, then disconnects. */
export async function readSse(
  base: string,
  path: string,
  token: string,
  count: number,
  timeoutMs = 10_000,
): Promise<SseCapture> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(base + path, {
      headers: { Accept: "text/event-stream", "Coder-Session-Token": token },
      signal: abort.signal,
    });
    const capture: SseCapture = { status: res.status, contentType: res.headers.get("content-type") ?? "", blocks: [] };
    if (res.status !== 200 || !res.body) {
      await res.text().catch(() => "");
      return capture;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    while (capture.blocks.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let sep: number;
      while ((sep = buffer.indexOf("\n\n")) >= 0 && capture.blocks.length < count) {
        capture.blocks.push(buffer.slice(0, sep));
        buffer = buffer.slice(sep + 2);
      }
    }
    abort.abort();
    return capture;
  } finally {
    clearTimeout(timer);
  }
}
