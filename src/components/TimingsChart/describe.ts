import { formatDuration } from "../../lib/format";
import { formatTick, stageMeta, verdictLabel, type Verdict } from "../../lib/timings";
import { barEnd } from "./hitTest";
import type { ChartRow } from "./rows";

export interface RowFact {
  label: string;
  value: string;
}

const KIND_LABEL = {
  resource: "Resource",
  script: "Script",
  connection: "Agent connection",
  phase: "Log phase",
} as const;

/** Status words for a bar (docs/design.md: never colour alone). */
export function statusText(row: ChartRow): string {
  const item = row.item;
  if (item?.scriptStatus === "timed_out") return "Timed out";
  if (row.status === "failed")
    return item?.exitCode !== undefined && item.kind === "script" ? `Failed (exit ${item.exitCode})` : "Failed";
  if (row.running) return "Running";
  if (item?.scriptStatus === "pipes_left_open") return "Pipes left open";
  return "OK";
}

/** What the tooltip and the screen-reader announcement say about a bar. */
export function rowFacts(row: ChartRow, buildStart: number, now: number, verdict?: Verdict): RowFact[] {
  const facts: RowFact[] = [];
  const item = row.item;
  facts.push({ label: "Stage", value: `${stageMeta(row.stage.id).label}` });
  if (item) {
    facts.push({ label: "Kind", value: KIND_LABEL[item.kind] });
    if (item.action) facts.push({ label: "Action", value: item.action });
    if (item.source) facts.push({ label: "Source", value: item.source });
    if (item.agentName) facts.push({ label: "Agent", value: item.agentName });
  } else {
    facts.push({ label: "Items", value: String(row.stage.items.length) });
  }
  facts.push({ label: "Starts at", value: `+${formatTick(row.start - buildStart, 1000)}` });
  facts.push({ label: "Duration", value: formatDuration(barEnd(row, now) - row.start) });
  facts.push({ label: "Status", value: statusText(row) });
  if (verdict) {
    const { median, p90, samples } = verdict.typical;
    const usual = `${formatDuration(median)} (p90 ${formatDuration(p90)}, ${samples} build${samples === 1 ? "" : "s"})`;
    facts.push({ label: "Usually", value: verdict.slow ? `${usual}: ${verdictLabel(verdict)}` : usual });
  }
  if (row.provisional)
    facts.push({ label: "Note", value: "Provisional, from the build log; real timings arrive when the job completes" });
  return facts;
}

export function rowSummary(row: ChartRow, buildStart: number, now: number, verdict?: Verdict): string {
  return [row.name, ...rowFacts(row, buildStart, now, verdict).map((f) => `${f.label} ${f.value}`)].join(", ");
}
