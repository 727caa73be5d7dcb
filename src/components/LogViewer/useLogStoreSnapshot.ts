import { useCallback, useSyncExternalStore } from "react";
import type { LogStore } from "../../lib/logs/store";

const version = (store: LogStore) => store.version;

/**
 * The one way to read a LogStore outside the viewer: re-renders only when `select(store)` changes
 * (compared with Object.is), so a 5,000-lines/s log does not re-render the page around it unless
 * the selected value moves. Without `select`, the store's version (any change).
 */
export function useLogStoreSnapshot<T extends string | number | boolean | undefined = number>(
  store: LogStore,
  select: (store: LogStore) => T = version as (store: LogStore) => T,
): T {
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  return useSyncExternalStore(
    subscribe,
    () => select(store),
    () => select(store),
  );
}
