// App links and the sign-in page's /cli-auth link go to the Coder deployment's origin, which the
// dashboard server announces in `/config.json` (in CODER_URL mode not the dashboard's own origin).
import { shouldRetryQuery } from "./retryPolicy";
import { useQuery } from "@tanstack/react-query";
import { request } from "./client";

interface DashboardConfig {
  mode?: string;
  appOrigin?: string;
}

export function useAppOrigin(): string {
  const { data } = useQuery({
    queryKey: ["dashboardConfig"],
    queryFn: ({ signal }) => request<DashboardConfig>("/config.json", { base: "", signal, redirectOn401: false }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: shouldRetryQuery,
  });
  return data?.appOrigin || window.location.origin;
}
