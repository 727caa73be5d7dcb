import type { RefObject } from "react";
import { isTyping } from "../isTyping";
import { useKeydown } from "../useKeydown";

export interface ShortcutHandlers {
  focusSearch: () => void;
  toEdge: (end: boolean) => void;
  toggleHelp: () => void;
  /** Escape; return true when it was used (e.g. left full screen). */
  escape: () => boolean;
}

/**
 * `/` search, `g`/`G` top/bottom, `?` help, Esc. Keys count when focus is inside the viewer,
 * or (with `global`) when nothing on the page has focus; never while typing in a field.
 */
export function useShortcuts(
  rootRef: RefObject<HTMLElement | null>,
  global: boolean,
  handlers: ShortcutHandlers,
): void {
  const { focusSearch, toEdge, toggleHelp, escape } = handlers;
  useKeydown((e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    const inside = target instanceof Node && rootRef.current?.contains(target);
    const unfocused = target === document.body || target === document.documentElement;
    if (!inside && !(global && unfocused)) return;
    if (e.key === "Escape") {
      if (escape()) e.preventDefault();
      return;
    }
    if (isTyping(target)) return;
    if (e.key === "/") focusSearch();
    else if (e.key === "g" || e.key === "G") toEdge(e.key === "G");
    else if (e.key === "?") toggleHelp();
    else return;
    e.preventDefault();
  });
}
