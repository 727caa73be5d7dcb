// Set-up for component and View tests under jsdom (the app never imports this module).
import { afterEach } from "vitest";
import { cleanup } from "@testing-library/react";

/**
 * Each test renders into an empty document, in a window whose media queries never match (jsdom has
 * no matchMedia): the desktop layout.
 */
export function setUpViewTests(): void {
  afterEach(cleanup);
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  })) as unknown as typeof window.matchMedia;
}
