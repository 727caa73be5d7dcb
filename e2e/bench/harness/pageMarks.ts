// How a measured page tells the bench it reached a mark. Playwright's waitForFunction injects its
// helper script into the page (some 200 KB to parse) and re-checks on every animation frame, on
// the main thread of the very page being timed: on a cold load here that cost 100–140 ms of the
// figure. A binding costs the page one call, made when the mark is set.
import type { Page } from "@playwright/test";

/** The page-side call an observer script makes as it records a mark: `window.__benchMark(name)`. */
export const MARK_BINDING = "__benchMark";

export interface PageMarks {
  /** Resolves once the page has called `__benchMark(name)` (at any time since `listenForMarks`). */
  reached(name: string, timeoutMs?: number): Promise<void>;
}

/** Call before the page navigates: the binding must exist when its first script runs. */
export async function listenForMarks(page: Page): Promise<PageMarks> {
  const seen = new Set<string>();
  const waiting = new Map<string, Array<() => void>>();
  await page.exposeFunction(MARK_BINDING, (name: string) => {
    seen.add(name);
    for (const resolve of waiting.get(name) ?? []) resolve();
    waiting.delete(name);
  });
  return {
    reached(name, timeoutMs = 60_000) {
      if (seen.has(name)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the page never reached "${name}"`)), timeoutMs);
        const list = waiting.get(name) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        waiting.set(name, list);
      });
    },
  };
}
