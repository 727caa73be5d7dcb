// The production artefacts, run the way they ship: `npm ci --omit=dev && npm run serve` in a
// clean folder, and the Dockerfile's runtime stage replayed command by command (no container
// engine here: the same files, environment and commands, without the image).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isHealthy } from "./support/health";
import { basePort } from "./support/server";

const root = path.resolve(import.meta.dirname, "..");

function run(child: ChildProcess): { output: () => string; exited: Promise<number | null> } {
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { output: () => output, exited };
}

async function healthy(url: string, proc: { output: () => string }): Promise<number> {
  const started = Date.now();
  await expect
    .poll(() => isHealthy(url), {
      timeout: 30_000,
      intervals: [25],
      message: proc.output(),
    })
    .toBe(true);
  return Date.now() - started;
}

const mainScript = () =>
  readdirSync(path.join(root, "dist", "assets")).find((f) => /^index-.*\.js$/.test(f)) ?? "missing";

test.describe("production artefacts", () => {
  test.setTimeout(240_000);

  let child: ChildProcess | undefined;
  test.afterEach(() => {
    // The process group: `npm run` leaves its node child behind when only npm is killed.
    if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
  });

  test("npm ci --omit=dev && npm run serve: precompressed, cached and revalidated assets; SIGTERM exits", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "serve-"));
    try {
      for (const f of ["package.json", "package-lock.json"]) cpSync(path.join(root, f), path.join(dir, f));
      const ci = spawnSync(
        "npm",
        ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"],
        {
          cwd: dir,
          encoding: "utf8",
          timeout: 180_000,
        },
      );
      expect(ci.status, ci.stderr).toBe(0);
      expect(existsSync(path.join(dir, "node_modules", "vite")), "no devDependencies installed").toBe(false);
      cpSync(path.join(root, "dist"), path.join(dir, "dist"), { recursive: true });
      cpSync(path.join(root, "dist-server"), path.join(dir, "dist-server"), { recursive: true });

      const port = basePort() + 80;
      const url = `http://127.0.0.1:${port}`;
      child = spawn("npm", ["run", "serve", "--", "--port", String(port), "--ambient", "off"], {
        cwd: dir,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const proc = run(child);
      const startupMs = await healthy(url, proc);
      test.info().annotations.push({ type: "startup (npm run serve → /healthz)", description: `${startupMs} ms` });

      const asset = `${url}/assets/${mainScript()}`;
      const br = await fetch(asset, { headers: { "accept-encoding": "br" } }).catch((err: unknown) => {
        throw new Error(`${String(err)}\n${proc.output()}`);
      });
      expect(br.status).toBe(200);
      expect(br.headers.get("content-encoding")).toBe("br");
      expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const gz = await fetch(asset, { headers: { "accept-encoding": "gzip" } });
      expect(gz.headers.get("content-encoding")).toBe("gzip");
      const etag = br.headers.get("etag")!;
      const again = await fetch(asset, { headers: { "accept-encoding": "br", "if-none-match": etag } });
      expect(again.status).toBe(304);

      const page = await fetch(`${url}/workspaces`);
      expect(page.headers.get("cache-control")).toBe("no-cache");
      expect(await page.text()).toContain('<div id="root">');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      // The access log line is written after the answer; it reaches the pipe a moment later.
      await expect.poll(() => proc.output()).toMatch(/GET \/workspaces 200/);

      // As a terminal or process manager would: the signal reaches npm and the server under it.
      process.kill(-child.pid!, "SIGTERM");
      const started = Date.now();
      await proc.exited;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(proc.output()).toContain("SIGTERM: shutting down");
      // On loopback (the default HOST) nobody else reaches it: no word about replicas.
      expect(proc.output()).not.toContain("SESSION_SECRET");
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("Dockerfile runtime stage: its files alone (no node_modules) serve, and its HEALTHCHECK passes", async () => {
    const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n\s*/g, " ");
    const lines = dockerfile.split("\n").map((l) => l.trim());
    const runtime = lines.slice(lines.findLastIndex((l) => l.startsWith("FROM ")));
    expect(runtime[0]).toMatch(/^FROM node:20-slim$/);
    expect(runtime).toContain("USER node");

    const env: Record<string, string> = {};
    for (const l of runtime.filter((l) => l.startsWith("ENV "))) {
      for (const [, k, v] of l.slice(4).matchAll(/(\w+)=(\S+)/g)) env[k] = v;
    }
    const jsonArgs = (prefix: string) => {
      const line = runtime.find((l) => l.startsWith(prefix));
      expect(line, prefix).toBeDefined();
      return JSON.parse(line!.slice(line!.indexOf("["))) as string[];
    };
    const cmd = jsonArgs("CMD ");
    const healthcheck = jsonArgs("HEALTHCHECK ");

    const dir = mkdtempSync(path.join(tmpdir(), "image-"));
    try {
      for (const l of runtime.filter((l) => l.startsWith("COPY --from=build "))) {
        const [from, to] = l.split(/\s+/).slice(2);
        // Docker's rule: a destination ending in "/" is a folder the source goes into.
        const target = to.endsWith("/") ? path.join(dir, to, path.basename(from)) : path.join(dir, to);
        cpSync(path.join(root, from.replace(/^\/src\/?/, "")), target, { recursive: true });
      }
      expect(existsSync(path.join(dir, "node_modules"))).toBe(false);
      const port = String(basePort() + 81);
      const childEnv = { PATH: process.env.PATH ?? "", ...env, PORT: port };
      expect(cmd[0]).toBe("node");
      child = spawn(process.execPath, cmd.slice(1), {
        cwd: dir,
        detached: true,
        env: childEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      const proc = run(child);
      await healthy(`http://127.0.0.1:${port}`, proc);
      expect(healthcheck[0]).toBe("node");
      const check = spawnSync(process.execPath, healthcheck.slice(1), { cwd: dir, env: childEnv, encoding: "utf8" });
      expect(check.status, `${check.stderr}\n${proc.output()}`).toBe(0);
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      // LOG_FORMAT=json from the image: one JSON object per request line.
      await expect.poll(() => proc.output()).toMatch(/"msg":"request".*"path":"\/readyz"/);
      // Listening for others (HOST=0.0.0.0) without a shared secret: the operator is told.
      expect(proc.output()).toContain("SESSION_SECRET is not set");
      child.kill("SIGTERM");
      expect(await proc.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
