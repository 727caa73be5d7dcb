import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import type { Workspace } from "../../api/types";
import { useMe } from "../../app/auth";
import { canSeeAllWorkspaces } from "../../lib/permissions";
import { isOwnWorkspacesOnly } from "../../lib/searchQuery";
import type { BatchAction } from "./model/batch";
import { batchReport } from "./model/batchReport";
import { pageCount } from "./model/paging";
import { watchTargets } from "./model/polling";
import type { WorkspaceSort } from "./model/sort";
import { readListUrl, writeListUrl, type ListUrlChange } from "./model/urlState";
import { workspaceHref } from "./links";
import { createWorkspacePath } from "../../app/params";
import { RowWatchers } from "./RowWatchers";
import type { FilterCommit } from "./SearchBar";
import { useBatch } from "./useBatch";
import { useSelection } from "./useSelection";
import { useDocumentHidden } from "../../components/useDocumentHidden";
import { useRowActions } from "../../components/useRowActions";
import { useWorkspaceList } from "./useWorkspaceList";
import { WorkspacesView } from "./WorkspacesView";

// Only fetched when someone opens it: the list route's first load stays small.
const TemplatePickerDialog = lazy(() => import("./TemplatePickerDialog"));

/** Marks history entries made by debounced typing, so the next keystrokes replace them. */
interface ListHistoryState {
  filterTyping?: boolean;
}

export default function WorkspacesPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { filter, page, sort } = readListUrl(searchParams);
  const hidden = useDocumentHidden();
  const me = useMe();

  const { list, filterProblems, error, refetch, isRefetching } = useWorkspaceList(filter, page, sort, hidden);
  const batch = useBatch();
  const rowActions = useRowActions();
  const [creating, setCreating] = useState(false);

  const update = useCallback(
    (change: ListUrlChange, replace = false, state: ListHistoryState = {}) =>
      setSearchParams((current) => writeListUrl(current, change), { replace, state }),
    [setSearchParams],
  );

  const onFilterChange = useCallback(
    (next: string, how: FilterCommit) => {
      const typingEntry = (location.state as ListHistoryState | null)?.filterTyping === true;
      update({ filter: next }, how === "typing" && typingEntry, { filterTyping: how === "typing" });
    },
    [location.state, update],
  );

  // Rows deleted meanwhile can leave `?page=` past the end: go to the last page that exists.
  const total = list?.total;
  useEffect(() => {
    if (total === undefined) return;
    const last = pageCount(total);
    if (page > last) update({ page: last }, true);
  }, [total, page, update]);

  const rows = list?.rows;
  // Another page, filter or sort narrows the selection to what it shows; a refresh of the same
  // view (a poll, a batch's refetch) keeps rows that moved away, and a refused filter (old rows
  // kept) narrows nothing.
  const { selectedIds, selected, notShown, onSelectionChange } = useSelection(
    list,
    batch.running !== undefined,
    hidden,
  );
  // Selected rows on other pages are watched too while they change, so the batch bar's counts follow them.
  const watched = useMemo(() => watchTargets([...(rows ?? []), ...notShown]), [rows, notShown]);
  const report = useMemo(() => batchReport(batch.last, batch.progress, rows ?? []), [batch.last, batch.progress, rows]);

  const onBatch = useCallback((action: BatchAction) => void batch.run(action, selected), [selected, batch]);

  const onOpen = useCallback((ws: Workspace) => navigate(workspaceHref(ws)), [navigate]);

  return (
    <>
      <WorkspacesView
        filter={filter}
        onFilterChange={onFilterChange}
        filterProblems={filterProblems}
        rows={rows}
        total={total ?? 0}
        page={page}
        onPageChange={(p) => update({ page: p })}
        sort={sort}
        onSortChange={(s: WorkspaceSort) => update({ sort: s })}
        sortNote={list?.sortNote}
        error={error}
        onRetry={refetch}
        retrying={isRefetching}
        showOwner={canSeeAllWorkspaces(me) || !isOwnWorkspacesOnly(filter)}
        selectedIds={selectedIds}
        selected={selected}
        selectedNotShown={notShown.length}
        onSelectionChange={onSelectionChange}
        batchProgress={batch.progress}
        batchReport={report}
        batchRunning={batch.running}
        onBatch={onBatch}
        onClearBatchResults={batch.clear}
        pendingIds={rowActions.pendingIds}
        onRowAction={rowActions.run}
        onToggleFavorite={rowActions.toggleFavorite}
        onOpen={onOpen}
        onCreate={() => setCreating(true)}
      />
      <RowWatchers ids={watched} />
      {creating && (
        <Suspense fallback={null}>
          <TemplatePickerDialog
            onClose={() => setCreating(false)}
            onChoose={(template) => navigate(createWorkspacePath(template.name))}
          />
        </Suspense>
      )}
    </>
  );
}
