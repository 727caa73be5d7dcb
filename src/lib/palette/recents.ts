// The palette's recent items, shown first when its box is empty. Kept per user in localStorage;
// only what is needed to list and reopen an item (a label and a path in this app).
import { parseStoredList } from "../storedList";

export interface RecentItem {
  /** Stable identity: the same item chosen twice moves to the front instead of repeating. */
  id: string;
  label: string;
  /** A path inside the app. */
  path: string;
}

export const MAX_RECENTS = 6;

export const recentsStorageKey = (userId: string) => `palette-recents:${userId}`;

export function parseRecents(raw: string | null): RecentItem[] {
  return parseStoredList(raw)
    .filter(
      (v): v is RecentItem =>
        !!v &&
        typeof v === "object" &&
        typeof (v as RecentItem).id === "string" &&
        typeof (v as RecentItem).label === "string" &&
        typeof (v as RecentItem).path === "string" &&
        // Only paths on this site: a stored `//evil.example` or `javascript:` must not become a link.
        (v as RecentItem).path.startsWith("/") &&
        !(v as RecentItem).path.startsWith("//"),
    )
    .slice(0, MAX_RECENTS);
}

export function pushRecent(list: readonly RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...list.filter((r) => r.id !== item.id)].slice(0, MAX_RECENTS);
}
