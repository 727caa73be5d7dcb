import { useSyncExternalStore } from "react";
import type { LogStore } from "../../../lib/logs/store";

/**
 * Re-renders only when `select(store)` changes (compared with Object.is), not on every appended
 * line: a 5,000-lines/s log must not re-render the page around it.
 */
export function useStoreSnapshot<T extends string | number | boolean | undefined>(
  store: LogStore,
  select: (store: LogStore) => T,
): T {
  return useSyncExternalStore(
    (onChange) => store.subscribe(onChange),
    () => select(store),
    () => select(store),
  );
}
