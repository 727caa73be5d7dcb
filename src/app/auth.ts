import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../api/queries";
import type { User } from "../api/types";

/** The signed-in user (undefined while loading). */
export function useMe(): User | undefined {
  return useQuery(meQuery()).data;
}

/**
 * Where to go after signing in: only a path on this site (`/…`, not `//host`), so a crafted
 * `?redirect=https://evil` cannot send someone elsewhere.
 */
export function safeRedirect(target: string | null | undefined, fallback = "/workspaces"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (target === "/login" || target.startsWith("/login?")) return fallback;
  return target;
}
