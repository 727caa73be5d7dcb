import { isTyping } from "../../components/isTyping";
import { useKeydown } from "../../components/useKeydown";

/** `[` previous build, `]` next build (docs/design.md keyboard), anywhere on the page except while typing. */
export function useBuildShortcuts(onPrevious: (() => void) | undefined, onNext: (() => void) | undefined): void {
  useKeydown((e) => {
    if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
    const action = e.key === "[" ? onPrevious : e.key === "]" ? onNext : undefined;
    if (!action) return;
    e.preventDefault();
    action();
  });
}
