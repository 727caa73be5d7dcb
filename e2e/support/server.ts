import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export interface SpawnedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the dashboard server (built SPA + built-in Coder API) as its own process, the way
 * `npm run serve` does: the compiled server of `npm run build` (dist-server/), which starts in
 * half the time `npm start` needs to compile the TypeScript sources on a loaded 2-core machine,
 * and resolves once `/healthz` answers. Test defaults follow docs/conventions.md: fast simulation,
 * no ambient builds, no random failures, test controls on, no access log (as `npm start`).
 */
export async function spawnServer(
  port: number,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<SpawnedServer> {
  const entry = path.join(root, "dist-server/serve.mjs");
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` before the e2e tests`);
  const args = [
    entry,
    "--speed",
    "20",
    "--ambient",
    "off",
    "--failure-rate",
    "0",
    "--test-controls",
    "--access-log",
    "off",
    ...extraArgs,
  ];
  const url = `http://127.0.0.1:${port}`;
  const { stop } = await startProcess(args, { PORT: String(port), HOST: "127.0.0.1", TZ: "UTC", ...env }, url);
  return { url, port, stop };
}

/**
 * Runs `node <args>` from the repo root and resolves once `${url}/healthz` answers (30 s at most;
 * the process's output is in the error). `stop` sends SIGTERM, then SIGKILL after 3 s.
 */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  url: string,
): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}

/** Base port for a Playwright run; each worker adds its index (docs/conventions.md: 4100 + worker index). */
export function basePort(): number {
  return Number(process.env.E2E_BASE_PORT ?? 4100);
}
