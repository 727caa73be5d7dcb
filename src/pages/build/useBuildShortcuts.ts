import { useEffect, useRef } from "react";
import { isTyping } from "../../components/isTyping";

/** `[` previous build, `]` next build (docs/design.md keyboard), anywhere on the page except while typing. */
export function useBuildShortcuts(onPrevious: (() => void) | undefined, onNext: (() => void) | undefined): void {
  const handlers = useRef({ onPrevious, onNext });
  handlers.current = { onPrevious, onNext };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      const action = e.key === "[" ? handlers.current.onPrevious : e.key === "]" ? handlers.current.onNext : undefined;
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
