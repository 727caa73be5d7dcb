// A page loaded on first use. Once its module is here, the page renders without suspending: a cold
// deep link that waited for its page's code never commits the "Loading page" fallback, and so never
// pays React's hold on revealing suspended content (up to 300 ms after a fallback shows).
import type { QueryClient } from "@tanstack/react-query";
import { lazy, useLayoutEffect, useState, type ComponentType } from "react";
import { markStartup, STARTUP_MARKS } from "../lib/startupMarks";

type PageModule = {
  default: ComponentType;
  /** Starts the page's first reads on a cold open, as soon as its code is here (before it renders). */
  prefetch?: (client: QueryClient) => Promise<void>;
};

export interface LazyPage {
  Component: ComponentType;
  /** Starts loading the module (once); resolves when it can render. */
  preload: () => Promise<PageModule>;
}

const created = new WeakSet<object>();

export function isLazyPage(value: unknown): value is LazyPage {
  return typeof value === "object" && value !== null && created.has(value);
}

export function lazyPage(load: () => Promise<PageModule>): LazyPage {
  let loaded: PageModule | undefined;
  let loading: Promise<PageModule> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        // A failed chunk is reported by the route's error boundary; the next visit asks again.
        loading = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(preload);
  function Component() {
    // Chosen once per mount: switching from the lazy wrapper to the module's component would
    // remount the page and lose its state.
    const [module] = useState(() => loaded);
    // Runs once the page's content is committed (a suspended page commits when its code is in).
    useLayoutEffect(() => markStartup(STARTUP_MARKS.pageCommitted), []);
    const Page = module?.default ?? Lazy;
    return <Page />;
  }
  const page: LazyPage = { Component, preload };
  created.add(page);
  return page;
}
