import type { Browser, BrowserContext } from "@playwright/test";

export type Unit = "ms" | "KB" | "MB" | "count" | "%" | "×";

/** One measured value of one run. `variant` is "ours" or the name of a peer on the same data. */
export interface Sample {
  metric: string;
  variant: string;
  value: number;
  unit: Unit;
}

export interface RunOutcome {
  samples: Sample[];
  /** Budget breaches that fail the bench run (never the tests). */
  failures?: string[];
}

export interface BenchContext {
  browser: Browser;
  /** The dashboard server (built app + built-in API, `--world bench`). */
  appUrl: string;
  /** Static server for the bench-only pages built into dist-bench/. */
  pagesUrl: string;
  quick: boolean;
  /** A fresh browser context signed in as `user` (cold cache, own cookies). */
  signedInContext(user: "admin" | "alice"): Promise<BrowserContext>;
}

export interface Scenario {
  id: string;
  title: string;
  /** Metric → goal, lower is better (from the issue or docs/bench.md). */
  goals?: Record<string, number>;
  /** Deterministic scenarios (bundle sizes) need one run only. */
  singleRun?: boolean;
  run(ctx: BenchContext): Promise<RunOutcome>;
}

export interface ResultRow {
  scenario: string;
  metric: string;
  variant: string;
  unit: Unit;
  value: number;
  min: number;
  max: number;
  runs: number;
  goal?: number;
  /** On "ours" rows: each peer's median on the same data and peer ÷ ours. */
  /** ratio = peer ÷ ours; null when ours is 0. */
  peers?: Array<{ variant: string; value: number; ratio: number | null }>;
}
