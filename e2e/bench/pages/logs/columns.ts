import type { LogStore } from "../../../../src/lib/logs/store";
import { STAGES, type LogColumns } from "./generate";

/** Feeds generated columns to a store in batches (as a stream handler would). */
export function appendColumns(store: LogStore, cols: LogColumns, batch = 10_000): void {
  for (let from = 0; from < cols.count; from += batch) {
    const to = Math.min(cols.count, from + batch);
    const lines = new Array(to - from);
    for (let i = from; i < to; i++)
      lines[i - from] = {
        text: cols.texts[i],
        time: cols.times[i],
        level: cols.levels[i],
        group: STAGES[cols.stages[i]],
      };
    store.append(lines);
  }
}
