import { useCallback, useEffect, useState } from "react";
import { formatLineHash, parseLineHash, type LineRange } from "../../lib/logs/permalink";

const readHash = () => (typeof window === "undefined" ? null : parseLineHash(window.location.hash));

/**
 * The `#L120` / `#L120-L140` part of the URL. Writing keeps the router's history state
 * (replaceState with the current state), so in-app navigation is not disturbed.
 */
export function useLineHash(enabled: boolean): [LineRange | null, (range: LineRange | null) => void] {
  const [range, setRange] = useState<LineRange | null>(() => (enabled ? readHash() : null));

  useEffect(() => {
    if (!enabled) return;
    const onChange = () => setRange(readHash());
    window.addEventListener("hashchange", onChange);
    window.addEventListener("popstate", onChange);
    return () => {
      window.removeEventListener("hashchange", onChange);
      window.removeEventListener("popstate", onChange);
    };
  }, [enabled]);

  const update = useCallback(
    (next: LineRange | null) => {
      setRange(next);
      if (!enabled) return;
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, "", `${pathname}${search}${next ? formatLineHash(next) : ""}`);
    },
    [enabled],
  );

  return [range, update];
}
