import { QueryClient, notifyManager } from "@tanstack/react-query";
import { RETRY_DEFAULTS } from "../api/retryPolicy";

/** One client for the app: the shared retry policy, and a short freshness window (watch streams keep live data current). */
export function createAppQueryClient(): QueryClient {
  // Cache writes reach components in the same task (default: a later setTimeout), so a watch
  // event is on screen in the next frame (docs/conventions.md) even when timers are throttled or the CPU is busy.
  notifyManager.setScheduler(queueMicrotask);
  return new QueryClient({
    defaultOptions: {
      queries: { ...RETRY_DEFAULTS.queries, staleTime: 10_000 },
      mutations: { ...RETRY_DEFAULTS.mutations },
    },
  });
}
