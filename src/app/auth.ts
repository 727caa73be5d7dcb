import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../api/queries";
import type { User } from "../api/types";

/** The signed-in user (undefined while loading). */
export function useMe(): User | undefined {
  return useQuery(meQuery()).data;
}

/** Site-wide admins (Coder's `owner` role) see and act on every workspace. */
export function isAdmin(user: User | undefined): boolean {
  return Boolean(user?.roles.some((r) => r.name === "owner" || r.name === "user-admin" || r.name === "template-admin"));
}

export { safeRedirect } from "../lib/redirect";
