// A build log followed before any page asks for it: a cold open of a workspace or build URL knows
// the build long before the page's code has loaded and rendered, so the entry starts the follow
// into a store right away and the page's useFollowedLog adopts that store and follow, lines and
// all, instead of reading the log again. A follow nobody adopts soon is closed.
import { followBuildLogs, type LogStreamHandle, type LogStreamState } from "../api/logStreams";
import type { ApiError } from "../api/client";
import { LogStore } from "../lib/logs/store";
import { markStartup, STARTUP_MARKS } from "../lib/startupMarks";

/** How long an early follow waits for its page (a page that never asks costs one read). */
export const EARLY_LOG_TTL_MS = 15_000;

type OnState = (state: LogStreamState, error?: ApiError) => void;

/** The follow's last state, and where later ones go once a page has adopted it. */
interface Relay {
  state: LogStreamState;
  error: ApiError | undefined;
  onState: OnState | undefined;
}

export interface EarlyLog {
  handle: LogStreamHandle;
  state: LogStreamState;
  error: ApiError | undefined;
}

const early = new Map<
  string,
  { store: LogStore; handle: LogStreamHandle; relay: Relay; expiry: ReturnType<typeof setTimeout> }
>();

/** Starts following build `buildId`'s log now (`complete`: the job has ended, one read is all). */
export function followBuildLogEarly(buildId: string, complete: boolean): void {
  if (early.has(buildId)) return;
  const store = new LogStore("build");
  // The follow reports its first state before it returns: the relay exists first.
  const relay: Relay = { state: "connecting", error: undefined, onState: undefined };
  const handle = followBuildLogs(buildId, {
    complete,
    onLogs: (logs) => {
      store.appendBuildLogs(logs);
      markStartup(STARTUP_MARKS.logFirstLines);
    },
    onState: (state, error) => {
      relay.state = state;
      relay.error = error;
      relay.onState?.(state, error);
    },
  });
  const expiry = setTimeout(() => {
    if (early.get(buildId)?.handle !== handle) return;
    early.delete(buildId);
    handle.close();
  }, EARLY_LOG_TTL_MS);
  early.set(buildId, { store, handle, relay, expiry });
}

/** The early store for `buildId`, if one is waiting (the page keeps it for the build's log). */
export function earlyLogStore(buildId: string): LogStore | undefined {
  return early.get(buildId)?.store;
}

/** Hands the early follow of `buildId` over to its page, once; undefined when there is none for `store`. */
export function adoptEarlyLog(buildId: string, store: LogStore, onState: OnState): EarlyLog | undefined {
  const entry = early.get(buildId);
  if (!entry || entry.store !== store) return undefined;
  early.delete(buildId);
  clearTimeout(entry.expiry);
  entry.relay.onState = onState;
  return { handle: entry.handle, state: entry.relay.state, error: entry.relay.error };
}
