import { useQuery, type QueryClient } from "@tanstack/react-query";
import { meQuery } from "../../../api/queries";
import { useEffect, useSyncExternalStore } from "react";
import type { User } from "../../../api/types";
import { canSeeAllWorkspaces } from "../../../lib/permissions";
import { browserOverviewApi } from "./overviewApi";
import type { OverviewSnapshot } from "./overviewConfig";
import { OverviewStore } from "./overviewStore";

/**
 * One store per signed-in user, kept in the query cache: leaving the page and coming back shows
 * the cached builds at once and only asks what changed meanwhile, and signing out (which clears
 * the query cache) drops it with the rest of that user's data.
 */
const overviewStoreKey = (userId: string) => ["buildsOverview", "store", userId] as const;

export interface BuildsOverviewData {
  snapshot: OverviewSnapshot | undefined;
  retry: () => void;
  /** Ask for a poll now (after a cancel, say) rather than at the next tick. */
  refresh: () => void;
}

const noop = () => () => undefined;
const none = () => undefined;

const overviewStoreQuery = (user: User) => ({
  queryKey: overviewStoreKey(user.id),
  queryFn: () =>
    new OverviewStore(browserOverviewApi, {
      organizationIds: user.organization_ids,
      user: { id: user.id, username: user.username, admin: canSeeAllWorkspaces(user) },
    }),
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 30 * 60_000,
  structuralSharing: false,
  retry: false,
});

/**
 * A cold open of `/builds`: starts the overview's first load as soon as the page's code is here,
 * rather than after the page has rendered and its effects have run. The page finds the same store
 * in the query cache; nothing polls until the page shows it.
 */
export async function prefetchBuildsOverview(client: QueryClient): Promise<void> {
  const user = await client.fetchQuery(meQuery());
  const store = await client.fetchQuery(overviewStoreQuery(user));
  store.preload();
}

/** The overview's data for `user`, polling while this component is mounted and the tab is visible. */
export function useBuildsOverview(user: User): BuildsOverviewData {
  const { data: store } = useQuery(overviewStoreQuery(user));
  useEffect(() => store?.attach(), [store]);
  useEffect(() => {
    if (!store) return;
    const update = () => store.setVisible(!document.hidden);
    update();
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, [store]);
  const snapshot = useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? none);
  return { snapshot, retry: () => store?.retry(), refresh: () => store?.refreshSoon() };
}
