// What the load run measures: latencies by kind, errors by kind, follower verdicts, server RSS.
import { percentile } from "../harness/stats";

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface FollowVerdict {
  buildId: string;
  received: number;
  expected: number;
  missing: number;
  /** Ids the server's log does not have. */
  unexpected: number;
  duplicated: number;
  outOfOrder: number;
}

export class Metrics {
  private readonly latencies = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly errorSamples: string[] = [];
  readonly verdicts: FollowVerdict[] = [];
  readonly rss: number[] = [];
  counters = { watchMessages: 0, watchData: 0, followLines: 0, builds: 0 };

  latency(kind: string, ms: number): void {
    let list = this.latencies.get(kind);
    if (!list) this.latencies.set(kind, (list = []));
    list.push(ms);
  }

  error(kind: string, detail: string): void {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    if (this.errorSamples.length < 20) this.errorSamples.push(`${kind}: ${detail}`);
  }

  summaries(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    for (const [kind, values] of this.latencies) {
      if (values.length === 0) continue;
      out[kind] = {
        count: values.length,
        p50: percentile(values, 0.5),
        p95: percentile(values, 0.95),
        p99: percentile(values, 0.99),
        max: Math.max(...values),
      };
    }
    return out;
  }

  get errorCount(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }
}

/** Compares the ids a follower received with the server's log of the finished build. */
export function judgeFollow(buildId: string, received: readonly number[], expected: readonly number[]): FollowVerdict {
  const want = new Set(expected);
  const seen = new Set<number>();
  let duplicated = 0;
  let outOfOrder = 0;
  for (let i = 0; i < received.length; i++) {
    if (seen.has(received[i])) duplicated++;
    seen.add(received[i]);
    if (i > 0 && received[i] <= received[i - 1]) outOfOrder++;
  }
  let missing = 0;
  for (const id of want) if (!seen.has(id)) missing++;
  const unexpected = [...seen].filter((id) => !want.has(id)).length;
  return { buildId, received: received.length, expected: expected.length, missing, unexpected, duplicated, outOfOrder };
}
