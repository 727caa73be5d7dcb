import type { AgentConnectionTiming, AgentScriptTiming, ProvisionerTiming, WorkspaceBuildTimings } from "../../api/types";
import { stageMeta } from "./stages";
import { parseTimingTime } from "./time";
import type { BarStatus, ItemDraft, TimingItem, TimingStage, TimingTree } from "./types";

const FAILED_SCRIPT_STATUSES = new Set(["exit_failure", "timed_out"]);
const ATTENTION_SCRIPT_STATUSES = new Set(["pipes_left_open"]);

export function provisionerDraft(t: ProvisionerTiming): ItemDraft {
  return {
    stage: t.stage || "other",
    kind: "resource",
    name: t.resource || t.action || "resource",
    action: t.action || undefined,
    source: t.source || undefined,
    start: parseTimingTime(t.started_at),
    end: parseTimingTime(t.ended_at),
  };
}

export function scriptDraft(t: AgentScriptTiming): ItemDraft {
  return {
    stage: t.stage || "start",
    kind: "script",
    name: t.display_name || "script",
    agentId: t.workspace_agent_id || undefined,
    agentName: t.workspace_agent_name || undefined,
    scriptStatus: t.status || undefined,
    exitCode: typeof t.exit_code === "number" ? t.exit_code : undefined,
    start: parseTimingTime(t.started_at),
    end: parseTimingTime(t.ended_at),
  };
}

export function connectionDraft(t: AgentConnectionTiming): ItemDraft {
  const agent = t.workspace_agent_name || t.workspace_agent_id || "agent";
  return {
    stage: t.stage || "connect",
    kind: "connection",
    name: agent,
    agentId: t.workspace_agent_id || undefined,
    agentName: t.workspace_agent_name || undefined,
    start: parseTimingTime(t.started_at),
    end: parseTimingTime(t.ended_at),
  };
}

/** Every entry of a timings response as drafts; absent arrays (older servers) count as empty. */
export function draftsOf(timings: Partial<WorkspaceBuildTimings> | null | undefined): ItemDraft[] {
  if (!timings) return [];
  return [
    ...(timings.provisioner_timings ?? []).map(provisionerDraft),
    ...(timings.agent_connection_timings ?? []).map(connectionDraft),
    ...(timings.agent_script_timings ?? []).map(scriptDraft),
  ];
}

export interface TreeOptions {
  /** End of items that have not ended yet. */
  now?: number;
}

/** The tree of a timings response (`GET /workspacebuilds/{id}/timings`). */
export function buildTimingTree(timings: Partial<WorkspaceBuildTimings> | null | undefined, options: TreeOptions = {}): TimingTree {
  return treeFromDrafts(draftsOf(timings), options);
}

export function treeFromDrafts(drafts: readonly ItemDraft[], { now = Date.now() }: TreeOptions = {}): TimingTree {
  let skipped = 0;
  const usable: Array<ItemDraft & { start: number }> = [];
  for (const d of drafts) {
    if (d.start === undefined) skipped++;
    else usable.push(d as ItemDraft & { start: number });
  }
  const keys = assignKeys(usable);
  const byStage = new Map<string, TimingItem[]>();
  usable.forEach((d, i) => {
    const item = toItem(d, keys[i], now);
    const list = byStage.get(item.stage);
    if (list) list.push(item);
    else byStage.set(item.stage, [item]);
  });

  const stages: TimingStage[] = [];
  for (const [id, items] of byStage) {
    items.sort(byStartThenEnd);
    stages.push(stageOf(id, items));
  }
  stages.sort((a, b) => a.start - b.start || stageMeta(a.id).order - stageMeta(b.id).order || a.id.localeCompare(b.id));

  const items = stages.flatMap((s) => s.items).sort(byStartThenEnd);
  const start = stages.length ? Math.min(...stages.map((s) => s.start)) : 0;
  const end = stages.length ? Math.max(...stages.map((s) => s.end)) : 0;
  return { start, end, duration: end - start, stages, items, running: stages.some((s) => s.running), skipped };
}

function toItem(d: ItemDraft & { start: number }, key: string, now: number): TimingItem {
  const running = d.end === undefined;
  // A clock skew can put an end before its start; a bar cannot be negative.
  const end = Math.max(d.start, running ? Math.max(now, d.start) : (d.end as number));
  return {
    id: `${d.stage}/${key}`,
    key,
    stage: d.stage,
    kind: d.kind,
    name: d.name,
    action: d.action,
    source: d.source,
    agentId: d.agentId,
    agentName: d.agentName,
    scriptStatus: d.scriptStatus,
    exitCode: d.exitCode,
    status: statusOf(d, running),
    start: d.start,
    end,
    duration: end - d.start,
    running,
    provisional: d.provisional ?? false,
  };
}

function statusOf(d: ItemDraft, running: boolean): BarStatus {
  if (d.failed) return "failed";
  if (d.scriptStatus && FAILED_SCRIPT_STATUSES.has(d.scriptStatus)) return "failed";
  if (!d.scriptStatus && d.kind === "script" && d.exitCode !== undefined && d.exitCode !== 0) return "failed";
  if (running) return "running";
  if (d.scriptStatus && ATTENTION_SCRIPT_STATUSES.has(d.scriptStatus)) return "attention";
  return "ok";
}

const STATUS_RANK: Record<BarStatus, number> = { ok: 0, attention: 1, running: 2, failed: 3 };

function stageOf(id: string, items: TimingItem[]): TimingStage {
  const meta = stageMeta(id);
  let start = Infinity;
  let end = -Infinity;
  let status: BarStatus = "ok";
  for (const it of items) {
    if (it.start < start) start = it.start;
    if (it.end > end) end = it.end;
    if (STATUS_RANK[it.status] > STATUS_RANK[status]) status = it.status;
  }
  return {
    id,
    label: meta.label,
    group: meta.group,
    hue: meta.hue,
    start,
    end,
    duration: end - start,
    status,
    running: items.some((i) => i.running),
    provisional: items.every((i) => i.provisional),
    items,
  };
}

/**
 * Keys that stay the same between two builds of one template: the resource address (or agent +
 * script name). The same resource can appear twice in a stage (delete then create on replace),
 * so duplicates add their action, then an ordinal.
 */
function assignKeys(drafts: ReadonlyArray<ItemDraft & { start: number }>): string[] {
  const base = drafts.map((d) => (d.kind === "script" && d.agentName ? `${d.agentName}: ${d.name}` : d.name));
  const count = new Map<string, number>();
  drafts.forEach((d, i) => {
    const k = `${d.stage}\u0000${base[i]}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  });
  const withAction = drafts.map((d, i) => (count.get(`${d.stage}\u0000${base[i]}`)! > 1 && d.action ? `${base[i]} (${d.action})` : base[i]));

  // Ordinals follow start order so "#2" means the later of two identical entries.
  const order = drafts.map((_, i) => i).sort((a, b) => drafts[a].start - drafts[b].start || a - b);
  const seen = new Map<string, number>();
  const keys = new Array<string>(drafts.length);
  for (const i of order) {
    const k = `${drafts[i].stage}\u0000${withAction[i]}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    keys[i] = n === 1 ? withAction[i] : `${withAction[i]} #${n}`;
  }
  return keys;
}

function byStartThenEnd(a: TimingItem, b: TimingItem): number {
  return a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
}
