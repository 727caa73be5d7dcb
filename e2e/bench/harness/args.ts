export interface BenchArgs {
  runs: number;
  quick: boolean;
  compare: string | null;
  only: string[];
  skipBuild: boolean;
}

/** `--runs N`, `--quick`, `--compare baseline.json`, `--only a,b`, `--skip-build`. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { runs: 5, quick: false, compare: null, only: [], skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--runs") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error("--runs takes a whole number ≥ 1");
      args.runs = n;
    } else if (a === "--quick") args.quick = true;
    else if (a === "--compare") args.compare = value();
    else if (a === "--only") args.only = value().split(",").filter(Boolean);
    else if (a === "--skip-build") args.skipBuild = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}
