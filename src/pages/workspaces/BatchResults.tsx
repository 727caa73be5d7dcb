import { Button } from "../../components/Button";
import { BatchProgressNote } from "./cells";
import { BATCH_LABELS } from "./model/batch";
import type { BatchReport } from "./model/batchReport";

export interface BatchResultsProps {
  report: BatchReport;
  showOwner: boolean;
  running: boolean;
  onClear: () => void;
}

/** The last batch in one line, then every failure and every row it acted on that is not on this page. */
export function BatchResults({ report, showOwner, running, onClear }: BatchResultsProps) {
  return (
    <div role="region" aria-label="Batch results" className="border-t border-accent/20 px-3 py-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p aria-live="polite" className="text-text">
          <span className="font-medium">{BATCH_LABELS[report.action]}:</span> {report.summary}
        </p>
        {!running && (
          <Button size="sm" variant="ghost" className="ml-auto" onClick={onClear}>
            Clear results
          </Button>
        )}
      </div>
      {report.items.length > 0 && (
        <ul aria-label="Rows to note" className="mt-1 flex flex-col gap-1">
          {report.items.map((item) => (
            <li key={item.id} data-result-for={item.name} className="flex flex-wrap items-start gap-x-2 gap-y-0.5">
              <span className="text-xs font-medium text-text">
                {showOwner && <span className="font-normal text-muted">{item.owner}/</span>}
                {item.name}
              </span>
              {!item.shown && <span className="text-xs text-muted">(not on this page)</span>}
              <BatchProgressNote progress={item.progress} full />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
