import type { Key, MouseEvent } from "react";
import type { Virtualizer } from "@tanstack/react-virtual";
import type { MatchRange } from "../../lib/logs/layout";
import type { ParsedLineCache } from "../../lib/logs/parsedLines";
import type { LineRange } from "../../lib/logs/permalink";
import { headerGroup, type LogRowIndex } from "../../lib/logs/rows";
import type { SearchResults } from "../../lib/logs/search";
import type { LogStore } from "../../lib/logs/store";
import { formatLineTime, gapBefore, type TimestampMode } from "../../lib/logs/time";
import { HeaderRow, LineRow } from "./LogRow";

export interface LogLinesProps {
  store: LogStore;
  /** Store version: header counters follow it. */
  version: number;
  rowIndex: LogRowIndex;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  cache: ParsedLineCache;
  results: SearchResults | null;
  current: number;
  selection: LineRange | null;
  timestamps: TimestampMode;
  wrap: boolean;
  permalinks: boolean;
  /** Agent "All" tab: prefix each line with its source. */
  showSource: boolean;
  panel: number;
  /**
   * Key rows by their slot in the rendered window instead of by line. While following a fast
   * stream every frame shows all-new lines: recycled rows are patched in place (text and offset)
   * instead of being torn down and rebuilt, which is most of a frame's style and layout work.
   */
  recycle: boolean;
  collapsed: ReadonlySet<number>;
  onToggleGroup: (group: number) => void;
  onLineClick: (line: number, event: MouseEvent) => void;
}

const NO_MATCHES: MatchRange[] = [];

/** The virtualized rows: only those in (or near) the viewport exist in the DOM. */
export function LogLines(props: LogLinesProps) {
  const {
    store,
    version,
    rowIndex,
    virtualizer,
    cache,
    results,
    current,
    selection,
    timestamps,
    wrap,
    permalinks,
    showSource,
    panel,
    recycle,
    collapsed,
  } = props;
  const items = virtualizer.getVirtualItems();
  const keyOf = (index: number, key: Key): Key => (recycle ? index % items.length : key);
  const gutterWidth = `${String(Math.max(store.length, 1)).length + 2}ch`;
  const timeWidth = timestamps === "off" ? null : "14ch";
  const startTime = store.startTime;
  const measureRef = wrap ? virtualizer.measureElement : undefined;

  // The stage being read stays pinned above its lines.
  const firstRow = items.length > 0 ? rowIndex.at(virtualizer.range?.startIndex ?? items[0].index) : -1;
  const pinnedGroup = store.kind === "build" && firstRow >= 0 ? store.groupOf(firstRow) : -1;

  return (
    <>
      {pinnedGroup >= 0 && (
        <HeaderRow
          index={-1}
          start={null}
          group={store.groups[pinnedGroup]}
          version={version}
          collapsed={collapsed.has(pinnedGroup)}
          onToggle={props.onToggleGroup}
        />
      )}
      <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const value = rowIndex.at(item.index);
          if (value < 0) {
            const g = headerGroup(value);
            return (
              <HeaderRow
                key={keyOf(item.index, item.key)}
                index={item.index}
                start={item.start}
                group={store.groups[g]}
                version={version}
                collapsed={collapsed.has(g)}
                onToggle={props.onToggleGroup}
              />
            );
          }
          const line = value;
          let matches = NO_MATCHES;
          let matchKey = "";
          if (results && results.count > 0) {
            const [from, to] = results.rangeOnLine(line);
            if (to > from) {
              matches = [];
              for (let i = from; i < to; i++)
                matches.push({ start: results.start(i), end: results.end(i), current: i === current });
              matchKey = `${from}:${to}:${current >= from && current < to ? current : -1}`;
            }
          }
          return (
            <LineRow
              key={keyOf(item.index, item.key)}
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
              source={showSource ? store.groups[store.groupOf(line)].name : null}
              panel={panel}
              measureRef={measureRef}
              onLineClick={props.onLineClick}
            />
          );
        })}
      </div>
    </>
  );
}
