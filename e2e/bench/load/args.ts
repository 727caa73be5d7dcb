// Flags of `npx tsx e2e/bench/load.ts`. Counts and duration are bounded: this is a load check
// for loopback, not a stress tool.

export interface LoadArgs {
  seconds: number;
  watchers: number;
  followers: number;
  /** List queries per second. */
  rate: number;
  port: number;
  /** Workspaces the driver keeps building (start/stop in turn). */
  builders: number;
  /** Write the report as JSON here too. */
  json: string | null;
}

export const DEFAULT_LOAD_ARGS: LoadArgs = {
  seconds: 60,
  watchers: 200,
  followers: 50,
  rate: 20,
  port: 4890,
  builders: 12,
  json: null,
};

const LIMITS: Record<Exclude<keyof LoadArgs, "json">, [number, number]> = {
  seconds: [1, 600],
  watchers: [0, 1000],
  followers: [0, 200],
  rate: [0, 200],
  port: [1024, 65535],
  builders: [1, 50],
};

export function parseLoadArgs(argv: string[]): LoadArgs {
  const out: LoadArgs = { ...DEFAULT_LOAD_ARGS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const key = flag.replace(/^--/, "") as keyof LoadArgs;
    if (!flag.startsWith("--") || !(key in out))
      throw new Error(`unknown flag ${arg} (--seconds --watchers --followers --rate --port --builders --json)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (key === "json") {
      out.json = value;
      continue;
    }
    const n = Number(value);
    const [min, max] = LIMITS[key];
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`${flag}: expected an integer in ${min}..${max}, got ${value}`);
    out[key] = n;
  }
  return out;
}
