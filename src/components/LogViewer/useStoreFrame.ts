import { useEffect, useState } from "react";
import type { LogStore } from "../../lib/logs/store";

/**
 * The store's version, updated at most once per animation frame: a stream pushing 5,000
 * lines/s in many small batches causes one render per frame, not one per batch.
 */
export function useStoreFrame(store: LogStore): number {
  const [version, setVersion] = useState(store.version);
  useEffect(() => {
    let frame = 0;
    const unsubscribe = store.subscribe(() => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          setVersion(store.version);
        });
      }
    });
    setVersion(store.version);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);
  return version;
}
