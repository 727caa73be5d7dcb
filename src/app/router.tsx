import { Suspense, type ComponentType } from "react";
import { Navigate, createBrowserRouter, type RouteObject } from "react-router";
import { SkeletonBlock } from "../components/Skeleton";
import { AppLayout } from "./AppLayout";
import { OwnerGate } from "./OwnerGate";
import { RouteError } from "./RouteError";
import {
  LazyBuildHistoryPage,
  LazyBuildPage,
  LazyBuildsOverviewPage,
  LazyLoginPage,
  LazyNotFoundPage,
  LazyTimingsPage,
  LazyWorkspacePage,
  LazyWorkspacesPage,
} from "./pages";

function PageFallback() {
  return (
    <div className="mx-auto max-w-6xl p-4 sm:p-6">
      <SkeletonBlock label="Loading page" lines={6} />
    </div>
  );
}

/** A lazily loaded page with its own error boundary. */
function page(path: string | undefined, Page: ComponentType, index = false): RouteObject {
  const element = (
    <Suspense fallback={<PageFallback />}>
      <Page />
    </Suspense>
  );
  return index ? { index: true, element, errorElement: <RouteError /> } : { path, element, errorElement: <RouteError /> };
}

export const routes: RouteObject[] = [
  page("/login", LazyLoginPage),
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/workspaces" replace /> },
      page("workspaces", LazyWorkspacesPage),
      page("builds", LazyBuildsOverviewPage),
      {
        path: ":owner/:workspace",
        element: <OwnerGate />,
        errorElement: <RouteError />,
        children: [
          page(undefined, LazyWorkspacePage, true),
          page("builds", LazyBuildHistoryPage),
          page("builds/:buildNumber", LazyBuildPage),
          page("builds/:buildNumber/timings", LazyTimingsPage),
        ],
      },
      page("*", LazyNotFoundPage),
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
