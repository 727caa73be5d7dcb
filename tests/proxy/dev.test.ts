// `npm run dev` smoke: Vite in middleware mode inside the dashboard's own Node server, so the page,
// its modules, the API and every WebSocket (HMR and API streams) share one origin. The process is
// spawned as `npm run dev` would run it, on a random port it announces, and killed afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import type { Workspace } from "../../src/api/types";
import { BrowserPage, send, type Reply } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");
const STARTUP_MS = 25_000;

let child: ChildProcess | undefined;
let base = "";
let output = "";
/** Fetched as soon as the server is up, alongside the other first requests. */
let viteClient: Promise<Reply>;

beforeAll(async () => {
  // Its own process group, so the tsx wrapper and the server under it are stopped together.
  child = spawn(
    process.execPath,
    [
      path.join(root, "node_modules/tsx/dist/cli.mjs"),
      "src/server/cli/dev.ts",
      "--ambient",
      "off",
      "--failure-rate",
      "0",
    ],
    {
      cwd: root,
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1" },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Should this worker die before afterAll, the detached server must not outlive it.
  const pid = child.pid!;
  process.once("exit", () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  });
  base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`dev server did not announce itself in ${STARTUP_MS} ms:\n${output}`)),
      STARTUP_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child!.stdout!.on("data", onData);
    child!.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    child!.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`dev server exited with ${code}:\n${output}`));
    });
  });
  viteClient = send(`${base}/@vite/client`);
}, STARTUP_MS + 5000);

afterAll(async () => {
  const proc = child;
  if (!proc?.pid || proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  process.kill(-proc.pid, "SIGTERM");
  const timer = setTimeout(() => {
    try {
      process.kill(-proc.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
});

describe("npm run dev (Vite middleware in the same server)", () => {
  it("announces the demo logins", () => {
    expect(output).toMatch(/Dev server \(Vite HMR\) listening on/);
    expect(output).toMatch(/alice@example\.com/);
  });

  it("serves the page with Vite's client, transformed modules, the API and health on one origin", async () => {
    // In parallel: Vite's first transforms are slow on a cold, busy machine.
    const [page, route, missing, main, info, health, config] = await Promise.all(
      ["/", "/workspaces", "/api/v2/nonexistent", "/src/main.tsx", "/api/v2/buildinfo", "/healthz", "/config.json"].map(
        (p) => send(base + p),
      ),
    );
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain(`<script type="module" src="/@vite/client"></script>`);
    expect(page.text).toContain(`src="/src/main.tsx"`);
    // A client route gets the same shell (appType spa), an unknown API path stays JSON.
    expect(route.text).toContain("/@vite/client");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/json/);

    expect(main.status).toBe(200);
    expect(main.headers.get("content-type")).toMatch(/javascript/);
    expect(main.text).not.toMatch(/<App\s*\/>/);
    expect(main.text).toMatch(/from "\/node_modules\/\.vite\/deps\/react-dom_client\.js/);

    expect(info.status).toBe(200);
    expect(info.headers.get("content-type")).toMatch(/^application\/json/);
    expect((info.json as { version: string }).version).toMatch(/^v\d/);
    expect(health.status).toBe(200);
    expect(config.json).toEqual({ mode: "builtin", appOrigin: base });
  });

  it("shares the port between Vite's HMR socket and the API's WebSockets", async () => {
    const client = await viteClient;
    const token = client.text.match(/const wsToken = "([^"]+)"/)?.[1];
    expect(token).toBeDefined();
    const hmr = new WebSocket(`${base.replace(/^http/, "ws")}/?token=${token}`, "vite-hmr", {
      headers: { origin: base },
    });
    const first = await new Promise<string>((resolve, reject) => {
      hmr.once("message", (m) => resolve(m.toString()));
      hmr.once("error", reject);
    });
    hmr.close();
    expect(JSON.parse(first)).toEqual({ type: "connected" });

    const page = new BrowserPage(base);
    expect(
      (await page.write("POST", "/api/v2/users/login", { email: "alice@example.com", password: "coder-demo-1" }))
        .status,
    ).toBe(201);
    const ws = (await page.get("/api/v2/users/alice/workspace/dev")).json as Workspace;
    const watch = page.ws(`/api/v2/workspaces/${ws.id}/watch-ws`);
    const messages = await watch.waitFor((m) => m.length >= 2);
    watch.close();
    expect(messages.map((m) => (JSON.parse(m) as { type: string }).type)).toEqual(["ping", "data"]);
  });
});
