import { memo, type MouseEvent, type ReactNode, type Ref } from "react";
import { ChevronDown, ChevronRight, CircleX, Hourglass } from "lucide-react";
import { layoutRow, MATCH_CURRENT, MATCH_NONE, type MatchRange, type RowPiece } from "../../lib/logs/layout";
import { DEBUG, ERROR, TRACE, WARN } from "../../lib/logs/levels";
import type { ParsedLine } from "../../lib/logs/parsedLines";
import type { LogGroup } from "../../lib/logs/store";
import { formatCount, formatDuration } from "../../lib/format";
import { cx } from "../cx";
import { pieceStyle } from "./ansiStyle";

export const LINE_HEIGHT = 20;
export const HEADER_HEIGHT = 28;

function renderPieces(pieces: RowPiece[], keyPrefix: string, panel: number): ReactNode[] {
  return pieces.map((p, i) => {
    const style = pieceStyle(p, panel);
    // Unstyled text needs no element: fewer nodes to create, style and lay out per row.
    if (style === undefined && p.match === MATCH_NONE) return p.text;
    return (
      <span
        key={`${keyPrefix}${i}`}
        style={style}
        data-match={p.match === MATCH_NONE ? undefined : p.match === MATCH_CURRENT ? "current" : "other"}
      >
        {p.text}
      </span>
    );
  });
}

/** Log text as spans and safe links: text nodes only, never markup from the log. */
function LineText({ parsed, matches, panel }: { parsed: ParsedLine; matches: MatchRange[]; panel: number }) {
  const chunks = layoutRow(parsed.segments, parsed.links, matches);
  return (
    <>
      {chunks.map((chunk, i) =>
        chunk.href === null ? (
          renderPieces(chunk.pieces, `t${i}-`, panel)
        ) : (
          <a
            key={`l${i}`}
            href={chunk.href}
            target="_blank"
            rel="noopener noreferrer"
            className="underline decoration-dotted underline-offset-2 hover:decoration-solid"
          >
            {renderPieces(chunk.pieces, `l${i}-`, panel)}
          </a>
        ),
      )}
    </>
  );
}

const LEVEL_ROW: Record<number, string> = {
  [TRACE]: "text-muted",
  [DEBUG]: "text-muted",
  [WARN]: "bg-attention/10",
  [ERROR]: "bg-failure/10",
};

// The opaque (sticky) line-number gutter carries the level's edge mark, so it stays visible.
const LEVEL_GUTTER: Record<number, string> = {
  [WARN]:
    "shadow-[inset_2px_0_0_var(--color-attention)] bg-[color-mix(in_srgb,var(--color-attention)_10%,var(--color-panel))]",
  [ERROR]:
    "shadow-[inset_2px_0_0_var(--color-failure)] bg-[color-mix(in_srgb,var(--color-failure)_10%,var(--color-panel))]",
};
const SELECTED_GUTTER = "bg-[color-mix(in_srgb,var(--color-accent)_14%,var(--color-panel))] text-text";

export interface LineRowProps {
  index: number;
  line: number;
  start: number;
  parsed: ParsedLine;
  level: number;
  matches: MatchRange[];
  /** Changes when `matches` content changes (the array itself is rebuilt every render). */
  matchKey: string;
  selected: boolean;
  time: string;
  /** CSS width of the time column; null hides it. */
  timeWidth: string | null;
  gapMs: number;
  gutterWidth: string;
  wrap: boolean;
  permalink: boolean;
  source: string | null;
  /** Log background (0xRRGGBB): fixed ANSI colours are kept readable against it. */
  panel: number;
  measureRef?: Ref<HTMLDivElement>;
  onLineClick: (line: number, event: MouseEvent) => void;
}

function LineRowImpl(props: LineRowProps) {
  const {
    index,
    line,
    start,
    parsed,
    level,
    matches,
    selected,
    time,
    timeWidth,
    gapMs,
    gutterWidth,
    wrap,
    permalink,
    source,
    panel,
    measureRef,
    onLineClick,
  } = props;
  const n = line + 1;
  const numberClass = cx(
    "sticky left-0 z-[1] shrink-0 select-none pr-3 text-right tabular-nums text-muted hover:text-text hover:underline",
    selected ? SELECTED_GUTTER : (LEVEL_GUTTER[level] ?? "bg-panel"),
  );
  return (
    <div
      ref={measureRef}
      data-index={index}
      data-line={n}
      data-selected={selected || undefined}
      className={cx(
        // Rows are independent boxes: containment keeps style and layout work inside each new row.
        "absolute left-0 top-0 flex min-w-full [contain:layout_style]",
        wrap ? "w-full" : "w-max",
        LEVEL_ROW[level],
        selected && "bg-[var(--log-selected)]",
        gapMs > 0 && "border-t border-dashed border-attention/60",
      )}
      style={{ transform: `translateY(${start}px)`, height: wrap ? undefined : LINE_HEIGHT, minHeight: LINE_HEIGHT }}
    >
      {permalink ? (
        <a
          href={`#L${n}`}
          className={numberClass}
          style={{ width: gutterWidth }}
          onClick={(e) => onLineClick(line, e)}
          aria-label={`Line ${n}`}
        >
          {n}
        </a>
      ) : (
        <button
          type="button"
          className={numberClass}
          style={{ width: gutterWidth }}
          onClick={(e) => onLineClick(line, e)}
          aria-label={`Select line ${n}`}
        >
          {n}
        </button>
      )}
      {timeWidth !== null && (
        <span className="shrink-0 select-none pr-3 tabular-nums text-muted" style={{ width: timeWidth }}>
          {time}
        </span>
      )}
      {gapMs > 0 && (
        <span
          className="mr-2 inline-flex shrink-0 select-none items-center gap-1 text-attention"
          title={`${formatDuration(gapMs)} since the previous line`}
        >
          <Hourglass aria-hidden className="size-3" />
          <span className="sr-only">Waited </span>
          {formatDuration(gapMs)}
        </span>
      )}
      {source !== null && <span className="mr-2 max-w-40 shrink-0 select-none truncate text-muted">[{source}]</span>}
      <span
        data-log-text=""
        className={cx("pr-4", wrap ? "min-w-0 whitespace-pre-wrap [overflow-wrap:anywhere]" : "whitespace-pre")}
      >
        <LineText parsed={parsed} matches={matches} panel={panel} />
      </span>
    </div>
  );
}

export const LineRow = memo(LineRowImpl, (a, b) => {
  for (const key of Object.keys(a) as Array<keyof LineRowProps>) {
    if (key === "matches") continue;
    if (a[key] !== b[key]) return false;
  }
  return true;
});

export interface HeaderRowProps {
  index: number;
  /** Offset in the list; null = pinned at the top of the viewport (the stage being read). */
  start: number | null;
  group: LogGroup;
  /** Changes whenever the group's counters may have changed. */
  version: number;
  collapsed: boolean;
  onToggle: (group: number) => void;
}

function HeaderRowImpl({ index, start, group, collapsed, onToggle }: HeaderRowProps) {
  const Chevron = collapsed ? ChevronRight : ChevronDown;
  const duration = group.lastTime - group.firstTime;
  return (
    <div
      data-index={index}
      data-group={group.index}
      className={cx("left-0 top-0 flex w-full items-end", start === null ? "sticky z-[2] bg-panel" : "absolute")}
      style={
        start === null
          ? { height: HEADER_HEIGHT, marginBottom: -HEADER_HEIGHT }
          : { transform: `translateY(${start}px)`, height: HEADER_HEIGHT }
      }
    >
      <button
        type="button"
        aria-expanded={!collapsed}
        onClick={() => onToggle(group.index)}
        className="sticky left-0 flex h-6 w-full min-w-0 items-center gap-2 rounded-sm bg-raised px-2 text-left font-sans text-xs hover:bg-border/60"
      >
        <Chevron aria-hidden className="size-3.5 shrink-0 text-muted" />
        <span className="truncate font-semibold text-text">{group.name || "(no stage)"}</span>
        <span className="shrink-0 tabular-nums text-muted">
          {formatCount(group.count)} {group.count === 1 ? "line" : "lines"}
        </span>
        {Number.isFinite(duration) && (
          <span className="shrink-0 tabular-nums text-muted">{formatDuration(duration)}</span>
        )}
        {group.errors > 0 && (
          <span className="inline-flex shrink-0 items-center gap-1 font-medium text-failure">
            <CircleX aria-hidden className="size-3.5" />
            {group.errors} {group.errors === 1 ? "error" : "errors"}
          </span>
        )}
      </button>
    </div>
  );
}

export const HeaderRow = memo(HeaderRowImpl);
