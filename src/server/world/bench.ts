import type { UserRecord } from "../store/records";
import type { WorldBuilder } from "./builder";
import { buildDemoWorld } from "./demo";

const TEMPLATE_NAMES = ["docker", "kubernetes", "aws-linux"] as const;

/**
 * The demo world plus volume for benchmarks: 1,000 workspaces in all, one with 1,000 builds,
 * 200 with 50 builds, a build with 5,000 timing rows, builds with 100k- and 20k-line logs.
 */
export function buildBenchWorld(w: WorldBuilder): void {
  const demoUsers = buildDemoWorld(w);
  const owners: UserRecord[] = [demoUsers.alice, demoUsers.bob, demoUsers.carol, demoUsers.dave];
  for (let i = 1; i <= 20; i++) owners.push(w.user(`user${String(i).padStart(2, "0")}`, `Bench User ${i}`, false));
  const templates = new Map(
    [...w.store.templates.values()].map((t) => [
      t.name,
      {
        template: t,
        versions: [...w.store.versions.values()]
          .filter((v) => v.template_id === t.id)
          .sort((a, b) => a.name.localeCompare(b.name)),
      },
    ]),
  );
  const special = (
    name: string,
    builds: number,
    bench?: { logLines?: number; timingItems?: number },
    benchPrev?: { logLines?: number },
  ) => {
    const { template, versions } = templates.get("kubernetes")!;
    const ws = w.workspace(demoUsers.alice, template, name);
    const list = w.history(ws, versions, builds, { transition: "start", outcome: "succeeded" }, [demoUsers.alice]);
    if (bench) list[list.length - 1].bench = bench;
    if (benchPrev && list.length > 1) list[list.length - 2].bench = benchPrev;
  };
  special("thousand-builds", 1000);
  special("big-logs", 6, { logLines: 100_000 }, { logLines: 20_000 });
  special("big-timings", 24, { timingItems: 5_000 });
  // Its earlier successful starts have the same 5,000 rows: the history its timings baseline is made of.
  const bigTimings = [...w.store.workspaces.values()].find((ws) => ws.name === "big-timings")!;
  for (const b of w.store.buildsOf(bigTimings.id))
    if (b.transition === "start" && b.outcome === "succeeded") b.bench = { timingItems: 5_000 };
  const remaining = 1000 - w.store.workspaces.size;
  for (let i = 0; i < remaining; i++) {
    const owner = owners[i % owners.length];
    const tname = TEMPLATE_NAMES[i % 3];
    const { template, versions } = templates.get(tname)!;
    const ws = w.workspace(owner, template, `bench-${String(i + 1).padStart(4, "0")}`, { ambient: true });
    const r = w.rng.next();
    w.history(
      ws,
      versions,
      i < 200 ? 50 : 5,
      r < 0.55
        ? { transition: "start", outcome: "succeeded" }
        : r < 0.9
          ? { transition: "stop", outcome: "succeeded" }
          : { transition: "start", outcome: "failed" },
      [owner],
    );
  }
}
