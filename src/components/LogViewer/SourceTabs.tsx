import { useRef, type KeyboardEvent } from "react";
import type { LogStore } from "../../lib/logs/store";
import { cx } from "../cx";
import { formatCount } from "../../lib/format";

export interface SourceTabsProps {
  store: LogStore;
  /** Selected source id; null = All. */
  value: string | null;
  onChange: (sourceId: string | null) => void;
  /** Id of the element the tabs control (the log lines). */
  panelId: string;
}

/**
 * Agent log sources as tabs over the one list of lines (the list is filtered, not swapped),
 * so every tab controls the same panel. Arrow keys move between tabs (WAI-ARIA tabs pattern).
 */
export function SourceTabs({ store, value, onChange, panelId }: SourceTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const tabs: Array<{ key: string | null; name: string; count: number; errors: number }> = [
    { key: null, name: "All", count: store.length, errors: store.errors },
    ...store.groups.map((g) => ({ key: g.key, name: g.name, count: g.count, errors: g.errors })),
  ];

  const onKeyDown = (e: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.key === value);
    let next = -1;
    if (e.key === "ArrowRight") next = (index + 1) % tabs.length;
    else if (e.key === "ArrowLeft") next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].key);
    listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label="Log sources"
      onKeyDown={onKeyDown}
      className="flex gap-1 overflow-x-auto border-b border-border px-2"
    >
      {tabs.map((tab) => {
        const selected = tab.key === value;
        return (
          <button
            key={tab.key ?? "\u0000all"}
            type="button"
            role="tab"
            id={`${panelId}-tab-${tab.key ?? "all"}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.key)}
            className={cx(
              "-mb-px inline-flex h-9 shrink-0 items-center gap-1.5 border-b-2 px-3 text-sm",
              selected ? "border-accent font-medium text-text" : "border-transparent text-muted hover:text-text",
            )}
          >
            {tab.name}
            <span className="rounded bg-raised px-1.5 text-xs tabular-nums text-muted">{formatCount(tab.count)}</span>
            {tab.errors > 0 && (
              <span className="text-xs text-failure">
                {tab.errors} {tab.errors === 1 ? "error" : "errors"}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
