import type { BarStatus, TimingItem, TimingStage, TimingTree } from "../../lib/timings";

export type SortOrder = "start" | "duration";

export interface ChartRow {
  /** The stage id for a stage row, the item id for an item row. */
  id: string;
  kind: "stage" | "item";
  stage: TimingStage;
  item?: TimingItem;
  name: string;
  start: number;
  end: number;
  status: BarStatus;
  running: boolean;
  provisional: boolean;
}

export interface RowOptions {
  expanded: ReadonlySet<string>;
  /** Case-insensitive text matched against name, action, source and agent. */
  filter?: string;
  sort?: SortOrder;
}

export interface RowList {
  rows: ChartRow[];
  /** Items matching the filter (all items without one). */
  matches: number;
}

/**
 * The rows the chart shows, top to bottom: each stage, followed by its items when expanded.
 * A filter shows only matching items and opens their stages, so a match is never hidden.
 */
export function chartRows(tree: TimingTree, { expanded, filter = "", sort = "start" }: RowOptions): RowList {
  const needle = filter.trim().toLowerCase();
  const rows: ChartRow[] = [];
  let matches = 0;
  for (const stage of tree.stages) {
    const items = needle ? stage.items.filter((i) => matchesFilter(i, needle)) : stage.items;
    matches += items.length;
    if (needle && items.length === 0) continue;
    rows.push({
      id: stage.id,
      kind: "stage",
      stage,
      name: stage.label,
      start: stage.start,
      end: stage.end,
      status: stage.status,
      running: stage.running,
      provisional: stage.provisional,
    });
    if (!needle && !expanded.has(stage.id)) continue;
    const ordered =
      sort === "duration" ? [...items].sort((a, b) => b.duration - a.duration || a.start - b.start) : items;
    for (const item of ordered) {
      rows.push({
        id: item.id,
        kind: "item",
        stage,
        item,
        name: item.name,
        start: item.start,
        end: item.end,
        status: item.status,
        running: item.running,
        provisional: item.provisional,
      });
    }
  }
  return { rows, matches };
}

function matchesFilter(item: TimingItem, needle: string): boolean {
  return [item.name, item.action, item.source, item.agentName].some(
    (f) => f !== undefined && f.toLowerCase().includes(needle),
  );
}

/** The `n` longest items, longest first. */
export function slowestItems(tree: TimingTree, n = 10): TimingItem[] {
  // A running top-n instead of sorting every item: n is tiny and trees can hold thousands.
  const top: TimingItem[] = [];
  const before = (a: TimingItem, b: TimingItem) => b.duration - a.duration || a.start - b.start;
  for (const item of tree.items) {
    if (top.length === n && before(item, top[n - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && before(item, top[i - 1]) < 0) i--;
    top.splice(i, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}
