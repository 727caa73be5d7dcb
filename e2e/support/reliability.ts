// Shared by the reliability suite (e2e/reliability): own servers on ports of their own, an API
// client for the test side that rides out injected 500s on reads, and in-page probes that record
// anything a hostile string or a broken page could cause (script execution, foreign requests, CSP
// violations, uncaught errors).
import type { BrowserContext, Page, TestInfo } from "@playwright/test";
import type { Workspace } from "../../src/api/types";
import { spawnServer, type SpawnedServer } from "./server";

export const DEMO_PASSWORD = "coder-demo-1";

/** Ports from 4850 belong to this suite (4850–4899 with 2 workers): 25 per parallel worker, handed out in turn. */
const PORT_BASE = Number(process.env.E2E_RELIABILITY_PORT ?? 4850);
const PORTS_PER_WORKER = 25;
let nextSlot = 0;

export function reliabilityPort(testInfo: Pick<TestInfo, "parallelIndex">): number {
  const slot = nextSlot++ % PORTS_PER_WORKER;
  return PORT_BASE + testInfo.parallelIndex * PORTS_PER_WORKER + slot;
}

/** A server of the test's own (its own flags), stopped when the test ends. */
export async function ownServer(
  testInfo: Pick<TestInfo, "parallelIndex">,
  args: string[],
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  return spawnServer(reliabilityPort(testInfo), args, env);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The test's own view of the server, with a session token in the header (no cookie, so no CSRF
 * rule applies). Reads are retried on a 500: under `--error-rate` that is the fault, not the answer.
 */
export class Api {
  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static async login(url: string, user: string): Promise<Api> {
    const res = await fetch(`${url}/api/v2/users/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `${user}@example.com`, password: DEMO_PASSWORD }),
    });
    if (res.status !== 201) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
    const { session_token } = (await res.json()) as { session_token: string };
    return new Api(url, session_token);
  }

  async get<T>(path: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${this.url}/api/v2${path}`, { headers: { "Coder-Session-Token": this.token } });
      if (res.ok) return (await res.json()) as T;
      if (res.status !== 500 || attempt >= 30) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      await sleep(50);
    }
  }

  /** One write, never retried (a 500 may come after the effect); the caller checks the state. */
  async send(method: "POST" | "PUT" | "PATCH", path: string, body: unknown): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.url}/api/v2${path}`, {
      method,
      headers: { "Coder-Session-Token": this.token, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  workspace(owner: string, name: string): Promise<Workspace> {
    return this.get<Workspace>(`/users/${owner}/workspace/${name}`);
  }

  /** Waits until the workspace's latest job has finished (and, for a start, the agent settled). */
  async settled(workspaceId: string, timeoutMs = 30_000): Promise<Workspace> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ws = await this.get<Workspace>(`/workspaces/${workspaceId}`);
      const job = ws.latest_build.job.status;
      const agents = ws.latest_build.resources.flatMap((r) => r.agents ?? []);
      const agentsDone = agents.every((a) =>
        ["ready", "start_error", "start_timeout", "off", "shutdown_error", "shutdown_timeout"].includes(
          a.lifecycle_state,
        ),
      );
      if (["succeeded", "failed", "canceled"].includes(job) && agentsDone) return ws;
      if (Date.now() > deadline)
        throw new Error(
          `${ws.name} did not settle: job ${job}, agents ${agents.map((a) => a.lifecycle_state).join(",")}`,
        );
      await sleep(100);
    }
  }

  /** Starts or stops a workspace and waits for it to settle; a 500 after the effect is fine, a refusal is not. */
  async transition(workspaceId: string, transition: "start" | "stop"): Promise<Workspace> {
    await this.settled(workspaceId);
    const res = await this.send("POST", `/workspaces/${workspaceId}/builds`, { transition });
    if (res.status !== 201 && res.status !== 500) throw new Error(`${transition}: ${res.status} ${res.text}`);
    if (res.status === 500) {
      // The fault fires after the effect: the build exists, or nothing happened at all — check.
      const ws = await this.get<Workspace>(`/workspaces/${workspaceId}`);
      if (ws.latest_build.transition !== transition) return this.transition(workspaceId, transition);
    }
    return this.settled(workspaceId);
  }
}

/** What the in-page probes saw. */
export interface ProbeReport {
  /** alert/confirm/prompt/print/open, `xss()` from a payload, requests to another origin. */
  hits: string[];
  /** `securitypolicyviolation` events. */
  csp: string[];
}

/**
 * Installed before any page script: hooks every way a payload could announce itself and every
 * way the page could reach another origin, and listens for CSP violations.
 */
export async function installProbes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const probe = { hits: [] as string[], csp: [] as string[] };
    const w = window as unknown as Record<string, unknown> & { __probe: typeof probe };
    w.__probe = probe;
    const hit = (what: string) => probe.hits.push(what);
    w.alert = (m?: unknown) => hit(`alert(${String(m)})`);
    w.confirm = (m?: unknown) => (hit(`confirm(${String(m)})`), false);
    w.prompt = (m?: unknown) => (hit(`prompt(${String(m)})`), null);
    w.print = () => hit("print()");
    w.xss = (n?: unknown) => hit(`xss(${String(n)})`);
    const foreign = (raw: unknown) => {
      try {
        const url = new URL(raw instanceof Request ? raw.url : String(raw), location.href);
        return url.host !== location.host ? url.href : null;
      } catch {
        return null;
      }
    };
    const fetch0 = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const f = foreign(input);
      if (f) hit(`fetch ${f}`);
      return fetch0.call(this, input, init);
    };
    const open0 = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (
      this: XMLHttpRequest,
      method: string,
      url: string | URL,
      ...rest: unknown[]
    ) {
      const f = foreign(url);
      if (f) hit(`xhr ${f}`);
      return (open0 as (...a: unknown[]) => void).call(this, method, url, ...rest);
    };
    const beacon0 = navigator.sendBeacon?.bind(navigator);
    if (beacon0)
      navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => (
        hit(`beacon ${String(url)}`),
        beacon0(url, data)
      );
    const WS0 = window.WebSocket;
    window.WebSocket = class extends WS0 {
      constructor(url: string | URL, protocols?: string | string[]) {
        const f = foreign(String(url).replace(/^ws/, "http"));
        if (f) hit(`websocket ${f}`);
        super(url, protocols);
      }
    };
    const winOpen = window.open;
    window.open = (...args: Parameters<typeof window.open>) => {
      hit(`open(${String(args[0])})`);
      return winOpen.apply(window, args);
    };
    document.addEventListener("securitypolicyviolation", (e) =>
      probe.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

export async function readProbes(page: Page): Promise<ProbeReport> {
  return page.evaluate(() => {
    const p = (window as unknown as { __probe?: ProbeReport }).__probe;
    return { hits: [...(p?.hits ?? [])], csp: [...(p?.csp ?? [])] };
  });
}

/**
 * Uncaught errors of the page, and console errors that are not the browser's own network
 * reports (a 500 from fault injection or a dropped WebSocket is logged by Chromium itself).
 */
export function collectErrors(page: Page): { pageErrors: string[]; consoleErrors: string[] } {
  const out = { pageErrors: [] as string[], consoleErrors: [] as string[] };
  page.on("pageerror", (err) => out.pageErrors.push(`${err.name}: ${err.message}\n${err.stack ?? ""}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (/^Failed to load resource: /.test(text) || /^WebSocket connection to '.*' failed/.test(text)) return;
    out.consoleErrors.push(text);
  });
  return out;
}

/** Requests the page makes to any origin but its server's, aborted and recorded. */
export async function blockForeignRequests(context: BrowserContext, ownOrigin: string): Promise<string[]> {
  const seen: string[] = [];
  const own = new URL(ownOrigin).host;
  await context.route(
    (url) => url.host !== own && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      seen.push(route.request().url());
      return route.abort();
    },
  );
  return seen;
}

/** Signs a browser context in through the session bridge (HttpOnly cookie on the context). */
export async function signInAt(page: Page, url: string, user: string): Promise<void> {
  const res = await page.request.post(`${url}/api/v2/users/login`, {
    data: { email: `${user}@example.com`, password: DEMO_PASSWORD },
  });
  if (res.status() !== 201) throw new Error(`sign in ${user}: ${res.status()} ${await res.text()}`);
}

/** Records every value an attribute takes (MutationObserver), so states shorter than a poll are seen. */
export async function recordAttribute(page: Page, name: string, selector: string, attribute: string): Promise<void> {
  await page.evaluate(
    ({ name, selector, attribute }) => {
      const seen: string[] = [];
      (window as unknown as Record<string, unknown>)[name] = seen;
      const note = () => {
        const value = document.querySelector(selector)?.getAttribute(attribute);
        if (value && seen[seen.length - 1] !== value) seen.push(value);
      };
      note();
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: [attribute],
      });
    },
    { name, selector, attribute },
  );
}

export const recorded = (page: Page, name: string): Promise<string[]> =>
  page.evaluate((n) => [...((window as unknown as Record<string, string[]>)[n] ?? [])], name);

/**
 * Starts counting the build log's lines while the workspace status says "starting"; the returned
 * function reads the most seen (more than 0: the log was followed while the build ran).
 */
export async function countLinesWhileStarting(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __linesWhileStarting: number };
    w.__linesWhileStarting = 0;
    new MutationObserver(() => {
      if (
        document.querySelector("[data-testid=workspace-status]")?.getAttribute("data-workspace-status") !== "starting"
      )
        return;
      w.__linesWhileStarting = Math.max(
        w.__linesWhileStarting,
        document.querySelectorAll("[data-testid=build-log] [data-line]").length,
      );
    }).observe(document.body, { subtree: true, childList: true });
  });
  return () => page.evaluate(() => (window as unknown as { __linesWhileStarting: number }).__linesWhileStarting);
}

/** Marks the document; `sameDocument` is false after any reload or full navigation. */
export const markDocument = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
export const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
