import { useCallback, useDeferredValue, useMemo } from "react";
import { FilterX } from "lucide-react";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { LiveIndicator } from "../../components/LiveIndicator";
import { filterOptions, filterOverview, RANGE_LABELS, type OverviewFilter } from "./model/filters";
import { healthData } from "./model/health";
import { nowLists } from "./model/now";
import { findRegressions, regressionScope } from "./model/regressions";
import { formatCount } from "../../lib/format";
import type { OverviewSnapshot } from "./data/overviewConfig";
import { DaemonsPanel } from "./DaemonsPanel";
import { FiltersBar } from "./FiltersBar";
import { HealthPanel } from "./HealthPanel";
import { NowPanel } from "./NowPanel";
import { OverviewNotes } from "./OverviewNotes";
import { RecentBuildsTable } from "./RecentBuildsTable";
import { RegressionsPanel } from "./RegressionsPanel";

export interface BuildsOverviewViewProps {
  data: OverviewSnapshot;
  filter: OverviewFilter;
  onFilterChange: (patch: Partial<OverviewFilter>) => void;
  isAdmin: boolean;
  /** A job was canceled from the page (admins): poll at once. */
  onCanceled?: () => void;
}

const MINUTE = 60_000;

export function BuildsOverviewView({ data, filter, onFilterChange, isAdmin, onCanceled }: BuildsOverviewViewProps) {
  const now = data.updatedAt || data.windowStart;
  // Ranges and buckets move by the minute: recomputing them on every 1.5 s poll would change nothing.
  const minute = Math.ceil(now / MINUTE) * MINUTE;
  const historyLoading = data.listing.done < data.listing.total || data.history.done < data.history.total;

  const lists = useMemo(() => nowLists(data.active, now), [data.active, now]);
  // Aggregating thousands of builds may take a while on a slow machine: it renders in the
  // background (interruptible) so the Now lists above never wait for it.
  const builds = useDeferredValue(data.builds);
  const filtered = useMemo(() => filterOverview(builds, filter, minute), [builds, filter, minute]);
  const options = useMemo(() => filterOptions(builds, filter), [builds, filter]);
  const health = useMemo(() => healthData(filtered, filter.range, minute), [filtered, filter.range, minute]);
  // The regression rule reads only these three filters (its time windows and outcome are its own).
  const { template, owner, transition } = filter;
  const regressions = useMemo(
    () => findRegressions(regressionScope(builds, { template, owner, transition }), minute),
    [builds, template, owner, transition, minute],
  );
  const onTemplate = useCallback((t: string) => onFilterChange({ template: t }), [onFilterChange]);
  const range = filter.range;
  const noMatch = useMemo(
    () => (
      <EmptyState
        icon={FilterX}
        title="No build matches"
        description={`Nothing in the ${RANGE_LABELS[range].toLowerCase()} matches these filters.`}
        action={
          range !== "7d" ? (
            <Button size="sm" onClick={() => onFilterChange({ range: "7d" })}>
              Look at the last 7 days
            </Button>
          ) : (
            <Button
              size="sm"
              onClick={() =>
                onFilterChange({
                  status: undefined,
                  template: undefined,
                  owner: undefined,
                  transition: undefined,
                  errorCode: undefined,
                })
              }
            >
              Clear filters
            </Button>
          )
        }
      />
    ),
    [range, onFilterChange],
  );
  const everything = data.builds.length === 0 && data.active.length === 0;

  return (
    <div
      data-history={historyLoading ? "loading" : "complete"}
      className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6"
    >
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-text">Builds</h1>
          <p className="mt-1 text-sm text-muted">
            {isAdmin
              ? "Every build on every workspace: the queue, what runs, what fails and why."
              : "The builds of your workspaces."}
          </p>
        </div>
        <LiveIndicator state={data.live} />
      </header>

      <OverviewNotes data={data} isAdmin={isAdmin} />

      {everything ? (
        <EmptyState
          title="No builds yet"
          description={
            isAdmin
              ? "No workspace has been built in the last 8 days."
              : "None of your workspaces has been built in the last 8 days."
          }
        />
      ) : (
        <>
          <NowPanel
            lists={lists}
            stages={data.stages}
            fromJobs={data.queueSource === "jobs"}
            daemons={isAdmin ? data.daemons : undefined}
            onCanceled={isAdmin ? onCanceled : undefined}
          />
          {isAdmin && data.daemons && <DaemonsPanel daemons={data.daemons} />}
          <RegressionsPanel regressions={regressions} partial={historyLoading} onTemplate={onTemplate} />
          <FiltersBar filter={filter} options={options} onChange={onFilterChange} />
          <HealthPanel
            range={filter.range}
            data={health}
            templates={options.template}
            partial={historyLoading}
            onFilter={onFilterChange}
          />
          <section aria-labelledby="recent-title" className="flex flex-col gap-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="recent-title" className="text-base font-semibold text-text">
                Recent builds
              </h2>
              <p data-testid="recent-count" className="text-xs text-muted">
                {formatCount(filtered.length)} build{filtered.length === 1 ? "" : "s"} ·{" "}
                {RANGE_LABELS[filter.range].toLowerCase()}
              </p>
            </div>
            <RecentBuildsTable builds={filtered} empty={noMatch} />
          </section>
        </>
      )}
    </div>
  );
}
