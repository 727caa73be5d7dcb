import { useMemo, useRef, useState } from "react";
import { Plus, SearchX, Server } from "lucide-react";
import type { Workspace } from "../../api/types";
import { Button } from "../../components/Button";
import { LazyConfirmDialog } from "./LazyConfirmDialog";
import { DataTable, type SortState } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { SkeletonTable } from "../../components/Skeleton";
import { isTyping } from "../../components/isTyping";
import { useKeydown } from "../../components/useKeydown";
import { DEFAULT_FILTER } from "./model/urlState";
import type { BatchAction, RowProgress } from "./model/batch";
import type { BatchReport } from "./model/batchReport";
import type { RowActionKind } from "../../lib/workspace/rowActions";
import { SORT_KEYS, type SortKey, type WorkspaceSort } from "./model/sort";
import { BatchBar } from "./BatchBar";
import { workspaceColumns } from "./columns";
import { Pagination } from "./Pagination";
import { SearchBar, type FilterCommit, type FilterProblem } from "./SearchBar";
import { WorkspaceCard } from "./WorkspaceCard";

export interface WorkspacesViewProps {
  filter: string;
  onFilterChange: (filter: string, how: FilterCommit) => void;
  /** The server's 400 for the current filter; the rows stay those of the last good filter. */
  filterProblems: readonly FilterProblem[];

  /** This page's rows, already sorted; undefined while the first answer is loading. */
  rows: readonly Workspace[] | undefined;
  total: number;
  page: number;
  onPageChange: (page: number) => void;
  sort: WorkspaceSort | undefined;
  onSortChange: (sort: WorkspaceSort) => void;
  /** Set when too many rows match to sort them all: the note says what was sorted. */
  sortNote?: string;

  /** The list query's failure (a filter 400 goes to `filterProblems` instead); with rows, shown above them. */
  error: unknown;
  onRetry: () => void;
  retrying: boolean;

  showOwner: boolean;
  selectedIds: ReadonlySet<string>;
  /** Every selected row: those on this page as shown, the others as last seen. */
  selected: readonly Workspace[];
  /** How many selected rows are not on this page (a refresh moved them away). */
  selectedNotShown: number;
  onSelectionChange: (ids: Set<string>) => void;
  batchProgress: ReadonlyMap<string, RowProgress>;
  /** What the last batch did to every row it acted on, until cleared. */
  batchReport: BatchReport | undefined;
  batchRunning: BatchAction | undefined;
  onBatch: (action: BatchAction) => void;
  onClearBatchResults: () => void;

  pendingIds: ReadonlySet<string>;
  onRowAction: (ws: Workspace, action: RowActionKind) => void;
  onToggleFavorite: (ws: Workspace) => void;
  onOpen: (ws: Workspace) => void;
  onCreate: () => void;
}

const isSortKey = (id: string): id is SortKey => (SORT_KEYS as readonly string[]).includes(id);

export function WorkspacesView(props: WorkspacesViewProps) {
  const { rows, selectedIds, onRowAction, batchProgress, pendingIds, showOwner, onToggleFavorite } = props;
  const searchRef = useRef<HTMLInputElement>(null);
  const [deleting, setDeleting] = useState<Workspace | undefined>(undefined);

  // `/` focuses the search box from anywhere that is not a text field (docs/design.md keyboard).
  useKeydown((e) => {
    if (e.key !== "/" || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
    e.preventDefault();
    searchRef.current?.focus();
    searchRef.current?.select();
  });

  const onAction = useMemo(
    () => (ws: Workspace, action: RowActionKind) => (action === "delete" ? setDeleting(ws) : onRowAction(ws, action)),
    [onRowAction],
  );
  const columns = useMemo(
    () => workspaceColumns({ showOwner, progress: batchProgress, pendingIds, onToggleFavorite, onAction }),
    [showOwner, batchProgress, pendingIds, onToggleFavorite, onAction],
  );

  const tableSort: SortState | null = props.sort ? { columnId: props.sort.key, direction: props.sort.direction } : null;

  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold text-text">Workspaces</h1>
        <Button variant="primary" onClick={props.onCreate}>
          <Plus aria-hidden className="size-4" />
          New workspace
        </Button>
      </header>

      <SearchBar
        filter={props.filter}
        onFilterChange={props.onFilterChange}
        problems={props.filterProblems}
        inputRef={searchRef}
      />

      {(props.selected.length > 0 || props.batchReport !== undefined) && (
        <BatchBar
          selected={props.selected}
          notShown={props.selectedNotShown}
          running={props.batchRunning}
          onRun={props.onBatch}
          onClearSelection={() => props.onSelectionChange(new Set())}
          report={props.batchReport}
          showOwner={showOwner}
          onClearResults={props.onClearBatchResults}
        />
      )}

      {props.sortNote && (
        <p role="note" className="rounded-md border border-attention/30 bg-attention/10 px-3 py-2 text-sm text-text">
          {props.sortNote}
        </p>
      )}

      {rows === undefined ? (
        props.error ? (
          <ErrorState
            error={props.error}
            title="Couldn't load workspaces"
            onRetry={props.onRetry}
            retrying={props.retrying}
          />
        ) : (
          <SkeletonTable rows={8} columns={6} label="Loading workspaces" />
        )
      ) : (
        <>
          {props.error !== undefined && props.error !== null && (
            <ErrorState
              error={props.error}
              title="Couldn't refresh workspaces"
              onRetry={props.onRetry}
              retrying={props.retrying}
            />
          )}
          <DataTable
            label="Workspaces"
            rows={rows}
            columns={columns}
            getRowId={(ws) => ws.id}
            getRowLabel={(ws) => ws.name}
            manualSorting
            sort={tableSort}
            onSortChange={(s) =>
              isSortKey(s.columnId) && props.onSortChange({ key: s.columnId, direction: s.direction })
            }
            selectedIds={selectedIds}
            onSelectionChange={props.onSelectionChange}
            onRowOpen={props.onOpen}
            keyboardScope="document"
            rowClassName={(ws) => (batchProgress.get(ws.id)?.state === "failed" ? "bg-failure/5" : undefined)}
            renderCard={(ws) => (
              <WorkspaceCard
                workspace={ws}
                showOwner={showOwner}
                progress={batchProgress.get(ws.id)}
                pending={pendingIds.has(ws.id)}
                onToggleFavorite={onToggleFavorite}
                onAction={onAction}
              />
            )}
            empty={
              <EmptyList
                filter={props.filter}
                onClear={() => props.onFilterChange(DEFAULT_FILTER, "submit")}
                onCreate={props.onCreate}
              />
            }
          />
          {rows.length > 0 && (
            <Pagination
              page={props.page}
              total={props.total}
              rowsOnPage={rows.length}
              onPageChange={props.onPageChange}
            />
          )}
        </>
      )}

      <LazyConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => !open && setDeleting(undefined)}
        title={`Delete ${deleting?.name ?? "workspace"}?`}
        description="Its resources are destroyed and cannot be recovered."
        confirmLabel="Delete"
        variant="danger"
        typeToConfirm={deleting?.name}
        onConfirm={() => {
          if (deleting) onRowAction(deleting, "delete");
          setDeleting(undefined);
        }}
      />
    </div>
  );
}

/** No rows: either nothing exists for this user, or nothing matches the filter. */
function EmptyList({ filter, onClear, onCreate }: { filter: string; onClear: () => void; onCreate: () => void }) {
  const unfiltered = filter.trim() === DEFAULT_FILTER || filter.trim() === "";
  if (unfiltered) {
    return (
      <EmptyState
        icon={Server}
        title="No workspaces yet"
        description="A workspace is a development environment built from a template."
        action={
          <Button variant="primary" onClick={onCreate}>
            <Plus aria-hidden className="size-4" />
            New workspace
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={SearchX}
      title="No workspace matches this filter"
      description={
        <>
          Nothing matches <code className="font-mono text-text">{filter}</code>.
        </>
      }
      action={<Button onClick={onClear}>Clear filter</Button>}
    />
  );
}
