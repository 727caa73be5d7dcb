// Every route of the app (README, Pages), with real ids from the seeded world, for suites that must
// cover all of them (CSP, accessibility).
import type { Page } from "@playwright/test";
import { Api } from "./reliability";

export interface AppRoute {
  name: string;
  path: string;
  /** Who is signed in; null = signed out. */
  user: "alice" | "admin" | null;
}

const BUILD_TABS = ["logs", "agent-logs", "timings", "resources", "parameters"] as const;

/** Ids a route needs from the world. */
interface WorldIds {
  devBuild: number;
  quotaBuild: number;
}

interface RouteTemplate extends Omit<AppRoute, "path"> {
  path: (ids: WorldIds) => string;
}

const devBuild = (ids: WorldIds) => `/@alice/dev/builds/${ids.devBuild}`;

export const ROUTES: readonly RouteTemplate[] = [
  { name: "login", path: () => "/login", user: null },
  { name: "workspace list", path: () => "/workspaces", user: "alice" },
  { name: "workspace list, all (admin)", path: () => "/workspaces?filter=", user: "admin" },
  { name: "workspace page", path: () => "/@alice/dev", user: "alice" },
  { name: "workspace page, failed build", path: () => "/@alice/quota-fail", user: "alice" },
  { name: "deleted workspace", path: () => "/@alice/deleted-ws", user: "alice" },
  { name: "build history", path: () => "/@alice/dev/builds", user: "alice" },
  ...BUILD_TABS.map((tab): RouteTemplate => ({
    name: `build page, ${tab}`,
    path: (ids) => `${devBuild(ids)}?tab=${tab}`,
    user: "alice",
  })),
  { name: "build page, state (admin)", path: (ids) => `${devBuild(ids)}?tab=state`, user: "admin" },
  { name: "build page, failed build", path: (ids) => `/@alice/quota-fail/builds/${ids.quotaBuild}`, user: "alice" },
  { name: "timings page", path: (ids) => `${devBuild(ids)}/timings`, user: "alice" },
  { name: "builds overview (admin)", path: () => "/builds", user: "admin" },
  { name: "not found", path: () => "/no-such-page", user: "alice" },
  // Create and settings.
  { name: "create workspace, parameter-rich template", path: () => "/templates/devbox/workspace", user: "alice" },
  { name: "workspace settings, general", path: () => "/@alice/dev/settings", user: "alice" },
  { name: "workspace settings, schedule", path: () => "/@alice/dev/settings/schedule", user: "alice" },
  { name: "workspace settings, parameters", path: () => "/@alice/dev/settings/parameters", user: "alice" },
];

/** Every route with the ids of the server's world (builds may have been added since seeding). */
export async function appRoutes(serverUrl: string): Promise<AppRoute[]> {
  const alice = await Api.login(serverUrl, "alice");
  const ids: WorldIds = {
    devBuild: (await alice.workspace("alice", "dev")).latest_build.build_number,
    quotaBuild: (await alice.workspace("alice", "quota-fail")).latest_build.build_number,
  };
  return ROUTES.map((r) => ({ ...r, path: r.path(ids) }));
}

/** Client-side navigation (the router listens to popstate): the document and its probes stay. */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** The route has rendered: a page heading, no loading placeholder left, nothing still busy loading. */
export async function waitForRoute(page: Page, timeout = 30_000): Promise<void> {
  await page.locator("h1").first().waitFor({ state: "visible", timeout });
  await page.waitForFunction(
    () => !document.querySelector('[role=status][aria-label^="Loading"], [role=status][aria-busy=true]'),
    undefined,
    { timeout },
  );
}
