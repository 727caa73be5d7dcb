// The load run's figures as a table (stdout) and JSON, and whether the goals were met.
import type { LoadArgs } from "./args";
import type { LatencySummary, Metrics } from "./metrics";

export interface LoadReport {
  args: LoadArgs;
  serverFlags: string[];
  latency: Record<string, LatencySummary>;
  errors: Record<string, number>;
  errorSamples: string[];
  counters: Metrics["counters"];
  rssMb: { start: number; max: number; end: number } | null;
  followers: {
    sessions: number;
    builds: number;
    lines: number;
    missing: number;
    unexpected: number;
    duplicated: number;
    outOfOrder: number;
  };
  pass: boolean;
}

const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;

export function loadReport(args: LoadArgs, serverFlags: string[], metrics: Metrics): LoadReport {
  const v = metrics.verdicts;
  const followers = {
    sessions: v.length,
    builds: new Set(v.map((x) => x.buildId)).size,
    lines: v.reduce((s, x) => s + x.received, 0),
    missing: v.reduce((s, x) => s + x.missing, 0),
    unexpected: v.reduce((s, x) => s + x.unexpected, 0),
    duplicated: v.reduce((s, x) => s + x.duplicated, 0),
    outOfOrder: v.reduce((s, x) => s + x.outOfOrder, 0),
  };
  const rss = metrics.rss;
  const exactlyOnce = followers.missing + followers.unexpected + followers.duplicated + followers.outOfOrder === 0;
  return {
    args,
    serverFlags,
    latency: metrics.summaries(),
    errors: Object.fromEntries(metrics.errors),
    errorSamples: metrics.errorSamples,
    counters: metrics.counters,
    rssMb: rss.length ? { start: mb(rss[0]), max: mb(Math.max(...rss)), end: mb(rss[rss.length - 1]) } : null,
    followers,
    pass: metrics.errorCount === 0 && exactlyOnce && (args.followers === 0 || followers.sessions > 0),
  };
}

export function formatLoadReport(r: LoadReport): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
  const rows = Object.entries(r.latency).map(
    ([kind, s]) =>
      `  ${kind.padEnd(42)} ${String(s.count).padStart(7)} ${ms(s.p50)} ${ms(s.p95)} ${ms(s.p99)} ${ms(s.max)}`,
  );
  const errors = Object.entries(r.errors);
  const f = r.followers;
  return [
    `Load: ${r.args.seconds} s on loopback, ${r.args.watchers} watch-ws clients, ${r.args.followers} build-log followers, ${r.args.rate} list queries/s, ${r.args.builders} workspaces building (server ${r.serverFlags.join(" ")})`,
    "",
    `  ${"latency".padEnd(42)} ${"count".padStart(7)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"max".padStart(10)}`,
    ...rows,
    "",
    `  errors: ${errors.length === 0 ? "0" : errors.map(([k, n]) => `${k} ${n}`).join(", ")}`,
    ...r.errorSamples.map((s) => `    ${s}`),
    `  builds started: ${r.counters.builds}; watch messages: ${r.counters.watchMessages} (${r.counters.watchData} data); log lines followed: ${r.counters.followLines}`,
    `  server RSS: ${r.rssMb ? `start ${r.rssMb.start} MB, max ${r.rssMb.max} MB, end ${r.rssMb.end} MB` : "n/a (no /proc)"}`,
    `  followers: ${f.sessions} follow sessions over ${f.builds} builds, ${f.lines} lines — missing ${f.missing}, unexpected ${f.unexpected}, duplicated ${f.duplicated}, out of order ${f.outOfOrder}`,
    `  result: ${r.pass ? "PASS (0 errors, every follower got every line exactly once)" : "FAIL"}`,
    "",
  ].join("\n");
}
