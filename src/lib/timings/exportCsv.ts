import type { TimingTree } from "./types";

const COLUMNS = [
  "stage",
  "kind",
  "name",
  "action",
  "source",
  "agent",
  "status",
  "script_status",
  "exit_code",
  "start_offset_ms",
  "duration_ms",
  "started_at",
  "ended_at",
  "running",
] as const;

/** One row per item, offsets from the build start; RFC 4180 quoting. */
export function toCsv(tree: TimingTree): string {
  const lines = [COLUMNS.join(",")];
  for (const stage of tree.stages) {
    for (const i of stage.items) {
      lines.push(
        [
          i.stage,
          i.kind,
          i.name,
          i.action ?? "",
          i.source ?? "",
          i.agentName ?? "",
          i.status,
          i.scriptStatus ?? "",
          i.exitCode ?? "",
          Math.round(i.start - tree.start),
          Math.round(i.duration),
          new Date(i.start).toISOString(),
          i.running ? "" : new Date(i.end).toISOString(),
          i.running ? "true" : "false",
        ]
          .map(cell)
          .join(","),
      );
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/**
 * Quotes when needed, and defuses text a spreadsheet would run as a formula (a resource name is
 * user-controlled Terraform input).
 */
function cell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
