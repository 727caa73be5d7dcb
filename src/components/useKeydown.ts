// A page-wide key handler. It is attached in the commit that shows its page (a layout effect), not
// after the browser has painted: a shortcut pressed as soon as its page is on screen must not be
// lost, and the app's first render, a transition, can leave a gap of many frames before effects.
import { useLayoutEffect, useRef } from "react";

export interface KeydownOptions {
  /** `window` with `capture`: before any widget can stop the key's propagation. */
  target?: "document" | "window";
  capture?: boolean;
  enabled?: boolean;
}

export function useKeydown(handler: (e: KeyboardEvent) => void, options: KeydownOptions = {}): void {
  const { target = "document", capture = false, enabled = true } = options;
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const on: Document | Window = target === "window" ? window : document;
    const listener = (e: Event) => latest.current(e as KeyboardEvent);
    on.addEventListener("keydown", listener, capture);
    return () => on.removeEventListener("keydown", listener, capture);
  }, [target, capture, enabled]);
}
