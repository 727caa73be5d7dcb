import { useEffect, useState } from "react";
import type { LogStore } from "../../lib/logs/store";

/**
 * At most ~30 view updates a second. A stream that fills the screen every frame cannot be read at
 * 60 anyway, and every update re-renders and re-lays out the visible rows: at half the rate the
 * main thread keeps room for input, scrolling and GC instead of running flat out.
 */
const MIN_UPDATE_INTERVAL_MS = 30;

/**
 * The store's version, updated on an animation frame and at most every MIN_UPDATE_INTERVAL_MS: a
 * stream pushing 5,000 lines/s in many small batches causes one render per update, not per batch.
 * The first change after a quiet spell shows on the next frame.
 */
export function useStoreFrame(store: LogStore): number {
  const [version, setVersion] = useState(store.version);
  useEffect(() => {
    let frame = 0;
    let last = -Infinity;
    const tick = (time: number) => {
      if (time - last < MIN_UPDATE_INTERVAL_MS) {
        frame = requestAnimationFrame(tick);
        return;
      }
      frame = 0;
      last = time;
      setVersion(store.version);
    };
    const unsubscribe = store.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(tick);
    });
    setVersion(store.version);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store]);
  return version;
}
