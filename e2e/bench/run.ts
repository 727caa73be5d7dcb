// `npm run bench`: builds the app and the bench pages, starts the built-in server with the bench
// world, and runs every scenario in one Chromium session (same data for ours and the peers).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../playwright.config";
import { spawnServer } from "../support/server";
import { parseBenchArgs } from "./harness/args";
import { aggregate, formatComparison, formatMarkdown, formatTable } from "./harness/report";
import { waitForQuiet } from "./harness/quiet";
import { serveStatic } from "./harness/staticServer";
import type { BenchContext, ResultRow, Sample, Scenario } from "./harness/types";
import { buildHistoryScenario } from "./scenarios/buildHistory";
import { bundleScenario } from "./scenarios/bundle";
import { buildsOverviewScenario } from "./scenarios/buildsOverview";
import { coldLoadScenario } from "./scenarios/coldLoad";
import { logsScenario } from "./scenarios/logs";
import { notifyLatencyScenario } from "./scenarios/notifyLatency";
import { timingsScenario } from "./scenarios/timings";
import { watchLatencyScenario } from "./scenarios/watchLatency";
import { workspacePageScenario } from "./scenarios/workspacePage";

const SCENARIOS: Scenario[] = [
  bundleScenario,
  coldLoadScenario,
  watchLatencyScenario,
  notifyLatencyScenario,
  workspacePageScenario,
  logsScenario,
  timingsScenario,
  buildHistoryScenario,
  buildsOverviewScenario,
];
const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4900);

function build(): void {
  const vite = "node_modules/vite/bin/vite.js";
  execFileSync(process.execPath, [vite, "build", "--logLevel", "warn"], { stdio: "inherit" });
  execFileSync(process.execPath, [vite, "build", "--config", "e2e/bench/vite.bench.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
  });
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const scenarios = args.only.length ? SCENARIOS.filter((s) => args.only.includes(s.id)) : SCENARIOS;
  if (!args.skipBuild) build();

  const server = await spawnServer(BENCH_PORT, ["--world", "bench", "--seed", "1", "--speed", "1"]);
  const pages = await serveStatic("dist-bench");
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, "--js-flags=--expose-gc"],
  });
  const ctx: BenchContext = {
    browser,
    appUrl: server.url,
    pagesUrl: pages.url,
    quick: args.quick,
    async signedInContext(user) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: "en-US",
        timezoneId: "UTC",
      });
      const res = await context.request.post(`${server.url}/api/v2/users/login`, {
        data: { email: `${user}@example.com`, password: "coder-demo-1" },
      });
      if (res.status() !== 201) throw new Error(`bench sign-in as ${user} answered ${res.status()}`);
      return context;
    },
  };

  const rows: ResultRow[] = [];
  const failures: string[] = [];
  const chromiumVersion = browser.version();
  try {
    for (const scenario of scenarios) {
      const runs = scenario.singleRun ? 1 : args.runs;
      const samples: Sample[][] = [];
      process.stdout.write(`${scenario.title}: `);
      for (let i = 0; i < runs; i++) {
        await waitForQuiet();
        const outcome = await scenario.run(ctx);
        samples.push(outcome.samples);
        if (i === 0) failures.push(...(outcome.failures ?? []).map((f) => `${scenario.id}: ${f}`));
        process.stdout.write(".");
      }
      process.stdout.write("\n");
      rows.push(...aggregate(scenario, samples));
    }
  } finally {
    await browser.close();
    await pages.close();
    await server.stop();
  }

  console.log("\n" + formatTable(rows));
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", JSON.stringify(rows, null, 2) + "\n");
  // A quick smoke (CI) must not overwrite the committed report with one-run figures.
  if (!args.quick && args.only.length === 0) {
    writeFileSync(
      "bench-results/REPORT.md",
      formatMarkdown(rows, {
        date: new Date().toISOString().slice(0, 10),
        runs: args.runs,
        quick: args.quick,
        chromium: `Chromium ${chromiumVersion}`,
        failures,
      }),
    );
  }
  if (args.compare) {
    if (!existsSync(args.compare)) throw new Error(`no baseline at ${args.compare}`);
    console.log("\n" + formatComparison(rows, JSON.parse(readFileSync(args.compare, "utf8")) as ResultRow[]));
  }
  if (failures.length > 0) {
    console.error("\nBudget failures:\n" + failures.map((f) => `  - ${f}`).join("\n"));
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
