import { useState } from "react";
import { Play, RefreshCw, Square, Trash2, X, type LucideIcon } from "lucide-react";
import type { Workspace } from "../../api/types";
import { Button } from "../../components/Button";
import { BatchResults } from "./BatchResults";
import { LazyConfirmDialog } from "./LazyConfirmDialog";
import { BATCH_ACTIONS, BATCH_LABELS, eligibleRows, type BatchAction } from "./model/batch";
import type { BatchReport } from "./model/batchReport";

const ICONS: Record<BatchAction, LucideIcon> = { start: Play, stop: Square, update: RefreshCw, delete: Trash2 };

export interface BatchBarProps {
  /** Every selected row, on this page or not (then as last seen). */
  selected: readonly Workspace[];
  /** How many of `selected` are not on this page. */
  notShown: number;
  /** The action being run, while a batch is under way. */
  running: BatchAction | undefined;
  onRun: (action: BatchAction) => void;
  onClearSelection: () => void;
  /** What the last batch did, until its results are cleared. */
  report: BatchReport | undefined;
  showOwner: boolean;
  onClearResults: () => void;
}

/**
 * Actions on the selected rows (each button says how many rows it applies to), and under them what
 * the last batch did to every row it acted on, on this page or not.
 */
export function BatchBar(props: BatchBarProps) {
  const { selected, notShown, running, onRun, onClearSelection } = props;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deletable = eligibleRows("delete", selected).length;
  return (
    <div className="rounded-md border border-accent/30 bg-accent/5 text-sm">
      <div role="toolbar" aria-label="Batch actions" className="flex flex-wrap items-center gap-2 px-3 py-2">
        <span className="font-medium tabular-nums" aria-live="polite">
          {selected.length} selected
          {notShown > 0 && <span className="font-normal text-muted"> · {notShown} not on this page</span>}
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
          <Button size="sm" variant="ghost" onClick={onClearSelection} disabled={running !== undefined}>
            <X aria-hidden className="size-3.5" />
            Clear selection
          </Button>
        </div>
      </div>
      {props.report && (
        <BatchResults
          report={props.report}
          showOwner={props.showOwner}
          running={running !== undefined}
          onClear={props.onClearResults}
        />
      )}
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
