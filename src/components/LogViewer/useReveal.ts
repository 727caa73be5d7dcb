import { useCallback, useEffect, useState } from "react";
import type { Virtualizer } from "@tanstack/react-virtual";
import type { LogRowIndex } from "../../lib/logs/rows";
import type { LogStore } from "../../lib/logs/store";

export type RevealAlign = "center" | "auto";

interface RevealOptions {
  store: LogStore;
  rowIndex: LogRowIndex;
  rowCount: number;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Makes a line that has no row (a filter hides it) visible. */
  unhide: (line: number) => void;
  /** Called on every reveal: jumping somewhere stops follow mode. */
  onReveal: () => void;
}

/**
 * Scrolls a line into view, first making it visible if a collapsed stage, the level filter or
 * another source tab hides it. A line that has not arrived yet (a permalink into a log still
 * streaming) is revealed as soon as it does.
 */
export function useReveal({ store, rowIndex, rowCount, virtualizer, unhide, onReveal }: RevealOptions): {
  reveal: (line: number, align: RevealAlign) => void;
  pending: number | null;
} {
  const [pending, setPending] = useState<{ line: number; align: RevealAlign } | null>(null);

  const reveal = useCallback(
    (line: number, align: RevealAlign) => {
      onReveal();
      setPending({ line, align });
    },
    [onReveal],
  );

  // `rowCount` is a dependency: lines streaming in may bring the pending one.
  useEffect(() => {
    if (!pending || pending.line >= store.length) return;
    const { line, align } = pending;
    const row = rowIndex.rowOfLine(line);
    if (row >= 0) {
      virtualizer.scrollToIndex(row, { align });
      setPending(null);
    } else {
      unhide(line);
    }
  }, [pending, rowIndex, rowCount, store, unhide, virtualizer]);

  return { reveal, pending: pending?.line ?? null };
}
