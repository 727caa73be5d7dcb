// A module loaded on demand and shared by every component that needs it: `get()` is undefined until
// `load()` has finished, and subscribers re-render then (for useSyncExternalStore).

export interface LazyModule<T> {
  get: () => T | undefined;
  load: () => Promise<T>;
  subscribe: (onChange: () => void) => () => void;
}

export function createLazyModule<T>(loader: () => Promise<T>): LazyModule<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    load: () =>
      (pending ??= loader().then(
        (loaded) => {
          value = loaded;
          listeners.forEach((l) => l());
          return loaded;
        },
        (error: unknown) => {
          // A failed chunk (offline, new deploy) may be retried on the next intent.
          pending = undefined;
          throw error;
        },
      )),
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
