import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cx } from "./cx";
import { isTyping } from "./isTyping";
import { useKeydown } from "./useKeydown";
import {
  headerCheckState,
  moveIndex,
  nextSort,
  selectRange,
  sortRows,
  toggleAllShown,
  type SortDirection,
  type SortState,
  type SortValue,
} from "./dataTableModel";
import { PHONE_QUERY, useMediaQuery } from "./useMediaQuery";

export type { SortDirection, SortState } from "./dataTableModel";

export interface DataTableColumn<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable; also what client-side sorting compares. */
  sortValue?: (row: T) => SortValue;
  /** Direction of the first click (dates and durations usually want `desc`). */
  initialDirection?: SortDirection;
  align?: "left" | "right";
  /** Width and responsive visibility, e.g. `w-40 hidden md:table-cell` (apply to header and cells). */
  className?: string;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly DataTableColumn<T>[];
  getRowId: (row: T) => string;
  /** Accessible name of the table (and of the card list on phones). */
  label: string;
  /** Controlled sort; without it the table keeps its own, starting at `defaultSort`. */
  sort?: SortState | null;
  defaultSort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Rows arrive already sorted (server-side or by the page); headers only report clicks. */
  manualSorting?: boolean;
  /** Enables checkboxes (shift-click selects a range). */
  selectedIds?: ReadonlySet<string>;
  onSelectionChange?: (ids: Set<string>) => void;
  /** Names a row's checkbox for screen readers ("Select dev"); defaults to the row id. */
  getRowLabel?: (row: T) => string;
  /** Enter on a focused row, or a click on the row outside its links and buttons. */
  onRowOpen?: (row: T) => void;
  /** Under 640 px the table becomes a list of these cards. */
  renderCard?: (row: T) => ReactNode;
  /** Shown instead of the body when there are no rows. */
  empty?: ReactNode;
  density?: "default" | "compact";
  rowClassName?: (row: T) => string | undefined;
  /** `document`: j/k move rows from anywhere on the page (not while typing); `table`: only inside it. */
  keyboardScope?: "table" | "document";
  className?: string;
}

const INTERACTIVE =
  "a, button, input, select, textarea, label, [role='checkbox'], [role='menuitem'], [data-row-ignore]";

/**
 * A dense, typed table: sortable headers (`aria-sort`), optional row selection with shift-click
 * ranges, j/k + Enter keyboard navigation (roving tabindex), 40 px rows, cards on phones.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const {
    rows,
    columns,
    getRowId,
    label,
    onSortChange,
    manualSorting = false,
    selectedIds,
    onSelectionChange,
    getRowLabel,
    onRowOpen,
    renderCard,
    empty,
    density = "default",
    rowClassName,
    keyboardScope = "table",
    className,
  } = props;
  const [ownSort, setOwnSort] = useState<SortState | null>(props.defaultSort ?? null);
  const sort = props.sort !== undefined ? props.sort : ownSort;
  const selectable = selectedIds !== undefined && onSelectionChange !== undefined;
  const isPhone = useMediaQuery(PHONE_QUERY);

  const sorted = useMemo(() => {
    if (manualSorting || !sort) return rows;
    const column = columns.find((c) => c.id === sort.columnId);
    return column?.sortValue ? sortRows(rows, column.sortValue, sort.direction) : rows;
  }, [rows, columns, sort, manualSorting]);
  const ids = useMemo(() => sorted.map(getRowId), [sorted, getRowId]);

  const [activeIndex, setActiveIndex] = useState(-1);
  const anchorId = useRef<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLElement>());

  const focusRow = (index: number) => {
    setActiveIndex(index);
    const id = ids[index];
    if (id !== undefined) rowRefs.current.get(id)?.focus();
  };

  const toggle = (id: string, shift: boolean) => {
    if (!selectable) return;
    onSelectionChange(
      shift ? selectRange(selectedIds, ids, anchorId.current, id) : selectRange(selectedIds, ids, null, id),
    );
    anchorId.current = id;
  };

  // A ref keeps the document listener stable while reading the latest rows and handlers.
  useKeydown(
    (e) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      if (e.key === "j" || e.key === "k") {
        e.preventDefault();
        focusRow(moveIndex(activeIndex, e.key === "j" ? 1 : -1, ids.length));
      }
    },
    { enabled: keyboardScope === "document" },
  );

  const onRowKeyDown = (e: KeyboardEvent<HTMLElement>, row: T, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "ArrowDown" || (keyboardScope === "table" && e.key === "j")) {
      e.preventDefault();
      focusRow(moveIndex(index, 1, ids.length));
    } else if (e.key === "ArrowUp" || (keyboardScope === "table" && e.key === "k")) {
      e.preventDefault();
      focusRow(moveIndex(index, -1, ids.length));
    } else if (e.key === "Enter" && onRowOpen) {
      e.preventDefault();
      onRowOpen(row);
    } else if ((e.key === " " || e.key === "x") && selectable) {
      e.preventDefault();
      toggle(ids[index], e.shiftKey);
    }
  };

  const onRowClick = (e: MouseEvent<HTMLElement>, row: T, index: number) => {
    setActiveIndex(index);
    if (!onRowOpen) return;
    if (e.target instanceof Element && e.target.closest(INTERACTIVE)) return;
    // A text selection drag is not a click on the row.
    if (window.getSelection()?.toString()) return;
    onRowOpen(row);
  };

  const registerRow = (id: string) => (el: HTMLElement | null) => {
    if (el) rowRefs.current.set(id, el);
    else rowRefs.current.delete(id);
  };

  const changeSort = (column: DataTableColumn<T>) => {
    const next = nextSort(sort, column.id, column.initialDirection);
    if (props.sort === undefined) setOwnSort(next);
    onSortChange?.(next);
  };

  if (sorted.length === 0 && empty) return <>{empty}</>;

  const check = selectable ? headerCheckState(selectedIds, ids) : "none";

  if (isPhone && renderCard) {
    return (
      <ul aria-label={label} className={cx("flex flex-col gap-2", className)}>
        {sorted.map((row, index) => {
          const id = ids[index];
          return (
            <li
              key={id}
              ref={registerRow(id)}
              tabIndex={index === Math.max(activeIndex, 0) ? 0 : -1}
              onKeyDown={(e) => onRowKeyDown(e, row, index)}
              onClick={(e) => onRowClick(e, row, index)}
              className={cx(
                "flex items-start gap-3 rounded-md border border-border bg-panel p-3",
                onRowOpen && "cursor-pointer",
                rowClassName?.(row),
              )}
            >
              {selectable && (
                <input
                  type="checkbox"
                  readOnly
                  checked={selectedIds.has(id)}
                  onClick={(e) => toggle(id, e.shiftKey)}
                  aria-label={`Select ${getRowLabel ? getRowLabel(row) : id}`}
                  className="mt-1 size-4 accent-accent"
                />
              )}
              <div className="min-w-0 flex-1">{renderCard(row)}</div>
            </li>
          );
        })}
      </ul>
    );
  }

  const rowHeight = density === "compact" ? "h-8" : "h-10";
  return (
    <div className={cx("overflow-x-auto rounded-md border border-border bg-panel", className)}>
      <table aria-label={label} className="w-full border-collapse text-sm">
        <thead className="sticky top-0 z-10 bg-raised/60 text-xs text-muted backdrop-blur">
          <tr className="h-9 border-b border-border">
            {selectable && (
              <th scope="col" className="w-10 px-3">
                <input
                  type="checkbox"
                  aria-label="Select all rows"
                  checked={check === "all"}
                  ref={(el) => {
                    if (el) el.indeterminate = check === "some";
                  }}
                  onChange={() => onSelectionChange(toggleAllShown(selectedIds, ids))}
                  className="size-4 align-middle accent-accent"
                />
              </th>
            )}
            {columns.map((column) => {
              const active = sort?.columnId === column.id;
              const ariaSort = column.sortValue
                ? active
                  ? sort.direction === "asc"
                    ? "ascending"
                    : "descending"
                  : "none"
                : undefined;
              const SortIcon = active ? (sort.direction === "asc" ? ArrowUp : ArrowDown) : ArrowUpDown;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={ariaSort}
                  className={cx(
                    "px-3 font-medium whitespace-nowrap",
                    column.align === "right" ? "text-right" : "text-left",
                    column.className,
                  )}
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      onClick={() => changeSort(column)}
                      className={cx(
                        "-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:text-text",
                        active && "text-text",
                      )}
                    >
                      {column.header}
                      <SortIcon aria-hidden className={cx("size-3", !active && "opacity-40")} />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row, index) => {
            const id = ids[index];
            const selected = selectable && selectedIds.has(id);
            return (
              <tr
                key={id}
                ref={registerRow(id)}
                tabIndex={index === Math.max(activeIndex, 0) ? 0 : -1}
                data-active={index === activeIndex || undefined}
                onKeyDown={(e) => onRowKeyDown(e, row, index)}
                onClick={(e) => onRowClick(e, row, index)}
                className={cx(
                  rowHeight,
                  "border-b border-border last:border-b-0 outline-offset-[-2px] hover:bg-raised/60 data-[active]:bg-raised/40",
                  selected && "bg-accent/5",
                  onRowOpen && "cursor-pointer",
                  rowClassName?.(row),
                )}
              >
                {selectable && (
                  <td className="w-10 px-3">
                    <input
                      type="checkbox"
                      readOnly
                      checked={selected}
                      onClick={(e) => toggle(id, e.shiftKey)}
                      aria-label={`Select ${getRowLabel ? getRowLabel(row) : id}`}
                      className="size-4 align-middle accent-accent"
                    />
                  </td>
                )}
                {columns.map((column) => (
                  <td
                    key={column.id}
                    className={cx("px-3 py-1", column.align === "right" && "text-right tabular-nums", column.className)}
                  >
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
