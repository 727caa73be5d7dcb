// The built-in API server (`npm run server`) as a child process on loopback, so its memory can
// be read on its own (/proc/<pid>/status) while this process generates the load.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

export interface LoadServer {
  url: string;
  /** Resident set size in bytes (Linux /proc; null elsewhere). */
  rss(): number | null;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../../..");

export async function startLoadServer(port: number, flags: string[]): Promise<LoadServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(root, "src/server/cli/server.ts"), "--port", String(port), "--host", "127.0.0.1", ...flags], {
    cwd: root,
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server not healthy on ${url}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    rss() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        return m ? Number(m[1]) * 1024 : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
      }),
  };
}
