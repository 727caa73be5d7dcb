import { useQuery } from "@tanstack/react-query";
import { meQuery } from "../api/queries";
import type { User } from "../api/types";

/** The signed-in user (undefined while loading). */
export function useMe(): User | undefined {
  return useQuery(meQuery()).data;
}

export { safeRedirect } from "../lib/redirect";
