// Plain-text export (download, copy): ANSI removed, one output line per log line.

import { stripAnsi } from "./ansi";
import { levelName } from "./levels";
import { yieldToMain } from "./search";
import type { LogStore } from "./store";

/** `2024-05-01T10:00:00.000Z [info] [Planning infrastructure] Terraform v1.9.0` */
export function formatExportLine(store: LogStore, line: number): string {
  const t = store.time(line);
  const stamp = Number.isNaN(t) ? "-" : new Date(t).toISOString();
  const group = store.groups[store.groupOf(line)];
  return `${stamp} [${levelName(store.level(line))}] [${group.name}] ${stripAnsi(store.text(line))}`;
}

/** The visible text of lines [from, to] (0-based, inclusive), for the clipboard. */
export function copyText(store: LogStore, from: number, to: number): string {
  const out: string[] = [];
  for (let i = Math.max(0, from); i <= Math.min(to, store.length - 1); i++) out.push(stripAnsi(store.text(i)));
  return out.join("\n");
}

/**
 * The whole log as text parts (each ends with a newline) ready for a Blob, built in slices so
 * a million lines do not freeze the page. `include` limits it (e.g. one agent source).
 */
export async function exportLog(
  store: LogStore,
  include?: (line: number) => boolean,
  sliceLines = 20_000,
): Promise<string[]> {
  const parts: string[] = [];
  const end = store.length;
  for (let from = 0; from < end; from += sliceLines) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(end, from + sliceLines); i++)
      if (!include || include(i)) lines.push(formatExportLine(store, i));
    if (lines.length > 0) parts.push(lines.join("\n") + "\n");
    if (from + sliceLines < end) await yieldToMain();
  }
  return parts;
}
