// Declarative routes (BrowserRouter): the app uses no loaders or actions, and the data router
// would add ~20 KB gzipped to the list route's initial JavaScript (docs/conventions.md, Budgets).
import { Suspense } from "react";
import {
  BrowserRouter,
  createRoutesFromElements,
  matchRoutes,
  Navigate,
  Route,
  Routes,
  useLocation,
  type RouteObject,
} from "react-router";
import { SkeletonBlock } from "../components/Skeleton";
import { AppLayout } from "./AppLayout";
import { isLazyPage, type LazyPage } from "./lazyPage";
import { OwnerGate } from "./OwnerGate";
import {
  buildHistoryPage,
  buildPage,
  buildsOverviewPage,
  createWorkspacePage,
  loginPage,
  notFoundPage,
  timingsPage,
  workspacePage,
  workspaceSettingsPage,
  workspacesPage,
} from "./pages";
import { RouteErrorBoundary } from "./RouteError";

function PageFallback() {
  return (
    <div className="mx-auto max-w-6xl p-4 sm:p-6">
      <SkeletonBlock label="Loading page" lines={6} />
    </div>
  );
}

/** A lazily loaded page inside its own error boundary, reset when the path changes. */
function Page({ page }: { page: LazyPage }) {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Suspense fallback={<PageFallback />}>
        <page.Component />
      </Suspense>
    </RouteErrorBoundary>
  );
}

/** A route to a page; the page rides along as the route's handle, for `pageOf`. */
const pageRoute = (path: string | undefined, page: LazyPage) =>
  path === undefined ? (
    <Route index handle={page} element={<Page page={page} />} />
  ) : (
    <Route path={path} handle={page} element={<Page page={page} />} />
  );

const routes = (
  <>
    {pageRoute("/login", loginPage)}
    <Route element={<AppLayout />}>
      <Route index element={<Navigate to="/workspaces" replace />} />
      {pageRoute("workspaces", workspacesPage)}
      {pageRoute("builds", buildsOverviewPage)}
      {pageRoute("templates/:template/workspace", createWorkspacePage)}
      <Route path=":owner/:workspace" element={<OwnerGate />}>
        {pageRoute(undefined, workspacePage)}
        {pageRoute("builds", buildHistoryPage)}
        {pageRoute("builds/:buildNumber", buildPage)}
        {pageRoute("builds/:buildNumber/timings", timingsPage)}
        {pageRoute("settings", workspaceSettingsPage)}
        {pageRoute("settings/:section", workspaceSettingsPage)}
      </Route>
      {pageRoute("*", notFoundPage)}
    </Route>
  </>
);

let routeObjects: RouteObject[] | undefined;

/** The page a path renders (none for a redirect), so a cold open can start loading its code at once. */
export function pageOf(pathname: string): LazyPage | undefined {
  routeObjects ??= createRoutesFromElements(routes);
  const handle: unknown = matchRoutes(routeObjects, pathname)?.at(-1)?.route.handle;
  return isLazyPage(handle) ? handle : undefined;
}

export function AppRoutes() {
  return <Routes>{routes}</Routes>;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
