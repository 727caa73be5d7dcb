import { useState } from "react";
import { Play, RefreshCw, Square, Trash2, X, type LucideIcon } from "lucide-react";
import type { Workspace } from "../../api/types";
import { Button } from "../../components/Button";
import { LazyConfirmDialog } from "./LazyConfirmDialog";
import { BATCH_ACTIONS, BATCH_LABELS, eligibleRows, type BatchAction } from "./model/batch";

const ICONS: Record<BatchAction, LucideIcon> = { start: Play, stop: Square, update: RefreshCw, delete: Trash2 };

export interface BatchBarProps {
  selected: readonly Workspace[];
  /** The action being run, while a batch is under way. */
  running: BatchAction | undefined;
  onRun: (action: BatchAction) => void;
  onClearSelection: () => void;
  /** Present when the last batch left per-row results on screen. */
  onClearResults?: () => void;
}

/** Actions on the selected rows; each button says how many rows it applies to. */
export function BatchBar({ selected, running, onRun, onClearSelection, onClearResults }: BatchBarProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deletable = eligibleRows("delete", selected).length;
  return (
    <div
      role="toolbar"
      aria-label="Batch actions"
      className="flex flex-wrap items-center gap-2 rounded-md border border-accent/30 bg-accent/5 px-3 py-2 text-sm"
    >
      <span className="font-medium tabular-nums" aria-live="polite">
        {selected.length} selected
      </span>
      <div className="flex flex-wrap items-center gap-1.5">
        {BATCH_ACTIONS.map((action) => {
          const count = eligibleRows(action, selected).length;
          const Icon = ICONS[action];
          return (
            <Button
              key={action}
              size="sm"
              variant={action === "delete" ? "danger" : "secondary"}
              disabled={count === 0 || running !== undefined}
              loading={running === action}
              onClick={() => (action === "delete" ? setConfirmDelete(true) : onRun(action))}
            >
              {running !== action && <Icon aria-hidden className="size-3.5" />}
              {BATCH_LABELS[action]}
              {count > 0 && count !== selected.length && <span className="tabular-nums opacity-80">({count})</span>}
            </Button>
          );
        })}
      </div>
      <div className="ml-auto flex items-center gap-1.5">
        {onClearResults && running === undefined && (
          <Button size="sm" variant="ghost" onClick={onClearResults}>
            Clear results
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={onClearSelection} disabled={running !== undefined}>
          <X aria-hidden className="size-3.5" />
          Clear selection
        </Button>
      </div>
      <LazyConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${deletable} workspace${deletable === 1 ? "" : "s"}?`}
        description="Their resources are destroyed and cannot be recovered. Rows that are building or already deleted are skipped."
        confirmLabel="Delete"
        variant="danger"
        typeToConfirm={String(deletable)}
        onConfirm={() => {
          setConfirmDelete(false);
          onRun("delete");
        }}
      />
    </div>
  );
}
