import { useCallback, useEffect, useState } from "react";
import { parseRecents, pushRecent, recentsStorageKey, type RecentItem } from "../../lib/palette/recents";

/** The signed-in user's recent palette items (empty until the user is known). */
export function useRecents(userId: string | undefined): [RecentItem[], (item: RecentItem) => void] {
  const key = userId ? recentsStorageKey(userId) : undefined;
  const [recents, setRecents] = useState<RecentItem[]>([]);
  useEffect(() => {
    if (!key) return;
    try {
      setRecents(parseRecents(localStorage.getItem(key)));
    } catch {
      setRecents([]);
    }
  }, [key]);
  const remember = useCallback(
    (item: RecentItem) => {
      setRecents((list) => {
        const next = pushRecent(list, item);
        try {
          if (key) localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Storage blocked: recents last as long as the tab.
        }
        return next;
      });
    },
    [key],
  );
  return [recents, remember];
}
