import { useEffect, useId, useRef, useState, type Ref } from "react";
import { ChevronDown, CircleAlert, Search, X } from "lucide-react";
import { Menu, MenuContent, MenuLabel, MenuRadioGroup, MenuRadioItem, MenuTrigger } from "../../components/Menu";
import { buttonClasses } from "../../components/Button";
import { detectPreset, SEARCH_PRESETS } from "../../lib/searchQuery";

/** A server validation, with the terms of the query it points at. */
export interface FilterProblem {
  field: string;
  detail: string;
  terms: string[];
}

export type FilterCommit = "typing" | "submit";

export interface SearchBarProps {
  /** The filter in the URL. */
  filter: string;
  onFilterChange: (filter: string, how: FilterCommit) => void;
  problems: readonly FilterProblem[];
  /** For the page's `/` shortcut. */
  inputRef?: Ref<HTMLInputElement>;
  debounceMs?: number;
}

/**
 * The search box speaks Coder's language as text: what you type is what goes to the server. Typing
 * is debounced; Enter and the presets apply at once. A server 400 shows under the box, naming
 * the term it refused.
 */
export function SearchBar({ filter, onFilterChange, problems, inputRef, debounceMs = 350 }: SearchBarProps) {
  const [text, setText] = useState(filter);
  const lastSent = useRef(filter.trim());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const errorId = useId();

  // Back/forward and presets change the URL under us: show it, unless it is what we just sent
  // (the user may have typed on since).
  useEffect(() => {
    if (filter.trim() === lastSent.current) return;
    lastSent.current = filter.trim();
    clearTimeout(timer.current);
    setText(filter);
  }, [filter]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (value: string, how: FilterCommit) => {
    clearTimeout(timer.current);
    if (value.trim() === lastSent.current && how === "typing") return;
    lastSent.current = value.trim();
    onFilterChange(value, how);
  };

  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send(value, "typing"), debounceMs);
  };

  const preset = detectPreset(filter);
  const invalid = problems.length > 0;

  return (
    <div className="flex min-w-0 flex-1 flex-col gap-1">
      <form
        role="search"
        className="flex min-w-0 items-stretch"
        onSubmit={(e) => {
          e.preventDefault();
          send(text, "submit");
        }}
      >
        <Menu>
          <MenuTrigger className={buttonClasses({ className: "rounded-r-none border-r-0" })}>
            <span className="max-w-32 truncate">{preset?.label ?? "Custom filter"}</span>
            <ChevronDown aria-hidden className="size-3.5" />
          </MenuTrigger>
          <MenuContent align="start">
            <MenuLabel>Filter presets</MenuLabel>
            <MenuRadioGroup
              value={preset?.id ?? ""}
              onValueChange={(id) => {
                const chosen = SEARCH_PRESETS.find((p) => p.id === id);
                if (!chosen) return;
                setText(chosen.query);
                send(chosen.query, "submit");
              }}
            >
              {SEARCH_PRESETS.map((p) => (
                <MenuRadioItem key={p.id} value={p.id}>
                  {p.label}
                </MenuRadioItem>
              ))}
            </MenuRadioGroup>
          </MenuContent>
        </Menu>
        <div className="relative min-w-0 flex-1">
          <Search
            aria-hidden
            className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted"
          />
          <input
            ref={inputRef}
            type="search"
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={(e) => {
              // Escape leaves the box with the query kept: a search input would otherwise clear itself.
              if (e.key === "Escape") {
                e.preventDefault();
                e.currentTarget.blur();
              }
            }}
            aria-label="Search workspaces"
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? errorId : undefined}
            placeholder="owner:me status:running template:docker name:dev"
            spellCheck={false}
            autoComplete="off"
            autoCapitalize="off"
            className={
              "h-8 w-full min-w-0 rounded-r-md border bg-panel pl-8 pr-8 font-mono text-sm text-text placeholder:text-muted/80 " +
              "[&::-webkit-search-cancel-button]:hidden " +
              (invalid ? "border-failure" : "border-border")
            }
          />
          {text && (
            <button
              type="button"
              aria-label="Clear search"
              onClick={() => {
                setText("");
                send("", "submit");
              }}
              className="absolute right-1.5 top-1/2 inline-flex size-5 -translate-y-1/2 items-center justify-center rounded text-muted hover:bg-raised hover:text-text"
            >
              <X aria-hidden className="size-3.5" />
            </button>
          )}
        </div>
      </form>
      {invalid && (
        <div id={errorId} role="alert" className="flex items-start gap-1.5 text-xs text-failure">
          <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
          <ul className="min-w-0">
            {problems.map((p) => (
              <li key={p.field + p.detail} className="break-words">
                {p.terms.length > 0 && (
                  <code className="mr-1 rounded bg-failure/10 px-1 font-mono">{p.terms.join(" ")}</code>
                )}
                {p.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
