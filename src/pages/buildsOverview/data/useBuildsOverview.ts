import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { User } from "../../../api/types";
import { useDocumentHidden } from "../../../components/useDocumentHidden";
import { browserOverviewApi } from "./overviewApi";
import { OverviewStore, type OverviewSnapshot } from "./overviewStore";

// One store per signed-in user for the whole session: leaving the page and coming back shows the
// cached builds at once and only asks what changed meanwhile. (Signing out reloads the app.)
const stores = new Map<string, OverviewStore>();

function storeFor(user: User): OverviewStore {
  let store = stores.get(user.id);
  if (!store) {
    store = new OverviewStore(browserOverviewApi, { organizationIds: user.organization_ids });
    stores.set(user.id, store);
  }
  return store;
}

export interface BuildsOverviewData {
  snapshot: OverviewSnapshot;
  retry: () => void;
}

/** The overview's data for `user`, polling while this component is mounted and the tab is visible. */
export function useBuildsOverview(user: User): BuildsOverviewData {
  const store = useMemo(() => storeFor(user), [user]);
  useEffect(() => store.attach(), [store]);
  const hidden = useDocumentHidden();
  useEffect(() => store.setVisible(!hidden), [store, hidden]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { snapshot, retry: () => store.retry() };
}
