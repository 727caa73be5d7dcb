import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type Ref,
} from "react";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { adjacentError } from "../../lib/logs/errors";
import { copyText, exportLog } from "../../lib/logs/exportText";
import { TRACE } from "../../lib/logs/levels";
import { ParsedLineCache } from "../../lib/logs/parsedLines";
import { parseLineHash, rangeForClick } from "../../lib/logs/permalink";
import { LogRowIndex } from "../../lib/logs/rows";
import type { LogStore } from "../../lib/logs/store";
import type { TimestampMode } from "../../lib/logs/time";
import { cx } from "../cx";
import { LogControls } from "./LogControls";
import { LogLines } from "./LogLines";
import { HEADER_HEIGHT, LINE_HEIGHT } from "./LogRow";
import { JumpToLatest, LogMessage, LogSkeleton, StreamErrorBanner, TruncatedBanner } from "./LogStates";
import { saveText } from "./saveText";
import { SearchBox } from "./SearchBox";
import { SelectionBar } from "./SelectionBar";
import { SourceTabs } from "./SourceTabs";
import { useFollow, useStickToBottom } from "./useFollow";
import { useLineHash } from "./useLineHash";
import { useLogBackground } from "./useLogBackground";
import { useLogFilters } from "./useLogFilters";
import { useReveal } from "./useReveal";
import { useSearchMatches } from "./useSearchMatches";
import { useShortcuts } from "./useShortcuts";
import { useStableCallback } from "./useStableCallback";
import { useStoreFrame } from "./useStoreFrame";
import "./LogViewer.css";

export interface LogViewerHandle {
  /** Scrolls to a 1-based line (expanding its stage / relaxing filters if needed). */
  scrollToLine: (line: number) => void;
  /** Scrolls to the first line at or after a time (epoch ms), e.g. from a timing bar. */
  scrollToTime: (ms: number) => void;
  /** Agent logs: shows one source's tab (null = All). */
  showSource: (sourceId: string | null) => void;
}

export interface LogViewerProps {
  source: LogStore;
  /** Accessible name of the viewer, e.g. "Build log". */
  label?: string;
  /** The backlog has not arrived yet: skeleton lines. */
  loading?: boolean;
  /** Lines are streaming in: follow mode (stick to the bottom) starts on. */
  live?: boolean;
  /** The stream failed; lines received so far stay visible. */
  error?: string | null;
  onRetry?: () => void;
  /** The server stopped storing lines (`logs_overflowed`). */
  truncated?: boolean;
  /** Server-side download (build logs: `/api/v2/workspacebuilds/{id}/logs?format=text`). */
  downloadUrl?: string;
  /** Custom download; without it and without `downloadUrl` the text is generated from the store. */
  onDownload?: () => void;
  downloadName?: string;
  /** Read/write `#L120` in the URL (default: build logs yes, agent logs no). */
  permalinks?: boolean;
  /** Shortcuts also work when nothing on the page has focus (default: build logs). */
  globalShortcuts?: boolean;
  /** Agent logs: the source tab shown first. */
  initialSource?: string;
  className?: string;
  ref?: Ref<LogViewerHandle>;
}

const storeIds = new WeakMap<LogStore, number>();
let nextStoreId = 1;
function storeId(store: LogStore): number {
  let id = storeIds.get(store);
  if (id === undefined) storeIds.set(store, (id = nextStoreId++));
  return id;
}

/** A new store (another build) starts from a clean state: the inner viewer is keyed by it. */
export function LogViewer(props: LogViewerProps) {
  return <LogViewerInner key={storeId(props.source)} {...props} />;
}

function LogViewerInner(props: LogViewerProps) {
  const {
    source: store,
    loading = false,
    live = false,
    error,
    onRetry,
    truncated,
    downloadUrl,
    onDownload,
    ref,
  } = props;
  const isBuild = store.kind === "build";
  const permalinks = props.permalinks ?? isBuild;
  const label = props.label ?? (isBuild ? "Build log" : "Agent logs");
  const downloadName = props.downloadName ?? (isBuild ? "build.log" : "agent.log");

  const version = useStoreFrame(store);
  const filters = useLogFilters(store, props.initialSource);
  const { collapsed, minLevel, setMinLevel, tabKey, setTabKey, tab } = filters;
  const [wrap, setWrap] = useState(false);
  // Phones: the text needs the width more than the clock does.
  const [timestamps, setTimestamps] = useState<TimestampMode>(() =>
    window.matchMedia?.("(max-width: 639px)").matches ? "off" : "absolute",
  );
  const [fullScreen, setFullScreen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const panelId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const panel = useLogBackground(rootRef);

  // ---- rows ----------------------------------------------------------------------------------
  const rowIndex = useMemo(
    () => new LogRowIndex(store, { headers: isBuild, collapsed, minLevel, group: tab }),
    [store, isBuild, collapsed, minLevel, tab],
  );
  // New lines extend the index in place; `version` is what tells us there may be some.
  const rowCount = useMemo(() => {
    rowIndex.sync();
    return rowIndex.length;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` counts the store's in-place appends
  }, [rowIndex, version]);
  const cache = useMemo(() => new ParsedLineCache(store), [store]);

  const follow = useFollow(live, store, scrollRef);
  // While following, render the last rows whatever the (not yet updated) scroll offset says, so
  // each streamed frame renders its rows once, already at the bottom.
  const rangeExtractor = useCallback(
    (range: Range) => {
      if (!follow.following || range.count === 0) return defaultRangeExtractor(range);
      // Rows above the viewport would be replaced next frame anyway: keep the overscan small.
      const start = Math.max(0, range.count - (range.endIndex - range.startIndex + 1) - 2);
      return Array.from({ length: range.count - start }, (_, i) => start + i);
    },
    [follow.following],
  );
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: useCallback((i: number) => (rowIndex.at(i) < 0 ? HEADER_HEIGHT : LINE_HEIGHT), [rowIndex]),
    getItemKey: useCallback((i: number) => rowIndex.at(i), [rowIndex]),
    overscan: 8,
    rangeExtractor,
    // The pinned stage header covers the top of the viewport: scroll targets land below it.
    scrollPaddingStart: isBuild ? HEADER_HEIGHT : 0,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [wrap, virtualizer]);
  useStickToBottom(scrollRef, follow.following, virtualizer.getTotalSize());
  const topLine = useCallback(
    () => rowIndex.lineAtOrAfter(virtualizer.range?.startIndex ?? 0),
    [rowIndex, virtualizer],
  );

  const { reveal, pending } = useReveal({
    store,
    rowIndex,
    rowCount,
    virtualizer,
    unhide: filters.unhide,
    onReveal: follow.pause,
  });

  // ---- selection & permalinks ----------------------------------------------------------------
  const [selection, setSelection] = useLineHash(permalinks);
  const anchor = useRef<number | null>(selection?.start ?? null);
  const initialHashJump = useRef(selection);

  useEffect(() => {
    if (initialHashJump.current) reveal(initialHashJump.current.start - 1, "center");
    initialHashJump.current = null;
    if (!permalinks) return;
    // A hash changed by the user (back/forward, edited URL) is another jump.
    const onHash = () => {
      const range = parseLineHash(window.location.hash);
      if (range) reveal(range.start - 1, "center");
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [permalinks, reveal]);

  const onLineClick = useCallback(
    (line: number, event: MouseEvent) => {
      event.preventDefault();
      const range = rangeForClick(line + 1, anchor.current, event.shiftKey);
      if (!event.shiftKey) anchor.current = line + 1;
      setSelection(range);
    },
    [setSelection],
  );

  // ---- search --------------------------------------------------------------------------------
  const { search, current, nextMatch, previousMatch } = useSearchMatches({
    store,
    version,
    include: filters.include,
    filterKey: `${minLevel}:${tab}`,
    reveal,
    topLine,
    pending,
    scrollRef,
  });
  const results = search.results;

  // ---- errors --------------------------------------------------------------------------------
  const errorCount = tab === null ? store.errors : store.groups[tab].errors;
  const lastError = useRef<number | null>(null);
  const goToError = useStableCallback((direction: 1 | -1) => {
    const from = lastError.current ?? (direction === 1 ? topLine() - 1 : topLine());
    const found = adjacentError(store, from, direction, tab);
    if (found < 0) return;
    lastError.current = found;
    anchor.current = found + 1;
    setSelection({ start: found + 1, end: found + 1 });
    reveal(found, "center");
  });
  const previousError = useCallback(() => goToError(-1), [goToError]);
  const nextError = useCallback(() => goToError(1), [goToError]);

  // ---- download ------------------------------------------------------------------------------
  const download = useStableCallback(async () => {
    if (onDownload) return onDownload();
    setDownloading(true);
    try {
      saveText(await exportLog(store, tab === null ? undefined : (line) => store.groupOf(line) === tab), downloadName);
    } finally {
      setDownloading(false);
    }
  });
  const startDownload = useCallback(() => void download(), [download]);

  // ---- keyboard and handle -------------------------------------------------------------------
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);
  const toggleHelp = useCallback(() => setHelpOpen((open) => !open), []);
  const escape = useStableCallback(() => {
    if (!fullScreen) return false;
    setFullScreen(false);
    return true;
  });
  useShortcuts(rootRef, props.globalShortcuts ?? isBuild, {
    focusSearch,
    toEdge: follow.toEdge,
    toggleHelp,
    escape,
  });

  useImperativeHandle(
    ref,
    () => ({
      scrollToLine: (line) => reveal(Math.max(0, line - 1), "center"),
      scrollToTime: (ms) => {
        for (let i = 0; i < store.length; i++) if (store.time(i) >= ms) return reveal(i, "center");
      },
      showSource: (id) => setTabKey(id),
    }),
    [reveal, store, setTabKey],
  );

  // ---- render --------------------------------------------------------------------------------
  let body;
  if (store.length === 0) {
    body = loading ? (
      <LogSkeleton />
    ) : (
      <LogMessage
        title={live ? "Waiting for logs…" : "No logs"}
        detail={live ? "Lines appear here as they are written." : undefined}
      />
    );
  } else if (rowCount === 0) {
    body =
      minLevel > TRACE ? (
        <LogMessage
          title="No lines at this level"
          action={{ label: "Show all levels", onClick: () => setMinLevel(TRACE) }}
        />
      ) : (
        <LogMessage title="No logs from this source yet" />
      );
  } else {
    body = (
      <LogLines
        store={store}
        version={version}
        rowIndex={rowIndex}
        virtualizer={virtualizer}
        cache={cache}
        results={results}
        current={current}
        selection={selection}
        timestamps={timestamps}
        wrap={wrap}
        permalinks={permalinks}
        showSource={!isBuild && tab === null && store.groups.length > 1}
        panel={panel}
        recycle={follow.following && !wrap}
        collapsed={collapsed}
        onToggleGroup={filters.toggleGroup}
        onLineClick={onLineClick}
      />
    );
  }

  return (
    <section
      ref={rootRef}
      aria-label={label}
      className={cx(
        "log-viewer flex min-h-80 flex-col overflow-hidden border border-border bg-panel text-text",
        fullScreen ? "fixed inset-0 z-40 h-auto" : "h-full rounded-md",
        props.className,
      )}
    >
      {!isBuild && (
        <SourceTabs store={store} value={tab === null ? null : tabKey} onChange={setTabKey} panelId={panelId} />
      )}
      <div
        role="toolbar"
        aria-label="Log tools"
        className="flex flex-wrap items-start gap-2 border-b border-border p-2"
      >
        <SearchBox
          inputRef={searchRef}
          query={search.query}
          onQueryChange={search.setQuery}
          error={search.error}
          count={results?.count ?? 0}
          capped={results?.capped ?? false}
          current={current}
          done={search.done}
          onNext={nextMatch}
          onPrevious={previousMatch}
        />
        <LogControls
          minLevel={minLevel}
          onMinLevelChange={setMinLevel}
          errors={errorCount}
          onPreviousError={previousError}
          onNextError={nextError}
          timestamps={timestamps}
          onTimestampsChange={setTimestamps}
          wrap={wrap}
          onWrapChange={setWrap}
          hasGroups={isBuild && store.groups.length > 0}
          allCollapsed={filters.allCollapsed}
          onToggleAll={filters.toggleAll}
          downloadHref={downloadUrl}
          downloadName={downloadName}
          onDownload={startDownload}
          downloadBusy={downloading}
          fullScreen={fullScreen}
          onFullScreenChange={setFullScreen}
          helpOpen={helpOpen}
          onHelpOpenChange={setHelpOpen}
        />
      </div>
      {error && <StreamErrorBanner message={error} onRetry={onRetry} />}
      {truncated && <TruncatedBanner />}
      {selection && selection.start <= store.length && (
        <SelectionBar
          selection={selection}
          getText={() => copyText(store, selection.start - 1, selection.end - 1)}
          onClear={() => setSelection(null)}
        />
      )}
      <div className="relative min-h-0 flex-1">
        <div
          ref={scrollRef}
          id={panelId}
          tabIndex={0}
          {...(isBuild
            ? { role: "region", "aria-label": `${label} lines` }
            : { role: "tabpanel", "aria-labelledby": `${panelId}-tab-${tab === null ? "all" : tabKey}` })}
          onScroll={follow.onScroll}
          onWheel={follow.onWheel}
          className="absolute inset-0 overflow-auto font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        >
          {body}
        </div>
        {!follow.following && (live || follow.newLines > 0) && store.length > 0 && (
          <JumpToLatest count={follow.newLines} onClick={() => follow.toEdge(true)} />
        )}
      </div>
    </section>
  );
}
