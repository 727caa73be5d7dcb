import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Newest modification time under `p` (file or directory), ignoring the server's own sources. */
function newest(p: string, skip: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p)) {
    const child = path.join(p, entry);
    if (child === skip || entry === "node_modules") continue;
    max = Math.max(max, newest(child, skip));
  }
  return max;
}

/** dist/ is stale when missing or older than anything the browser bundle is built from. */
export function distIsStale(root: string, dist: string): boolean {
  const index = path.join(dist, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const inputs = ["src", "public", "index.html", "vite.config.ts", "package.json"].map((p) => path.join(root, p));
  const skip = path.join(root, "src", "server");
  return inputs.some((p) => newest(p, skip) > built);
}

export function buildDist(root: string, dist: string): void {
  process.stdout.write(`dist/ is missing or stale: running vite build…\n`);
  const vite = path.join(root, "node_modules", "vite", "bin", "vite.js");
  const res = spawnSync(process.execPath, [vite, "build", "--outDir", dist], { cwd: root, stdio: "inherit" });
  if (res.status !== 0) {
    process.stderr.write("vite build failed\n");
    process.exit(res.status ?? 1);
  }
}
