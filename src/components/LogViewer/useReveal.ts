import { useCallback, useEffect, useState } from "react";
import type { Virtualizer } from "@tanstack/react-virtual";
import { TRACE, type LevelCode } from "../../lib/logs/levels";
import type { LogRowIndex } from "../../lib/logs/rows";
import type { LogStore } from "../../lib/logs/store";

export type RevealAlign = "center" | "auto";

interface RevealOptions {
  store: LogStore;
  rowIndex: LogRowIndex;
  rowCount: number;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  collapsed: ReadonlySet<number>;
  setCollapsed: (update: (c: ReadonlySet<number>) => ReadonlySet<number>) => void;
  minLevel: LevelCode;
  setMinLevel: (level: LevelCode) => void;
  tab: number | null;
  showAllSources: () => void;
  /** Called on every reveal: jumping somewhere stops follow mode. */
  onReveal: () => void;
}

/**
 * Scrolls a line into view, first making it visible if a collapsed stage, the level filter or
 * another source tab hides it. A line that has not arrived yet (a permalink into a log still
 * streaming) is revealed as soon as it does.
 */
export function useReveal(o: RevealOptions): {
  reveal: (line: number, align: RevealAlign) => void;
  pending: number | null;
} {
  const [pending, setPending] = useState<{ line: number; align: RevealAlign } | null>(null);
  const {
    onReveal,
    store,
    rowIndex,
    rowCount,
    virtualizer,
    collapsed,
    setCollapsed,
    minLevel,
    setMinLevel,
    tab,
    showAllSources,
  } = o;

  const reveal = useCallback(
    (line: number, align: RevealAlign) => {
      onReveal();
      setPending({ line, align });
    },
    [onReveal],
  );

  useEffect(() => {
    if (!pending || pending.line >= store.length) return;
    const { line, align } = pending;
    const row = rowIndex.rowOfLine(line);
    if (row >= 0) {
      virtualizer.scrollToIndex(row, { align });
      setPending(null);
      return;
    }
    const g = store.groupOf(line);
    if (collapsed.has(g)) setCollapsed((c) => new Set([...c].filter((x) => x !== g)));
    if (store.level(line) < minLevel) setMinLevel(TRACE);
    if (tab !== null && tab !== g) showAllSources();
  }, [
    pending,
    rowIndex,
    rowCount,
    store,
    collapsed,
    setCollapsed,
    minLevel,
    setMinLevel,
    tab,
    showAllSources,
    virtualizer,
  ]);

  return { reveal, pending: pending?.line ?? null };
}
