import { useEffect, useState, type RefObject } from "react";
import type { LogStore } from "../../lib/logs/store";
import { useLogSearch, type LogSearchState } from "./useLogSearch";
import type { RevealAlign } from "./useReveal";
import { useStableCallback } from "./useStableCallback";

export interface SearchMatches {
  search: LogSearchState;
  /** Index of the match shown among the results, -1 before one is. */
  current: number;
  nextMatch: () => void;
  previousMatch: () => void;
}

interface SearchMatchesOptions {
  store: LogStore;
  version: number;
  include: (line: number) => boolean;
  /** Identifies `include`: a new filter restarts the search. */
  filterKey: string;
  reveal: (line: number, align: RevealAlign) => void;
  /** The line at the top of the view. */
  topLine: () => number;
  /** The line a reveal is still waiting for, if any. */
  pending: number | null;
  scrollRef: RefObject<HTMLElement | null>;
}

/** The search and which of its matches is shown: moving between them scrolls each into view. */
export function useSearchMatches(o: SearchMatchesOptions): SearchMatches {
  const { reveal, topLine, pending, scrollRef } = o;
  const search = useLogSearch(o.store, o.version, o.include, o.filterKey);
  const [current, setCurrent] = useState(-1);
  const results = search.results;

  useEffect(() => setCurrent(-1), [search.query, o.filterKey]);

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
      scrollRef.current
        ?.querySelector('[data-match="current"]')
        ?.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
    return () => cancelAnimationFrame(id);
  }, [current, pending, scrollRef]);

  return { search, current, nextMatch, previousMatch };
}
