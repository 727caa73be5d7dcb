// The workspaces a person asked to be told about, kept in localStorage per user so a reload (or a
// new tab) keeps waiting. Only ids and names are stored: nothing that grants access.
import { parseStoredList } from "../storedList";

export interface AwaitedWorkspace {
  workspaceId: string;
  owner: string;
  name: string;
  /** `Date.now()` when asked; an entry older than {@link AWAIT_MAX_AGE_MS} is dropped. */
  since: number;
}

/** A build that has not ended in a day will not: stop waiting rather than watch forever. */
export const AWAIT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export const awaitedStorageKey = (userId: string) => `notify-awaited:${userId}`;

function isEntry(value: unknown): value is AwaitedWorkspace {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.workspaceId === "string" &&
    typeof v.owner === "string" &&
    typeof v.name === "string" &&
    typeof v.since === "number"
  );
}

/** The stored list, without malformed or expired entries (storage is user-editable). */
export function parseAwaited(raw: string | null, now: number): AwaitedWorkspace[] {
  const seen = new Set<string>();
  return parseStoredList(raw).filter((e): e is AwaitedWorkspace => {
    if (!isEntry(e) || now - e.since > AWAIT_MAX_AGE_MS || seen.has(e.workspaceId)) return false;
    seen.add(e.workspaceId);
    return true;
  });
}

export function withAwaited(list: readonly AwaitedWorkspace[], entry: AwaitedWorkspace): AwaitedWorkspace[] {
  return [...list.filter((e) => e.workspaceId !== entry.workspaceId), entry];
}

export function withoutAwaited(list: readonly AwaitedWorkspace[], workspaceId: string): AwaitedWorkspace[] {
  return list.filter((e) => e.workspaceId !== workspaceId);
}
