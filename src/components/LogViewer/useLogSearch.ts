import { useEffect, useMemo, useRef, useState } from "react";
import { compileQuery, SearchTask, type SearchQuery, type SearchResults } from "../../lib/logs/search";
import type { LogStore } from "../../lib/logs/store";

export interface LogSearchState {
  query: SearchQuery;
  setQuery: (query: SearchQuery) => void;
  /** Invalid-regex message. */
  error: string | null;
  /** Matches of the current query (null until its search has reported). */
  results: SearchResults | null;
  /** Bumps whenever `results` gained matches (results is mutated in place). */
  resultsVersion: number;
  /** True once every line (so far) has been scanned for the current query. */
  done: boolean;
}

interface RunState {
  key: string;
  results: SearchResults | null;
  done: boolean;
  version: number;
}

/**
 * Runs the query over the store in time slices, restarting when the query or the line filter
 * changes and continuing over lines that stream in. `filterKey` identifies `include`.
 */
export function useLogSearch(
  store: LogStore,
  storeVersion: number,
  include: (line: number) => boolean,
  filterKey: string,
): LogSearchState {
  const [query, setQuery] = useState<SearchQuery>({ text: "", caseSensitive: false, regex: false });
  const compiled = useMemo(() => compileQuery(query), [query]);
  const key = `${filterKey}\u0000${query.caseSensitive}\u0000${query.regex}\u0000${query.text}`;
  const [run, setRun] = useState<RunState>({ key: "", results: null, done: true, version: 0 });
  const taskRef = useRef<SearchTask | null>(null);
  const includeRef = useRef(include);
  includeRef.current = include;

  useEffect(() => {
    if (!compiled || !compiled.ok) return;
    // Each keystroke restarts at once: the first slice is a few ms, and a new query cancels it.
    const task = new SearchTask(store, compiled.pattern, {
      include: (line) => includeRef.current(line),
      onUpdate: (results) => setRun((r) => ({ key, results, done: task.done, version: r.version + 1 })),
    });
    taskRef.current = task;
    void task.run();
    return () => {
      task.cancel();
      taskRef.current = null;
    };
    // `key` covers query and filter; `compiled` changes with the query.
  }, [store, compiled, key]);

  // New lines: the same task scans on from where it stopped.
  useEffect(() => {
    const task = taskRef.current;
    if (task && !task.done) void task.run();
  }, [storeVersion]);

  const valid = compiled !== null && compiled.ok;
  const mine = valid && run.key === key;
  return {
    query,
    setQuery,
    error: compiled && !compiled.ok ? compiled.error : null,
    results: mine ? run.results : null,
    resultsVersion: run.version,
    done: !valid || (mine && run.done),
  };
}
