import type {
  AgentConnectionTiming,
  AgentScriptTiming,
  ProvisionerTiming,
  WorkspaceBuildTimings,
} from "../../api/types";
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
export function buildTimingTree(
  timings: Partial<WorkspaceBuildTimings> | null | undefined,
  options: TreeOptions = {},
): TimingTree {
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
  // One sort of all items; grouping them afterwards keeps each stage's list in the same order.
  const items = usable.map((d, i) => toItem(d, keys[i], now)).sort(byStartThenEnd);
  const byStage = new Map<string, TimingItem[]>();
  for (const item of items) {
    const list = byStage.get(item.stage);
    if (list) list.push(item);
    else byStage.set(item.stage, [item]);
  }

  const stages: TimingStage[] = [];
  for (const [id, list] of byStage) stages.push(stageOf(id, list));
  stages.sort((a, b) => a.start - b.start || stageMeta(a.id).order - stageMeta(b.id).order || (a.id < b.id ? -1 : 1));

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
export function assignKeys(drafts: ReadonlyArray<ItemDraft & { start: number }>): string[] {
  const base = drafts.map((d) => (d.kind === "script" && d.agentName ? `${d.agentName}: ${d.name}` : d.name));
  const keys = base.slice();
  const duplicates = indicesSharingKey(drafts, base);
  if (duplicates.length === 0) return keys;

  for (const group of duplicates)
    for (const i of group) if (drafts[i].action) keys[i] = `${base[i]} (${drafts[i].action})`;
  // Ordinals follow start order so "#2" means the later of two identical entries.
  for (const group of indicesSharingKey(drafts, keys)) {
    group.sort((a, b) => drafts[a].start - drafts[b].start || a - b);
    group.forEach((i, n) => {
      if (n > 0) keys[i] = `${keys[i]} #${n + 1}`;
    });
  }
  return keys;
}

/** Groups of draft indices with the same stage and key (only groups of two or more). */
function indicesSharingKey(drafts: ReadonlyArray<ItemDraft>, keys: readonly string[]): number[][] {
  const byStage = new Map<string, Map<string, number[]>>();
  keys.forEach((key, i) => {
    let stage = byStage.get(drafts[i].stage);
    if (!stage) byStage.set(drafts[i].stage, (stage = new Map()));
    const list = stage.get(key);
    if (list) list.push(i);
    else stage.set(key, [i]);
  });
  const groups: number[][] = [];
  for (const stage of byStage.values()) for (const list of stage.values()) if (list.length > 1) groups.push(list);
  return groups;
}

function byStartThenEnd(a: TimingItem, b: TimingItem): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
