import { useCallback, useState } from "react";
import { TRACE, type LevelCode } from "../../lib/logs/levels";
import type { LogStore } from "../../lib/logs/store";
import { useStableCallback } from "./useStableCallback";

export interface LogFilters {
  /** Build logs: the stages whose lines are hidden under their header. */
  collapsed: ReadonlySet<number>;
  toggleGroup: (group: number) => void;
  allCollapsed: boolean;
  toggleAll: () => void;
  minLevel: LevelCode;
  setMinLevel: (level: LevelCode) => void;
  /** Agent logs: the key of the source tab picked (null = All). */
  tabKey: string | null;
  setTabKey: (key: string | null) => void;
  /** The group index of the source shown, or null for All. */
  tab: number | null;
  /** Whether the level filter and the source tab let a line through (collapsed stages aside). */
  include: (line: number) => boolean;
  /** Opens the line's stage, shows all levels and all sources as far as it takes to show the line. */
  unhide: (line: number) => void;
}

/** What hides lines: collapsed stages, the minimum level and the source tab. */
export function useLogFilters(store: LogStore, initialSource: string | undefined): LogFilters {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [minLevel, setMinLevel] = useState<LevelCode>(TRACE);
  const [tabKey, setTabKey] = useState<string | null>(initialSource ?? null);
  const tabIndex = tabKey === null ? -1 : store.groups.findIndex((g) => g.key === tabKey);
  // A source not known yet (sources arrive with the agent) shows All until it is.
  const tab = tabIndex < 0 ? null : tabIndex;

  const toggleGroup = useCallback((g: number) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(g)) next.delete(g);
      else next.add(g);
      return next;
    });
  }, []);
  const allCollapsed = store.groups.length > 0 && collapsed.size >= store.groups.length;
  const toggleAll = useStableCallback(() =>
    setCollapsed(allCollapsed ? new Set() : new Set(store.groups.map((g) => g.index))),
  );

  const include = useCallback(
    (line: number) => store.level(line) >= minLevel && (tab === null || store.groupOf(line) === tab),
    [store, minLevel, tab],
  );
  const unhide = useCallback(
    (line: number) => {
      const g = store.groupOf(line);
      if (collapsed.has(g)) setCollapsed((c) => new Set([...c].filter((x) => x !== g)));
      if (store.level(line) < minLevel) setMinLevel(TRACE);
      if (tab !== null && tab !== g) setTabKey(null);
    },
    [store, collapsed, minLevel, tab],
  );

  return {
    collapsed,
    toggleGroup,
    allCollapsed,
    toggleAll,
    minLevel,
    setMinLevel,
    tabKey,
    setTabKey,
    tab,
    include,
    unhide,
  };
}
