// Declarative routes (BrowserRouter): the app uses no loaders or actions, and the data router
// would add ~20 KB gzipped to the list route's initial JavaScript (docs/conventions.md, Budgets).
import { Suspense, type ComponentType } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { SkeletonBlock } from "../components/Skeleton";
import { AppLayout } from "./AppLayout";
import { OwnerGate } from "./OwnerGate";
import { RouteErrorBoundary } from "./RouteError";
import {
  LazyBuildHistoryPage,
  LazyBuildPage,
  LazyBuildsOverviewPage,
  LazyCreateWorkspacePage,
  LazyLoginPage,
  LazyNotFoundPage,
  LazyTimingsPage,
  LazyWorkspacePage,
  LazyWorkspaceSettingsPage,
  LazyWorkspacesPage,
} from "./pages";

function PageFallback() {
  return (
    <div className="mx-auto max-w-6xl p-4 sm:p-6">
      <SkeletonBlock label="Loading page" lines={6} />
    </div>
  );
}

/** A lazily loaded page inside its own error boundary, reset when the path changes. */
function Page({ component: Component }: { component: ComponentType }) {
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={pathname}>
      <Suspense fallback={<PageFallback />}>
        <Component />
      </Suspense>
    </RouteErrorBoundary>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<Page component={LazyLoginPage} />} />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/workspaces" replace />} />
        <Route path="workspaces" element={<Page component={LazyWorkspacesPage} />} />
        <Route path="builds" element={<Page component={LazyBuildsOverviewPage} />} />
        <Route path="templates/:template/workspace" element={<Page component={LazyCreateWorkspacePage} />} />
        <Route path=":owner/:workspace" element={<OwnerGate />}>
          <Route index element={<Page component={LazyWorkspacePage} />} />
          <Route path="builds" element={<Page component={LazyBuildHistoryPage} />} />
          <Route path="builds/:buildNumber" element={<Page component={LazyBuildPage} />} />
          <Route path="builds/:buildNumber/timings" element={<Page component={LazyTimingsPage} />} />
          <Route path="settings" element={<Page component={LazyWorkspaceSettingsPage} />} />
          <Route path="settings/:section" element={<Page component={LazyWorkspaceSettingsPage} />} />
        </Route>
        <Route path="*" element={<Page component={LazyNotFoundPage} />} />
      </Route>
    </Routes>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
