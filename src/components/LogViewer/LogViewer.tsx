import { useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type MouseEvent, type Ref } from "react";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { Copy, X } from "lucide-react";
import { exportLog, copyText } from "../../lib/logs/exportText";
import type { MatchRange } from "../../lib/logs/layout";
import { TRACE, type LevelCode } from "../../lib/logs/levels";
import { ParsedLineCache } from "../../lib/logs/parsedLines";
import { parseLineHash, rangeForClick } from "../../lib/logs/permalink";
import { headerGroup, LogRowIndex } from "../../lib/logs/rows";
import type { LogStore } from "../../lib/logs/store";
import { formatLineTime, gapBefore, type TimestampMode } from "../../lib/logs/time";
import { Button } from "../Button";
import { cx } from "../cx";
import { HEADER_HEIGHT, HeaderRow, LINE_HEIGHT, LineRow } from "./LogRow";
import { JumpToLatest, LogMessage, LogSkeleton, StreamErrorBanner, TruncatedBanner } from "./LogStates";
import { LogControls } from "./LogControls";
import { SearchBox } from "./SearchBox";
import { SourceTabs } from "./SourceTabs";
import { useLineHash } from "./useLineHash";
import { useLogBackground } from "./useLogBackground";
import { useLogSearch } from "./useLogSearch";
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

const isEditable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");

const EMPTY_MATCHES: MatchRange[] = [];

function LogViewerInner(props: LogViewerProps) {
  const { source: store, loading = false, live = false, error, onRetry, truncated, downloadUrl, onDownload, ref } = props;
  const isBuild = store.kind === "build";
  const permalinks = props.permalinks ?? isBuild;
  const globalShortcuts = props.globalShortcuts ?? isBuild;
  const label = props.label ?? (isBuild ? "Build log" : "Agent logs");
  const downloadName = props.downloadName ?? (isBuild ? "build.log" : "agent.log");

  const version = useStoreFrame(store);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [minLevel, setMinLevel] = useState<LevelCode>(TRACE);
  const [tabKey, setTabKey] = useState<string | null>(props.initialSource ?? null);
  const tab = tabKey === null ? null : store.groups.findIndex((g) => g.key === tabKey);
  const [wrap, setWrap] = useState(false);
  // Phones: the text needs the width more than the clock does.
  const [timestamps, setTimestamps] = useState<TimestampMode>(() => (window.matchMedia?.("(max-width: 639px)").matches ? "off" : "absolute"));
  const [fullScreen, setFullScreen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [copied, setCopied] = useState(false);

  const panelId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const panel = useLogBackground(rootRef);

  // ---- rows ----------------------------------------------------------------------------------
  const rowIndex = useMemo(
    () => new LogRowIndex(store, { headers: isBuild, collapsed, minLevel, group: tab === null || tab < 0 ? null : tab }),
    [store, isBuild, collapsed, minLevel, tab],
  );
  // New lines extend the index in place; `version` is what tells us there may be some.
  const rowCount = useMemo(() => {
    rowIndex.sync();
    return rowIndex.length;
  }, [rowIndex, version]);
  const cache = useMemo(() => new ParsedLineCache(store), [store]);

  const include = useCallback((line: number) => store.level(line) >= minLevel && (tab === null || store.groupOf(line) === tab), [store, minLevel, tab]);

  // While following, render the last rows whatever the (not yet updated) scroll offset says, so
  // each streamed frame renders its rows once, already at the bottom.
  const [following, setFollowing] = useState(live);
  const rangeExtractor = useCallback(
    (range: Range) => {
      if (!following || range.count === 0) return defaultRangeExtractor(range);
      const start = Math.max(0, range.count - (range.endIndex - range.startIndex + 1) - range.overscan);
      return Array.from({ length: range.count - start }, (_, i) => start + i);
    },
    [following],
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

  const topLine = useCallback(() => rowIndex.lineAtOrAfter(virtualizer.range?.startIndex ?? 0), [rowIndex, virtualizer]);

  // ---- follow --------------------------------------------------------------------------------
  // Lines present when follow was paused: the rest are "new" on the Jump to latest button.
  const [pausedAtLength, setPausedAtLength] = useState(() => store.length);
  const userPaused = useRef(false);
  const lastScrollTop = useRef(0);

  const pause = useCallback(() => {
    if (!following) return;
    userPaused.current = true;
    setFollowing(false);
    setPausedAtLength(store.length);
  }, [following, store]);

  const resume = useCallback(() => {
    userPaused.current = false;
    setFollowing(true);
  }, []);

  useEffect(() => {
    if (live && !userPaused.current) setFollowing(true);
  }, [live]);

  // Known from the row model, so sticking to the bottom never has to read (and force) layout first.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (following && el) el.scrollTop = totalSize;
  }, [following, totalSize]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT * 1.5;
    if (atBottom) {
      if (live && !following) resume();
    } else if (el.scrollTop < lastScrollTop.current) {
      pause();
    }
    lastScrollTop.current = el.scrollTop;
  };

  // ---- revealing a line (permalink, search match, error) -------------------------------------
  const [pending, setPending] = useState<{ line: number; align: "center" | "auto" } | null>(null);

  const reveal = useCallback(
    (line: number, align: "center" | "auto") => {
      pause();
      userPaused.current = true;
      setPending({ line, align });
    },
    [pause],
  );

  useEffect(() => {
    if (!pending || pending.line >= store.length) return;
    const { line, align } = pending;
    const row = rowIndex.rowOfLine(line);
    if (row >= 0) {
      virtualizer.scrollToIndex(row, { align });
      setPending(null);
      return;
    }
    // Hidden: open its stage, show all levels, or go to the tab that has it; try again next render.
    const g = store.groupOf(line);
    if (collapsed.has(g)) setCollapsed((c) => new Set([...c].filter((x) => x !== g)));
    if (store.level(line) < minLevel) setMinLevel(TRACE);
    if (tab !== null && tab !== g) setTabKey(null);
  }, [pending, rowIndex, rowCount, store, collapsed, minLevel, tab, virtualizer]);

  // ---- selection & permalinks ----------------------------------------------------------------
  const [selection, setSelection] = useLineHash(permalinks);
  const anchor = useRef<number | null>(selection?.start ?? null);
  const initialHashJump = useRef(selection);

  useEffect(() => {
    if (initialHashJump.current) reveal(initialHashJump.current.start - 1, "center");
    // A hash changed by the user (back/forward, edited URL) is another jump.
    const onHash = () => {
      const range = parseLineHash(window.location.hash);
      if (range) reveal(range.start - 1, "center");
    };
    if (!permalinks) return;
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

  const copySelection = async () => {
    if (!selection) return;
    await navigator.clipboard.writeText(copyText(store, selection.start - 1, selection.end - 1));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  // ---- search --------------------------------------------------------------------------------
  const search = useLogSearch(store, version, include, `${minLevel}:${tab}`);
  const [current, setCurrent] = useState(-1);
  const results = search.results;
  const matchCount = results?.count ?? 0;

  useEffect(() => setCurrent(-1), [search.query, minLevel, tab]);

  const goToMatch = useStableCallback((i: number) => {
    if (!results || results.count === 0) return;
    const index = ((i % results.count) + results.count) % results.count;
    setCurrent(index);
    reveal(results.line(index), "auto");
  });
  const nextMatch = useStableCallback(() => goToMatch(current + 1));
  const previousMatch = useStableCallback(() => goToMatch(current < 0 ? -1 : current - 1));

  // The first match shown is the first one at or below the top of the view.
  useEffect(() => {
    if (!results || current >= 0 || results.count === 0) return;
    const from = results.firstAtOrAfter(Math.max(0, topLine()));
    if (from < results.count) goToMatch(from);
    else if (search.done) goToMatch(0);
  }, [results, search.resultsVersion, search.done, current, goToMatch, topLine]);

  // Long unwrapped lines: bring the current match into view sideways too.
  useEffect(() => {
    if (current < 0) return;
    const id = requestAnimationFrame(() => {
      scrollRef.current?.querySelector('[data-match="current"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
    return () => cancelAnimationFrame(id);
  }, [current, pending]);

  // ---- errors --------------------------------------------------------------------------------
  const errorCount = tab === null || tab < 0 ? store.errors : (store.groups[tab]?.errors ?? 0);
  const lastError = useRef<number | null>(null);
  const goToError = useStableCallback((direction: 1 | -1) => {
    const from = lastError.current ?? (direction === 1 ? topLine() - 1 : topLine());
    let found = -1;
    if (direction === 1) {
      for (let i = 0; i < store.errors; i++) {
        const line = store.errorLine(i);
        if (line > from && (tab === null || store.groupOf(line) === tab)) {
          found = line;
          break;
        }
      }
    } else {
      for (let i = store.errors - 1; i >= 0; i--) {
        const line = store.errorLine(i);
        if (line < from && (tab === null || store.groupOf(line) === tab)) {
          found = line;
          break;
        }
      }
    }
    if (found < 0) return;
    lastError.current = found;
    anchor.current = found + 1;
    setSelection({ start: found + 1, end: found + 1 });
    reveal(found, "center");
  });
  const previousError = useCallback(() => goToError(-1), [goToError]);
  const nextError = useCallback(() => goToError(1), [goToError]);

  // ---- groups --------------------------------------------------------------------------------
  const toggleGroup = useCallback((g: number) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(g)) next.delete(g);
      else next.add(g);
      return next;
    });
  }, []);
  const allCollapsed = store.groups.length > 0 && collapsed.size >= store.groups.length;
  const toggleAll = useStableCallback(() => setCollapsed(allCollapsed ? new Set() : new Set(store.groups.map((g) => g.index))));

  // ---- download ------------------------------------------------------------------------------
  const download = useStableCallback(async () => {
    if (onDownload) return onDownload();
    setDownloading(true);
    try {
      const parts = await exportLog(store, tab === null ? undefined : (line) => store.groupOf(line) === tab);
      const url = URL.createObjectURL(new Blob(parts, { type: "text/plain;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = downloadName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setDownloading(false);
    }
  });
  const startDownload = useCallback(() => void download(), [download]);

  // ---- keyboard ------------------------------------------------------------------------------
  const scrollToEdge = useCallback(
    (end: boolean) => {
      const el = scrollRef.current;
      if (!el) return;
      if (end) {
        el.scrollTop = el.scrollHeight;
        resume();
      } else {
        pause();
        el.scrollTop = 0;
      }
    },
    [pause, resume],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target;
      const inside = target instanceof Node && rootRef.current?.contains(target);
      const unfocused = target === document.body || target === document.documentElement;
      if (!inside && !(globalShortcuts && unfocused)) return;
      if (e.key === "Escape" && fullScreen) {
        setFullScreen(false);
        return;
      }
      if (isEditable(target)) return;
      if (e.key === "/") {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === "g" || e.key === "G") {
        e.preventDefault();
        scrollToEdge(e.key === "G");
      } else if (e.key === "?") {
        e.preventDefault();
        setHelpOpen((open) => !open);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [globalShortcuts, fullScreen, scrollToEdge]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToLine: (line) => reveal(Math.max(0, line - 1), "center"),
      scrollToTime: (ms) => {
        for (let i = 0; i < store.length; i++) {
          if (store.time(i) >= ms) return reveal(i, "center");
        }
      },
      showSource: (id) => setTabKey(id),
    }),
    [reveal, store],
  );

  // ---- render --------------------------------------------------------------------------------
  const digits = String(Math.max(store.length, 1)).length;
  const gutterWidth = `${digits + 2}ch`;
  const timeWidth = timestamps === "off" ? null : "14ch";
  const startTime = store.startTime;
  const showSourceChip = !isBuild && tab === null && store.groups.length > 1;
  const newLines = store.length - pausedAtLength;
  const items = virtualizer.getVirtualItems();
  const measureRef = wrap ? virtualizer.measureElement : undefined;

  // The stage being read stays visible above its lines.
  const firstRow = items.length > 0 ? rowIndex.at(virtualizer.range?.startIndex ?? items[0].index) : -1;
  const pinnedGroup = isBuild && firstRow >= 0 ? store.groupOf(firstRow) : -1;

  let body;
  if (store.length === 0) {
    body = loading ? <LogSkeleton /> : <LogMessage title={live ? "Waiting for logs…" : "No logs"} detail={live ? "Lines appear here as they are written." : undefined} />;
  } else if (rowCount === 0) {
    body =
      minLevel > TRACE ? (
        <LogMessage title="No lines at this level" action={{ label: "Show all levels", onClick: () => setMinLevel(TRACE) }} />
      ) : (
        <LogMessage title="No logs from this source yet" />
      );
  } else {
    body = (
      <>
        {pinnedGroup >= 0 && (
          <HeaderRow index={-1} start={null} group={store.groups[pinnedGroup]} version={version} collapsed={collapsed.has(pinnedGroup)} onToggle={toggleGroup} />
        )}
        <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const value = rowIndex.at(item.index);
            if (value < 0) {
              const g = headerGroup(value);
              const group = store.groups[g];
              return (
                <HeaderRow key={item.key} index={item.index} start={item.start} group={group} version={version} collapsed={collapsed.has(g)} onToggle={toggleGroup} />
              );
            }
            const line = value;
            let matches = EMPTY_MATCHES;
            let matchKey = "";
            if (results && results.count > 0) {
              const [from, to] = results.rangeOnLine(line);
              if (to > from) {
                matches = [];
                for (let i = from; i < to; i++) matches.push({ start: results.start(i), end: results.end(i), current: i === current });
                matchKey = `${from}:${to}:${current >= from && current < to ? current : -1}`;
              }
            }
            return (
              <LineRow
                key={item.key}
                index={item.index}
                line={line}
                start={item.start}
                parsed={cache.get(line)}
                level={store.level(line)}
                matches={matches}
                matchKey={matchKey}
                selected={selection !== null && line + 1 >= selection.start && line + 1 <= selection.end}
                time={timeWidth ? formatLineTime(store.time(line), timestamps, startTime) : ""}
                timeWidth={timeWidth}
                gapMs={line > 0 ? gapBefore(store.time(line - 1), store.time(line)) : 0}
                gutterWidth={gutterWidth}
                wrap={wrap}
                permalink={permalinks}
                source={showSourceChip ? store.groups[store.groupOf(line)].name : null}
                panel={panel}
                measureRef={measureRef}
                onLineClick={onLineClick}
              />
            );
          })}
        </div>
      </>
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
      {!isBuild && <SourceTabs store={store} value={tabKey} onChange={setTabKey} panelId={panelId} />}
      <div role="toolbar" aria-label="Log tools" className="flex flex-wrap items-start gap-2 border-b border-border p-2">
        <SearchBox
          inputRef={searchRef}
          query={search.query}
          onQueryChange={search.setQuery}
          error={search.error}
          count={matchCount}
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
          allCollapsed={allCollapsed}
          onToggleAll={toggleAll}
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
        <div className="flex items-center gap-2 border-b border-border bg-raised/60 px-3 py-1 text-xs">
          <span className="tabular-nums">
            {selection.start === selection.end ? `Line ${selection.start}` : `Lines ${selection.start}–${selection.end}`} selected
          </span>
          <Button size="sm" variant="ghost" onClick={() => void copySelection()}>
            <Copy aria-hidden className="size-3.5" />
            {copied ? "Copied" : selection.start === selection.end ? "Copy line" : "Copy lines"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelection(null)} aria-label="Clear selection">
            <X aria-hidden className="size-3.5" />
          </Button>
        </div>
      )}
      <div className="relative min-h-0 flex-1">
        <div
          ref={scrollRef}
          id={panelId}
          tabIndex={0}
          {...(isBuild
            ? { role: "region", "aria-label": `${label} lines` }
            : { role: "tabpanel", "aria-labelledby": `${panelId}-tab-${tabKey ?? "all"}` })}
          onScroll={onScroll}
          onWheel={(e) => {
            if (e.deltaY < 0) pause();
          }}
          className="absolute inset-0 overflow-auto font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
        >
          {body}
        </div>
        {!following && (live || newLines > 0) && store.length > 0 && <JumpToLatest count={newLines} onClick={() => scrollToEdge(true)} />}
      </div>
    </section>
  );
}
