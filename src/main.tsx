import { startTransition, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { prefetchRoute } from "./app/prefetchRoute";
import { createAppQueryClient } from "./app/queryClient";
import { pageOf } from "./app/router";
import { markStartup, STARTUP_MARKS } from "./lib/startupMarks";
import "./index.css";

/**
 * How long the first render waits for the page's own code. Arriving within it, the page renders in
 * the first frame; a "Loading page" fallback shown instead holds the page back until 300 ms after it
 * appeared (React's reveal throttle), so waiting this long never shows the page later.
 */
const PAGE_WAIT_MS = 300;

markStartup(STARTUP_MARKS.entry);
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
const queryClient = createAppQueryClient();
prefetchRoute(queryClient, window.location.pathname);
const page = pageOf(window.location.pathname)
  ?.preload()
  .then((module) => {
    markStartup(STARTUP_MARKS.pageCode);
    // A prefetch that fails leaves the page to ask again, and to show the error.
    module.prefetch?.(queryClient).catch(() => undefined);
    return module;
  });
const pageOrTimeout = Promise.race([
  page?.catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, PAGE_WAIT_MS)),
]);
// Not a top-level await: the page's chunk imports from this module, so it could not finish loading
// while this module waited for it.
void pageOrTimeout.then(() =>
  // The first render yields to the browser every few milliseconds instead of holding the main
  // thread: answers to the requests sent before the app loaded (public/route-boot.js) are handled
  // as they arrive, so a deep link's log is asked for without waiting on the render.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    ),
  ),
);
