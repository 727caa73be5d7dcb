import { QueryClient } from "@tanstack/react-query";
import { RETRY_DEFAULTS } from "../lib/retryPolicy";

/** One client for the app: the shared retry policy, and a short freshness window (watch streams keep live data current). */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { ...RETRY_DEFAULTS.queries, staleTime: 10_000 },
      mutations: { ...RETRY_DEFAULTS.mutations },
    },
  });
}
