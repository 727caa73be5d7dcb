import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { LogStore } from "../../lib/logs/store";
import { LINE_HEIGHT } from "./LogRow";
import { useStableCallback } from "./useStableCallback";

export interface Follow {
  following: boolean;
  /** Lines appended since following was paused (the "N new" of Jump to latest). */
  newLines: number;
  pause: () => void;
  resume: () => void;
  /** Scrolls to the bottom (following again) or to the top (pausing). */
  toEdge: (end: boolean) => void;
  onScroll: () => void;
  onWheel: (e: { deltaY: number }) => void;
}

/**
 * Follow mode: on while `live` until the user scrolls up (or jumps somewhere); back on when
 * they return to the bottom or press Jump to latest.
 */
export function useFollow(live: boolean, store: LogStore, scrollRef: RefObject<HTMLElement | null>): Follow {
  const [following, setFollowing] = useState(live);
  // Null until the user pauses a followed log: a finished log's backlog arriving after mount is
  // not "new" (it showed "Jump to latest (N new)" on every finished build).
  const [pausedAtLength, setPausedAtLength] = useState<number | null>(null);
  const userPaused = useRef(false);
  const lastScrollTop = useRef(0);

  const pause = useCallback(() => {
    userPaused.current = true;
    if (!following) return;
    setFollowing(false);
    setPausedAtLength(store.length);
  }, [following, store]);

  const resume = useCallback(() => {
    userPaused.current = false;
    setFollowing(true);
  }, []);

  const toEdge = useStableCallback((end: boolean) => {
    const el = scrollRef.current;
    if (!el) return;
    if (end) {
      el.scrollTop = el.scrollHeight;
      resume();
    } else {
      pause();
      el.scrollTop = 0;
    }
  });

  useEffect(() => {
    if (live && !userPaused.current) setFollowing(true);
  }, [live]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT * 1.5;
    if (atBottom) {
      if (live && !following) resume();
    } else if (el.scrollTop < lastScrollTop.current) {
      pause();
    }
    lastScrollTop.current = el.scrollTop;
  };

  const onWheel = (e: { deltaY: number }) => {
    if (e.deltaY < 0) pause();
  };

  return {
    following,
    newLines: pausedAtLength === null ? 0 : store.length - pausedAtLength,
    pause,
    resume,
    toEdge,
    onScroll,
    onWheel,
  };
}

/** Keeps the list at the bottom while following. `totalSize` comes from the row model, so this never reads layout. */
export function useStickToBottom(
  scrollRef: RefObject<HTMLElement | null>,
  following: boolean,
  totalSize: number,
): void {
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (following && el) el.scrollTop = totalSize;
  }, [scrollRef, following, totalSize]);
}
