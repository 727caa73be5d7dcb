// The whole log of a finished job, serialized once. A finished job's log never changes, and
// serializing a 100k-line log (~27 MB of JSON with Go's escaping) takes this server about half a
// second of JavaScript on every read, a cost real Coder (Go, rows from Postgres) does not have:
// without this the built-in server, not the dashboard, would dominate a long log's load time.
import { goJson } from "../util/json";

/** Finished logs kept; a few are enough for the pages people have open at once. */
const KEPT = 4;

export class SerializedLogs {
  private readonly kept = new Map<string, string>();

  /** `logs` serialized; cached under `key` (build id and line count) while it is among the last few used. */
  json(key: string, logs: readonly unknown[]): string {
    const hit = this.kept.get(key);
    if (hit !== undefined) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const text = goJson(logs);
    this.kept.set(key, text);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return text;
  }
}
