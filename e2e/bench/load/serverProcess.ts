// The built-in API server (`npm run server`) as a child process on loopback, so its memory can
// be read on its own (/proc/<pid>/status) while this process generates the load.
import { readFileSync } from "node:fs";
import path from "node:path";
import { startProcess } from "../../support/server";

export interface LoadServer {
  url: string;
  /** Resident set size in bytes (Linux /proc; null elsewhere). */
  rss(): number | null;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../../..");

export async function startLoadServer(port: number, flags: string[]): Promise<LoadServer> {
  const url = `http://127.0.0.1:${port}`;
  const args = [
    "--import",
    "tsx",
    path.join(root, "src/server/cli/server.ts"),
    "--port",
    String(port),
    "--host",
    "127.0.0.1",
    ...flags,
  ];
  const { child, stop } = await startProcess(args, { TZ: "UTC" }, url);
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
    stop,
  };
}
