// A cold open's milestones as `performance` marks. `npm run bench` (the log-pages scenario) reports
// each one beside the paint it leads to, so every run shows where a page's start-up went; a DevTools
// recording of a load shows them too.

export const STARTUP_MARKS = {
  /** The entry's modules (React, the router, the app shell) have run. */
  entry: "startup:entry",
  /** The opened page's own code has loaded and run: the page can render. */
  pageCode: "startup:page-code",
  /** React committed the page's first render: its DOM is in, not yet laid out or painted. */
  pageCommitted: "startup:page-committed",
  /** The first lines of the build log the opened URL names are parsed and in their store. */
  logFirstLines: "startup:log-first-lines",
} as const;

export type StartupMark = (typeof STARTUP_MARKS)[keyof typeof STARTUP_MARKS];

/** Sets the mark once per document: what happens on a later navigation is not start-up. */
export function markStartup(name: StartupMark): void {
  if (typeof performance === "undefined" || performance.getEntriesByName(name, "mark").length > 0) return;
  performance.mark(name);
}
