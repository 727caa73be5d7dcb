// A build's parameters next to the previous build's, so the Parameters tab can say what changed.
import type { WorkspaceBuildParameter } from "../../api/types";

export type ParameterChange = "unchanged" | "changed" | "added" | "removed" | "unknown";

export interface ParameterRow {
  name: string;
  /** Undefined for a parameter the previous build had and this one does not. */
  value: string | undefined;
  previous: string | undefined;
  change: ParameterChange;
}

/**
 * Rows in this build's order, then parameters only the previous build had. Without a previous
 * build (the first build, or it could not be loaded) every row is `unknown`: nothing to compare.
 */
export function diffParameters(
  current: readonly WorkspaceBuildParameter[],
  previous: readonly WorkspaceBuildParameter[] | undefined,
): ParameterRow[] {
  if (!previous) return current.map((p) => ({ name: p.name, value: p.value, previous: undefined, change: "unknown" }));
  const before = new Map(previous.map((p) => [p.name, p.value]));
  const rows: ParameterRow[] = current.map((p) => {
    if (!before.has(p.name)) return { name: p.name, value: p.value, previous: undefined, change: "added" };
    const old = before.get(p.name);
    return { name: p.name, value: p.value, previous: old, change: old === p.value ? "unchanged" : "changed" };
  });
  const now = new Set(current.map((p) => p.name));
  for (const p of previous) {
    if (!now.has(p.name)) rows.push({ name: p.name, value: undefined, previous: p.value, change: "removed" });
  }
  return rows;
}

/** How many rows differ from the previous build. */
export function changedCount(rows: readonly ParameterRow[]): number {
  return rows.filter((r) => r.change === "changed" || r.change === "added" || r.change === "removed").length;
}
