import { useSyncExternalStore } from "react";

/** Whether a CSS media query matches now, updated when it changes (e.g. the phone breakpoint). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Tailwind's `sm` breakpoint: below it, tables turn into cards. */
export const PHONE_QUERY = "(max-width: 639px)";
