import { Suspense } from "react";
import { Outlet } from "react-router";
import { SkeletonBlock } from "../components/Skeleton";
import { NotifyProvider } from "./notify/NotifyProvider";
import { PaletteProvider } from "./palette/PaletteProvider";
import { TopBar } from "./TopBar";

/** Signed-in chrome: the top bar over the routed page. Pages fetch in parallel with `/users/me`. */
export function AppLayout() {
  return (
    <NotifyProvider>
      <PaletteProvider>
        <div className="flex min-h-full flex-col">
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-panel focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <TopBar />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            <Suspense
              fallback={<SkeletonBlock label="Loading page" lines={6} className="mx-auto max-w-6xl p-4 sm:p-6" />}
            >
              <Outlet />
            </Suspense>
          </main>
        </div>
      </PaletteProvider>
    </NotifyProvider>
  );
}
