// Every page is its own chunk, so the workspace list's initial JavaScript carries no log viewer,
// chart or Gantt code (docs/conventions.md, Budgets).
import { lazy } from "react";

export const LazyLoginPage = lazy(() => import("../pages/login/LoginPage"));
export const LazyWorkspacesPage = lazy(() => import("../pages/workspaces/WorkspacesPage"));
/** Page modules a cold open starts loading before React renders (app/prefetchRoute.ts). */
export const workspacePageModule = () => import("../pages/workspace/WorkspacePage");
export const buildPageModule = () => import("../pages/build/BuildPage");

export const LazyWorkspacePage = lazy(workspacePageModule);
export const LazyBuildHistoryPage = lazy(() => import("../pages/buildHistory/BuildHistoryPage"));
export const LazyBuildPage = lazy(buildPageModule);
export const LazyTimingsPage = lazy(() => import("../pages/timings/TimingsPage"));
export const LazyBuildsOverviewPage = lazy(() => import("../pages/buildsOverview/BuildsOverviewPage"));
export const LazyNotFoundPage = lazy(() => import("../pages/notFound/NotFoundPage"));
export const LazyCreateWorkspacePage = lazy(() => import("../pages/createWorkspace/CreateWorkspacePage"));
export const LazyWorkspaceSettingsPage = lazy(() => import("../pages/workspaceSettings/WorkspaceSettingsPage"));
