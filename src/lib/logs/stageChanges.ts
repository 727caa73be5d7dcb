// What the timings need from a build log held in a LogStore, read without copying its lines.
import type { ProvisionerJobLog } from "../../api/types";
import type { LogStore } from "./store";

/**
 * One stand-in log per stage run (its first line's time): all the provisional timing bars need,
 * since they are drawn from `stage` changes.
 */
export function stageChanges(store: LogStore): ProvisionerJobLog[] {
  return store.groups.map((g, i) => ({
    id: i + 1,
    created_at: new Date(Number.isNaN(g.firstTime) ? 0 : g.firstTime).toISOString(),
    log_source: "provisioner",
    log_level: "info",
    stage: g.key,
    output: "",
  }));
}

/** First line (1-based) logged at or after `ms`, undefined when none is (yet). */
export function firstLineAtOrAfter(store: LogStore, ms: number): number | undefined {
  for (let i = 0; i < store.length; i++) if (store.time(i) >= ms) return i + 1;
  return undefined;
}

/** Same, or the last line when none is: where to jump from a timing bar; undefined for an empty log. */
export function lineAtOrAfter(store: LogStore, ms: number): number | undefined {
  return firstLineAtOrAfter(store, ms) ?? (store.length > 0 ? store.length : undefined);
}
