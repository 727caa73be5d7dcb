import { Info } from "lucide-react";
import type { ReactNode } from "react";
import { formatCount } from "../../lib/format";
import type { OverviewSnapshot } from "./data/overviewConfig";
import { FALLBACK_HISTORY_LIMIT, LIST_LIMIT } from "./data/overviewConfig";

export interface OverviewNotesProps {
  data: OverviewSnapshot;
  isAdmin: boolean;
}

function Note({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <p
      data-testid={testId}
      className="flex items-start gap-2 rounded-md border border-border bg-raised/50 px-3 py-2 text-sm text-muted"
    >
      <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/** What the page could not do on this server or yet: said plainly rather than silently missing. */
export function OverviewNotes({ data, isAdmin }: OverviewNotesProps) {
  const { listing, history } = data;
  const progress =
    listing.done < listing.total
      ? {
          text: `Listing workspaces: ${formatCount(listing.done)} of ${formatCount(listing.total)}.`,
          done: listing.done,
          total: listing.total,
        }
      : history.done < history.total
        ? {
            text: `Loading build history: ${formatCount(history.done)} of ${formatCount(history.total)} workspaces.`,
            done: history.done,
            total: history.total,
          }
        : undefined;
  return (
    <div className="flex flex-col gap-2 empty:hidden">
      {progress && (
        <div
          role="status"
          aria-busy="true"
          data-testid="history-progress"
          className="flex flex-col gap-1 text-xs text-muted"
        >
          <span>{progress.text} Latest builds are shown meanwhile.</span>
          <span aria-hidden className="h-1 overflow-hidden rounded bg-raised">
            <span
              className="block h-full bg-accent transition-[width]"
              style={{ width: `${(100 * progress.done) / Math.max(1, progress.total)}%` }}
            />
          </span>
        </div>
      )}
      {data.jobsUnavailable && isAdmin && (
        <Note testId="note-no-jobs">
          This server does not offer the organization's provisioner-job list (older Coder versions): build history is
          read workspace by workspace, queue positions come from each workspace's latest build, and the page polls the
          workspace list to stay current.
        </Note>
      )}
      {data.historySkipped > 0 && (
        <Note testId="note-history-bounded">
          Without the job list, history is read one workspace at a time: it covers the{" "}
          {formatCount(FALLBACK_HISTORY_LIMIT)} most recently built workspaces; the other{" "}
          {formatCount(data.historySkipped)} show their latest build only.
        </Note>
      )}
      {data.workspaceCount > LIST_LIMIT && (
        <Note testId="note-truncated">
          There are {formatCount(data.workspaceCount)} workspaces; this overview covers the first{" "}
          {formatCount(LIST_LIMIT)} the server lists.
        </Note>
      )}
      {data.historyFailed > 0 && (
        <Note testId="note-history-failed">
          The build history of {formatCount(data.historyFailed)} workspace{data.historyFailed === 1 ? "" : "s"} could
          not be loaded yet; their latest build is shown, and the page keeps retrying.
        </Note>
      )}
    </div>
  );
}
