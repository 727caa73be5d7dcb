import { memo, useId, type Ref } from "react";
import { CaseSensitive, ChevronDown, ChevronUp, Regex, Search, X } from "lucide-react";
import type { SearchQuery } from "../../lib/logs/search";
import { cx } from "../cx";
import { IconButton } from "./IconButton";
import { formatCount } from "../../lib/format";

export interface SearchBoxProps {
  query: SearchQuery;
  onQueryChange: (query: SearchQuery) => void;
  error: string | null;
  count: number;
  capped: boolean;
  current: number;
  done: boolean;
  onNext: () => void;
  onPrevious: () => void;
  inputRef: Ref<HTMLInputElement>;
}

function counterText({
  query,
  error,
  count,
  capped,
  current,
  done,
}: Pick<SearchBoxProps, "query" | "error" | "count" | "capped" | "current" | "done">): string {
  if (query.text === "" || error) return "";
  if (count === 0) return done ? "No results" : "Searching…";
  const total = capped ? `${formatCount(count)}+` : formatCount(count);
  return `${current >= 0 ? formatCount(current + 1) : "–"} / ${total}${done ? "" : "…"}`;
}

export const SearchBox = memo(function SearchBox(props: SearchBoxProps) {
  const { query, onQueryChange, error, count, onNext, onPrevious, inputRef } = props;
  const counter = counterText(props);
  const errorId = useId();
  return (
    <div className="flex min-w-0 flex-1 basis-64 flex-col">
      <div
        className={cx(
          "flex h-8 min-w-0 items-center gap-1 rounded-md border bg-page pl-2 pr-1 focus-within:outline-2 focus-within:outline-accent",
          error ? "border-failure" : "border-border",
        )}
      >
        <Search aria-hidden className="size-3.5 shrink-0 text-muted" />
        <input
          ref={inputRef}
          type="search"
          aria-label="Search logs"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          placeholder="Search logs (/)"
          value={query.text}
          onChange={(e) => onQueryChange({ ...query, text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              if (e.shiftKey) onPrevious();
              else onNext();
            } else if (e.key === "Escape") {
              e.preventDefault();
              if (query.text !== "") onQueryChange({ ...query, text: "" });
              else e.currentTarget.blur();
            }
          }}
          // The box around it shows focus; an inline style wins over the page-wide :focus-visible ring.
          style={{ outline: "none" }}
          className="h-full min-w-0 flex-1 bg-transparent text-sm text-text placeholder:text-muted [&::-webkit-search-cancel-button]:hidden"
        />
        <span role="status" className="shrink-0 whitespace-nowrap px-1 text-xs tabular-nums text-muted">
          {counter}
        </span>
        {query.text !== "" && (
          <IconButton label="Clear search" icon={X} onClick={() => onQueryChange({ ...query, text: "" })} />
        )}
        <IconButton
          label="Match case"
          icon={CaseSensitive}
          pressed={query.caseSensitive}
          onClick={() => onQueryChange({ ...query, caseSensitive: !query.caseSensitive })}
        />
        <IconButton
          label="Regular expression"
          icon={Regex}
          pressed={query.regex}
          onClick={() => onQueryChange({ ...query, regex: !query.regex })}
        />
        <IconButton label="Previous match (Shift+Enter)" icon={ChevronUp} onClick={onPrevious} disabled={count === 0} />
        <IconButton label="Next match (Enter)" icon={ChevronDown} onClick={onNext} disabled={count === 0} />
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-xs text-failure">
          {error}
        </p>
      )}
    </div>
  );
});
