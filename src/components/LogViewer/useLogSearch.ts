import { useEffect, useRef, useState } from "react";
import { compileQuery, SearchTask, type SearchQuery, type SearchResults } from "../../lib/logs/search";
import type { LogStore } from "../../lib/logs/store";

export interface LogSearchState {
  query: SearchQuery;
  setQuery: (query: SearchQuery) => void;
  /** Invalid-regex message. */
  error: string | null;
  results: SearchResults | null;
  /** Bumps whenever `results` gained matches (results is mutated in place). */
  resultsVersion: number;
  /** True once every line (so far) has been scanned. */
  done: boolean;
}

const TYPING_DELAY_MS = 120;

/**
 * Runs the query over the store in time slices, restarting when the query or the line filter
 * changes and continuing over lines that stream in. `filterKey` identifies `include`.
 */
export function useLogSearch(store: LogStore, storeVersion: number, include: (line: number) => boolean, filterKey: string): LogSearchState {
  const [query, setQuery] = useState<SearchQuery>({ text: "", caseSensitive: false, regex: false });
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [resultsVersion, setResultsVersion] = useState(0);
  const [done, setDone] = useState(true);
  const taskRef = useRef<SearchTask | null>(null);
  const includeRef = useRef(include);
  includeRef.current = include;

  useEffect(() => {
    const compiled = compileQuery(query);
    setError(compiled && !compiled.ok ? compiled.error : null);
    setResults(null);
    if (!compiled || !compiled.ok) {
      setDone(true);
      return;
    }
    setDone(false);
    let task: SearchTask | null = null;
    // Wait for a pause in typing; the first keystroke of a new search runs at once.
    const timer = setTimeout(
      () => {
        task = new SearchTask(store, compiled.pattern, {
          include: (line) => includeRef.current(line),
          onUpdate: (r) => {
            setResultsVersion((v) => v + 1);
            setDone(task?.done ?? true);
            setResults(r);
          },
        });
        taskRef.current = task;
        void task.run();
      },
      query.text.length <= 1 ? 0 : TYPING_DELAY_MS,
    );
    return () => {
      clearTimeout(timer);
      task?.cancel();
      taskRef.current = null;
    };
  }, [store, query, filterKey]);

  // New lines: the same task scans on from where it stopped.
  useEffect(() => {
    const task = taskRef.current;
    if (task && !task.done) {
      setDone(false);
      void task.run();
    }
  }, [storeVersion]);

  return { query, setQuery, error, results, resultsVersion, done };
}
