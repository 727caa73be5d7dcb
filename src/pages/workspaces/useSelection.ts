import { useCallback, useEffect, useMemo, useState } from "react";
import { useQueries } from "@tanstack/react-query";
import { isGone } from "../../api/client";
import { workspaceByNameQuery } from "../../api/queries";
import type { Workspace } from "../../api/types";
import { pollInterval } from "./model/polling";
import {
  EMPTY_SELECTION,
  notShownRows,
  reconcileSelection,
  refreshNotShown,
  selectIds,
  type ShownRows,
} from "./model/selection";

export interface SelectionState {
  selectedIds: ReadonlySet<string>;
  /** Every selected row: shown ones as shown, the others as last fetched. */
  selected: readonly Workspace[];
  /** The selected rows not on this page. */
  notShown: readonly Workspace[];
  onSelectionChange: (ids: ReadonlySet<string>) => void;
}

/** Module-level, so react-query keeps the combined answers' identity until one of them changes. */
function answers(results: ReadonlyArray<{ data?: Workspace; error: unknown }>) {
  return {
    fresh: results.flatMap((q) => (q.data ? [q.data] : [])),
    // Deleted meanwhile (a batch delete, or someone else).
    gone: results.map((q) => isGone(q.error)),
  };
}

/**
 * The list's selection (rules in model/selection.ts). Selected rows that a refresh moved off the
 * page are fetched on their own, at the list's pace, so the batch buttons count them by their
 * status now rather than as they were when they left.
 */
export function useSelection(shown: ShownRows | undefined, batchRunning: boolean, hidden: boolean): SelectionState {
  const [selection, setSelection] = useState(EMPTY_SELECTION);
  const rows = shown?.rows;
  const view = shown?.view;

  useEffect(() => {
    if (!rows) return;
    setSelection((prev) => reconcileSelection(prev, { rows, view }, batchRunning));
  }, [rows, view, batchRunning]);

  const notShown = useMemo(() => notShownRows(selection, rows ?? []), [selection, rows]);
  const away = useQueries({
    queries: notShown.map((ws) => ({
      ...workspaceByNameQuery(ws.owner_name, ws.name),
      refetchInterval: () => pollInterval(notShown, hidden),
      retry: false,
    })),
    combine: answers,
  });
  useEffect(() => {
    const gone = notShown.filter((_, i) => away.gone[i]).map((ws) => ws.id);
    setSelection((prev) => refreshNotShown(prev, away.fresh, gone, rows ?? []));
  }, [away, notShown, rows]);

  const selectedIds = useMemo(() => new Set(selection.rows.keys()), [selection]);
  const selected = useMemo(() => [...selection.rows.values()], [selection]);
  const onSelectionChange = useCallback(
    (ids: ReadonlySet<string>) => setSelection((prev) => selectIds(prev, ids, rows ?? [])),
    [rows],
  );
  return { selectedIds, selected, notShown, onSelectionChange };
}
