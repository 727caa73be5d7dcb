// Which rows are selected, and what happens to them when the rows on screen change. The list is
// live: a poll or a batch's own refetch can move a selected row to another page (the server lists
// running workspaces first), and losing it then would hide what the user picked and what the
// batch did to it. So only a change the user made (another page, filter or sort) narrows the
// selection to what is shown; a refresh of the same view keeps every selected id, with the last
// copy of its workspace seen, so batch actions still apply to it.
import type { Workspace } from "../../../api/types";
import { formatSort } from "./sort";
import type { ListUrlState } from "./urlState";

export interface Selection {
  /** Selected ids in the order they were picked, each with the last copy of its row seen. */
  readonly rows: ReadonlyMap<string, Workspace>;
  /** The view the selection was last narrowed to; undefined before the first rows. */
  readonly view: string | undefined;
}

export const EMPTY_SELECTION: Selection = { rows: new Map(), view: undefined };

/** The rows on screen and the view they answer; undefined when they are an earlier view's, kept while the new one loads. */
export interface ShownRows {
  rows: readonly Workspace[];
  view: string | undefined;
}

/** One string per page/filter/sort: two views are the same list exactly when their keys are equal. */
export function viewKey({ filter, page, sort }: ListUrlState): string {
  return JSON.stringify([filter.trim(), page, sort ? formatSort(sort) : null]);
}

/**
 * The selection once `shown` is on screen. A new view narrows it to the shown rows, except while a
 * batch runs (its rows keep their selection and results; the narrowing waits for the batch to
 * end). Otherwise every id stays and shown rows refresh their copy. Unchanged → the same object.
 */
export function reconcileSelection(selection: Selection, shown: ShownRows, batchRunning: boolean): Selection {
  const byId = new Map(shown.rows.map((ws) => [ws.id, ws]));
  const narrow = shown.view !== undefined && shown.view !== selection.view && !batchRunning;
  const next = new Map<string, Workspace>();
  let changed = false;
  for (const [id, seen] of selection.rows) {
    const current = byId.get(id);
    if (current === undefined && narrow) {
      changed = true;
      continue;
    }
    if (current !== undefined && current !== seen) changed = true;
    next.set(id, current ?? seen);
  }
  if (narrow) return { rows: changed ? next : selection.rows, view: shown.view };
  return changed ? { rows: next, view: selection.view } : selection;
}

/**
 * The selection after the table reports a new set of ids: new ids take their shown row, kept ids
 * their remembered copy; an id neither shown nor remembered cannot be acted on and is dropped.
 */
export function selectIds(selection: Selection, ids: ReadonlySet<string>, shown: readonly Workspace[]): Selection {
  const byId = new Map(shown.map((ws) => [ws.id, ws]));
  const next = new Map<string, Workspace>();
  for (const [id, seen] of selection.rows) if (ids.has(id)) next.set(id, byId.get(id) ?? seen);
  for (const id of ids) {
    const ws = byId.get(id);
    if (!next.has(id) && ws !== undefined) next.set(id, ws);
  }
  return { rows: next, view: selection.view };
}

/** The selected rows that are not among the shown ones, as last seen. */
export function notShownRows(selection: Selection, shown: readonly Workspace[]): Workspace[] {
  const ids = new Set(shown.map((ws) => ws.id));
  return [...selection.rows.values()].filter((ws) => !ids.has(ws.id));
}

/**
 * Newer copies of selected rows that are not shown, fetched on their own, so the action buttons
 * count them by their status now; ids in `gone` (deleted meanwhile) leave the selection. Shown
 * rows keep the list's copy. Unchanged → the same object.
 */
export function refreshNotShown(
  selection: Selection,
  fresh: readonly Workspace[],
  gone: readonly string[],
  shown: readonly Workspace[],
): Selection {
  const shownIds = new Set(shown.map((ws) => ws.id));
  const goneIds = new Set(gone.filter((id) => !shownIds.has(id)));
  const byId = new Map(fresh.filter((ws) => !shownIds.has(ws.id)).map((ws) => [ws.id, ws]));
  const next = new Map<string, Workspace>();
  let changed = false;
  for (const [id, seen] of selection.rows) {
    if (goneIds.has(id)) {
      changed = true;
      continue;
    }
    const current = byId.get(id) ?? seen;
    if (current !== seen) changed = true;
    next.set(id, current);
  }
  return changed ? { rows: next, view: selection.view } : selection;
}
