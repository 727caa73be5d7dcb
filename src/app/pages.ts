// Every page is its own chunk, so the workspace list's initial JavaScript carries no log viewer,
// chart or Gantt code (docs/conventions.md, Budgets).
import { lazyPage } from "./lazyPage";

export const loginPage = lazyPage(() => import("../pages/login/LoginPage"));
export const workspacesPage = lazyPage(() => import("../pages/workspaces/WorkspacesPage"));
export const workspacePage = lazyPage(() => import("../pages/workspace/WorkspacePage"));
export const buildHistoryPage = lazyPage(() => import("../pages/buildHistory/BuildHistoryPage"));
export const buildPage = lazyPage(() => import("../pages/build/BuildPage"));
export const timingsPage = lazyPage(() => import("../pages/timings/TimingsPage"));
export const buildsOverviewPage = lazyPage(() => import("../pages/buildsOverview/BuildsOverviewPage"));
export const notFoundPage = lazyPage(() => import("../pages/notFound/NotFoundPage"));
export const createWorkspacePage = lazyPage(() => import("../pages/createWorkspace/CreateWorkspacePage"));
export const workspaceSettingsPage = lazyPage(() => import("../pages/workspaceSettings/WorkspaceSettingsPage"));
