// Load check (issue 11), not part of `npm test`: `npx tsx e2e/bench/load.ts [--seconds 60]`.
// Against a built-in server on loopback: 200 watch-ws clients, 50 build-log followers and 20 list
// queries a second for 60 s while builds run (a driver starts/stops its own workspaces; ambient
// builds run elsewhere). Reports latency percentiles, errors (goal 0), the server's RSS, and
// whether every follower received every log line of its build exactly once. Exit code 1 when a
// goal is missed.
import { writeFileSync } from "node:fs";
import type { Workspace, WorkspacesResponse } from "../../src/api/types";
import { LoadApi } from "./load/api";
import { parseLoadArgs, type LoadArgs } from "./load/args";
import { follow, listQueries, watch } from "./load/clients";
import { BuildDriver } from "./load/driver";
import { Metrics } from "./load/metrics";
import { formatLoadReport, loadReport, type LoadReport } from "./load/report";
import { startLoadServer } from "./load/serverProcess";

const SERVER_FLAGS = ["--speed", "10", "--ambient", "on", "--provisioners", "8"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(50);
}

async function run(args: LoadArgs): Promise<LoadReport> {
  const server = await startLoadServer(args.port, SERVER_FLAGS);
  const metrics = new Metrics();
  const rssTimer = setInterval(() => {
    const rss = server.rss();
    if (rss !== null) metrics.rss.push(rss);
  }, 1000);
  try {
    const api = await LoadApi.login(server.url, "admin");
    const driver = await BuildDriver.start(api, metrics, args.builders);
    const { workspaces } = await api.json<WorkspacesResponse>("GET", "/workspaces?q=&limit=0");
    // Half the watchers on the driver's workspaces (they change all the time), half spread over the rest.
    const others = workspaces.filter((w: Workspace) => !driver.workspaceIds.includes(w.id)).map((w) => w.id);
    const sightings = new Map<string, number[]>();
    const watchers = Array.from({ length: args.watchers }, (_, i) => {
      const id = i % 2 === 0 ? driver.workspaceIds[(i / 2) % driver.workspaceIds.length] : others[i % others.length];
      return {
        id,
        client: watch(api, id, metrics, (_ws, buildId, at) =>
          sightings.set(buildId, [...(sightings.get(buildId) ?? []), at]),
        ),
      };
    });

    // Fan-out is measured for builds requested once every watcher is connected.
    await waitFor(
      () => (metrics.summaries()["watch-ws handshake"]?.count ?? 0) + metrics.errorCount >= args.watchers,
      30_000,
    );
    const measuredFrom = performance.now();
    const end = performance.now() + args.seconds * 1000;
    const stopList = listQueries(api, args.rate, metrics);
    const followers = Array.from({ length: args.followers }, async (_, i) => {
      for (let round = 0; performance.now() < end; round++) {
        const active = driver.active();
        if (active.length === 0) {
          await sleep(50);
          continue;
        }
        await follow(api, active[(i + round) % active.length].id, metrics);
      }
    });
    await sleep(args.seconds * 1000);
    driver.stop();
    await stopList();
    // Followers finish the build they are on (it completes by itself within seconds).
    await Promise.race([Promise.all(followers), sleep(30_000)]);
    await sleep(500);
    for (const w of watchers) w.client.close();
    driver.close();

    // Fan-out: every watcher of a driver workspace saw each of its builds; time from the request.
    const watchersOf = (wsId: string) => watchers.filter((w) => w.id === wsId).length;
    for (const b of driver.builds.filter((x) => x.sentAt > measuredFrom)) {
      const seen = sightings.get(b.id) ?? [];
      for (const at of seen) metrics.latency("watch: build request → watcher sees it", Math.max(0, at - b.sentAt));
      const missed = watchersOf(b.workspaceId) - seen.length;
      if (missed > 0) metrics.error("watcher missed a build", `${b.id}: ${missed}`);
    }
    return loadReport(args, SERVER_FLAGS, metrics);
  } finally {
    clearInterval(rssTimer);
    await server.stop();
  }
}

const args = parseLoadArgs(process.argv.slice(2));
const report = await run(args);
process.stdout.write(formatLoadReport(report));
if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
process.exit(report.pass ? 0 : 1);
