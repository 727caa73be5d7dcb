import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import {
  ChevronsDownUp,
  ChevronsUpDown,
  Download,
  FileSpreadsheet,
  Link2,
  Route,
  Search,
  Table2,
  UnfoldHorizontal,
} from "lucide-react";
import {
  compareTrees,
  compressedAxis,
  criticalPath,
  describeBaseline,
  describeCriticalPath,
  judgeTree,
  slowerThanUsual,
  idleGaps,
  linearAxis,
  toChromeTrace,
  toCsv,
  verdictsOnDemand,
  type TimingItem,
  type TimingStage,
  type TimingTree,
} from "../../lib/timings";
import { Button } from "../Button";
import { cx } from "../cx";
import { CompareTable } from "./CompareTable";
import { downloadText } from "./download";
import type { BaselineBar } from "./draw";
import { GanttPlot } from "./GanttPlot";
import { Legend } from "./Legend";
import { chartRows, slowestItems, type ChartRow, type SortOrder } from "./rows";
import { SlowerList, type UsualSize, type UsualTimes } from "./SlowerList";
import { SlowestList } from "./SlowestList";
import { TimingsEmpty } from "./TimingsStates";
import { TimingsTable } from "./TimingsTable";
import { EMPTY_URL_STATE, type ChartUrlState } from "./urlState";
import { formatCount } from "../../lib/format";

/** What `onSelectBar` receives: a stage bar, or an item bar with its stage. */
export interface TimingBar {
  id: string;
  kind: "stage" | "item";
  stage: TimingStage;
  item?: TimingItem;
}

export interface TimingsChartProps {
  tree: TimingTree;
  /** The build is still changing: the now-line moves and running bars grow. */
  live?: boolean;
  /** A second build (A, the baseline) to compare this one (B) with. */
  compare?: { tree: TimingTree; label: string };
  /** This build's name in comparisons and exports, e.g. "#42". */
  label?: string;
  /** File name stem for exports. */
  exportName?: string;
  /** Restored from the URL (zoom range, expanded stages, toggles). */
  initialState?: ChartUrlState;
  /** Called when that state settles, so the page can keep the URL in sync. */
  onStateChange?: (state: ChartUrlState) => void;
  /** Absolute link for the "copy link" button; without it the button is hidden. */
  shareUrl?: (state: ChartUrlState) => string;
  onSelectBar?: (bar: TimingBar) => void;
  selectedId?: string;
  /** Per-frame draw time, for benchmarks. */
  onDrawn?: (ms: number) => void;
  maxBodyHeight?: number;
  /** Hide the slowest-items panel (narrow embeds). */
  compact?: boolean;
  /** Usual times from earlier builds: markers on the bars and the "Slower than usual" panel. */
  usual?: UsualTimes;
  /** How many builds the usual times are taken from, when the page lets the person change it. */
  usualSize?: UsualSize;
}

const LIVE_TICK_MS = 250;

export function TimingsChart(props: TimingsChartProps) {
  const { tree, live = false, compare } = props;
  const initial = props.initialState ?? EMPTY_URL_STATE;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initial.expanded));
  const [showCritical, setShowCritical] = useState(initial.critical);
  const [compress, setCompress] = useState(initial.compress);
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<SortOrder>("start");
  const [asTable, setAsTable] = useState(false);
  const [range, setRange] = useState<[number, number] | undefined>(initial.range);
  const [ownSelected, setOwnSelected] = useState<string | undefined>(undefined);
  const [reveal, setReveal] = useState<{ id: string; nonce: number } | undefined>(undefined);
  const [copyStatus, setCopyStatus] = useState<{ ok: boolean; text: string } | undefined>(undefined);
  const now = useLiveClock(live, tree.end);
  const selectedId = props.selectedId ?? ownSelected;

  // The critical path is not needed for the first frame: it is worked out in a deferred render
  // right after, so the bars appear without waiting for it.
  const pathTree = useDeferredValue<TimingTree | null>(tree, null);
  const path = useMemo(() => (pathTree ? criticalPath(pathTree) : undefined), [pathTree]);
  const highlight = useMemo(
    () => (showCritical && path ? new Set<string>([...path.itemIds, ...path.stageIds]) : undefined),
    [showCritical, path],
  );
  const gaps = useMemo(() => idleGaps(tree.items, tree.start, tree.end), [tree]);
  // Short gaps are left alone by the compressed axis; with none long enough the toggle would do nothing.
  const compressible = useMemo(
    () => compressedAxis(tree.start, tree.end, gaps).breaks.length > 0,
    [tree.start, tree.end, gaps],
  );
  const axisEnd = live ? Math.max(tree.end, now) : tree.end;
  const axis = useMemo(
    () => (compress ? compressedAxis(tree.start, axisEnd, gaps) : linearAxis(tree.start, axisEnd)),
    [compress, tree.start, axisEnd, gaps],
  );
  const { rows, matches } = useMemo(() => chartRows(tree, { expanded, filter, sort }), [tree, expanded, filter, sort]);
  const slowest = useMemo(() => slowestItems(tree, 10), [tree]);
  // The table lists every item whatever is expanded: it is the full alternative to the canvas.
  const tableRows = useMemo(
    () => (asTable ? chartRows(tree, { expanded: new Set(tree.stages.map((s) => s.id)), filter, sort }).rows : []),
    [asTable, tree, filter, sort],
  );
  const comparison = useMemo(() => (compare ? compareTrees(compare.tree, tree) : undefined), [compare, tree]);
  const deltas = useMemo(
    () => (comparison ? new Map([...comparison.stages, ...comparison.items].map((r) => [r.id, r])) : undefined),
    [comparison],
  );
  const baseline = useMemo(() => {
    if (!comparison) return undefined;
    const map = new Map<string, BaselineBar>();
    for (const r of [...comparison.stages, ...comparison.items]) {
      if (r.a === undefined || r.aOffset === undefined) continue;
      map.set(r.id, { start: tree.start + r.aOffset, end: tree.start + r.aOffset + r.a });
    }
    return map;
  }, [comparison, tree.start]);

  const baselineReady = props.usual?.status === "ready" ? props.usual.baseline : undefined;
  // A live build is judged at the ticking clock, so a running bar is flagged the moment it passes its p90.
  const judgedAt = live ? now : tree.end;
  // The bars are judged as they are drawn (a few dozen of thousands in a frame)...
  const verdictOf = useMemo(
    () => (baselineReady ? verdictsOnDemand(tree, baselineReady, judgedAt) : undefined),
    [baselineReady, tree, judgedAt],
  );
  // ...while the "Slower than usual" list ranks every item: like the critical path, it is left to the
  // deferred render after the first frame.
  // (null, not undefined, for "not yet": an undefined initial value would not defer anything.)
  const listBaseline = useDeferredValue(baselineReady ?? null, null);
  const slower = useMemo(
    () => (listBaseline ? slowerThanUsual(tree, judgeTree(tree, listBaseline, judgedAt), path) : undefined),
    [tree, listBaseline, judgedAt, path],
  );
  const usualSummary = listBaseline && slower ? describeBaseline(tree, listBaseline, slower) : undefined;

  const urlState = useMemo<ChartUrlState>(
    () => ({ range, expanded: [...expanded], critical: showCritical, compress }),
    [range, expanded, showCritical, compress],
  );
  const onStateChange = props.onStateChange;
  const firstState = useRef(true);
  useEffect(() => {
    if (firstState.current) {
      firstState.current = false;
      return;
    }
    onStateChange?.(urlState);
  }, [urlState, onStateChange]);

  const toggleStage = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const onSelectBar = props.onSelectBar;
  const selectRow = useCallback(
    (row: ChartRow) => {
      setOwnSelected(row.id);
      onSelectBar?.({ id: row.id, kind: row.kind, stage: row.stage, item: row.item });
    },
    [onSelectBar],
  );

  const pickItem = (item: TimingItem) => {
    setAsTable(false);
    setFilter("");
    setExpanded((prev) => (prev.has(item.stage) ? prev : new Set([...prev, item.stage])));
    setReveal((r) => ({ id: item.id, nonce: (r?.nonce ?? 0) + 1 }));
    const stage = tree.stages.find((s) => s.id === item.stage)!;
    setOwnSelected(item.id);
    onSelectBar?.({ id: item.id, kind: "item", stage, item });
  };

  const exportStem = props.exportName ?? "build-timings";
  const copyLink = async () => {
    if (!props.shareUrl) return;
    const url = props.shareUrl(urlState);
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus({ ok: true, text: "Link copied" });
    } catch {
      setCopyStatus({ ok: false, text: url });
    }
  };

  if (tree.items.length === 0) return <TimingsEmpty reason="no-timings" />;

  return (
    <div
      className="flex flex-col gap-3"
      data-testid="timings-chart"
      data-critical-path={showCritical ? "on" : "off"}
      data-live={live ? "true" : undefined}
      data-baseline={baselineReady ? "ready" : undefined}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label className="relative flex min-w-0 flex-1 basis-48 items-center">
          <span className="sr-only">Filter bars by name</span>
          <Search aria-hidden className="pointer-events-none absolute left-2 size-3.5 text-muted" />
          <input
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="Filter by name, action, source"
            className="h-8 w-full rounded-md border border-border bg-panel pl-7 pr-2 text-sm text-text placeholder:text-muted"
          />
        </label>
        <label className="flex items-center gap-1.5 text-xs text-muted">
          Sort items
          <select
            value={sort}
            onChange={(e) => setSort(e.target.value as SortOrder)}
            className="h-8 rounded-md border border-border bg-panel px-2 text-sm text-text"
          >
            <option value="start">by start</option>
            <option value="duration">by duration</option>
          </select>
        </label>
        <Button size="sm" onClick={() => setExpanded(new Set(tree.stages.map((s) => s.id)))}>
          <ChevronsUpDown aria-hidden className="size-3.5" />
          Expand all
        </Button>
        <Button size="sm" onClick={() => setExpanded(new Set())}>
          <ChevronsDownUp aria-hidden className="size-3.5" />
          Collapse all
        </Button>
        <Button
          size="sm"
          variant={showCritical ? "primary" : "secondary"}
          aria-pressed={showCritical}
          onClick={() => setShowCritical((v) => !v)}
        >
          <Route aria-hidden className="size-3.5" />
          Critical path
        </Button>
        <Button
          size="sm"
          variant={compress ? "primary" : "secondary"}
          aria-pressed={compress}
          disabled={!compressible && !compress}
          title={compressible ? "Shrink long stretches where nothing ran" : "No idle gap long enough to compress"}
          onClick={() => setCompress((v) => !v)}
        >
          <UnfoldHorizontal aria-hidden className="size-3.5" />
          Compress idle gaps
        </Button>
        <Button
          size="sm"
          variant={asTable ? "primary" : "secondary"}
          aria-pressed={asTable}
          onClick={() => setAsTable((v) => !v)}
        >
          <Table2 aria-hidden className="size-3.5" />
          View as table
        </Button>
        <Button
          size="sm"
          onClick={() =>
            downloadText(
              `${exportStem}.trace.json`,
              JSON.stringify(toChromeTrace(tree, props.label ? `build ${props.label}` : "workspace build")),
              "application/json",
            )
          }
        >
          <Download aria-hidden className="size-3.5" />
          Export trace
        </Button>
        <Button size="sm" onClick={() => downloadText(`${exportStem}.csv`, toCsv(tree), "text/csv")}>
          <FileSpreadsheet aria-hidden className="size-3.5" />
          Export CSV
        </Button>
        {props.shareUrl && (
          <Button size="sm" onClick={copyLink}>
            <Link2 aria-hidden className="size-3.5" />
            Copy link
          </Button>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        <p
          className={cx("font-mono tabular-nums", showCritical ? "text-text" : "text-muted")}
          data-testid="critical-path-summary"
        >
          {path ? describeCriticalPath(path) : "critical path: working it out…"}
        </p>
        <p className="text-muted">
          {formatCount(tree.items.length)} items in {tree.stages.length} stages
          {filter ? ` · ${formatCount(matches)} match “${filter}”` : ""}
          {tree.skipped ? ` · ${tree.skipped} without a start time not shown` : ""}
        </p>
        {live && (
          <p className="flex items-center gap-1.5 text-progress">
            <span aria-hidden className="size-2 rounded-full bg-progress motion-safe:animate-pulse" />
            Live: bars grow until the build and its agents finish
          </p>
        )}
        <p role="status" className={cx("min-w-0 break-all", copyStatus?.ok === false ? "text-text" : "text-ok")}>
          {copyStatus && (copyStatus.ok ? copyStatus.text : `Copy this link: ${copyStatus.text}`)}
        </p>
      </div>

      <div className={cx("grid gap-3", !props.compact && "xl:grid-cols-[minmax(0,1fr)_18rem]")}>
        <div className="min-w-0">
          {rows.length === 0 ? (
            <p className="rounded-md border border-dashed border-border px-3 py-6 text-center text-sm text-muted">
              No bar matches “{filter}”.
            </p>
          ) : asTable ? (
            <TimingsTable tree={tree} rows={tableRows} now={now} critical={highlight} />
          ) : (
            <GanttPlot
              rows={rows}
              items={tree.items}
              axis={axis}
              now={now}
              live={live}
              expanded={expanded}
              highlight={highlight}
              baseline={baseline}
              deltas={deltas}
              verdictOf={verdictOf}
              selectedId={selectedId}
              initialRange={initial.range}
              reveal={reveal}
              onRangeCommit={setRange}
              onToggleStage={toggleStage}
              onSelectRow={selectRow}
              onDrawn={props.onDrawn}
              maxBodyHeight={props.maxBodyHeight}
            />
          )}
        </div>
        {!props.compact && (
          <div className="flex min-w-0 flex-col gap-3">
            {props.usual && (
              <SlowerList
                usual={props.usual}
                slow={slower}
                summary={usualSummary}
                size={props.usualSize}
                selectedId={selectedId}
                onPick={pickItem}
              />
            )}
            <SlowestList items={slowest} selectedId={selectedId} onPick={pickItem} />
          </div>
        )}
      </div>

      <Legend
        compare={Boolean(compare)}
        provisional={tree.items.some((i) => i.provisional)}
        usual={baselineReady !== undefined}
      />

      {comparison && compare && (
        <CompareTable
          comparison={comparison}
          baselineLabel={compare.label}
          currentLabel={props.label ?? "this build"}
        />
      )}
    </div>
  );
}

/** Wall clock that ticks while live (for the now-line and growing bars), frozen otherwise. */
function useLiveClock(live: boolean, fallback: number): number {
  const [now, setNow] = useState(() => (live ? Date.now() : fallback));
  useEffect(() => {
    if (!live) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), LIVE_TICK_MS);
    return () => clearInterval(timer);
  }, [live]);
  return live ? now : fallback;
}
