// Every route of the app (SPEC §2), with real ids from the seeded world, for suites that must
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

export async function appRoutes(serverUrl: string): Promise<AppRoute[]> {
  const alice = await Api.login(serverUrl, "alice");
  const dev = await alice.workspace("alice", "dev");
  const quota = await alice.workspace("alice", "quota-fail");
  const build = `/@alice/dev/builds/${dev.latest_build.build_number}`;
  return [
    { name: "login", path: "/login", user: null },
    { name: "workspace list", path: "/workspaces", user: "alice" },
    { name: "workspace list, all (admin)", path: "/workspaces?filter=", user: "admin" },
    { name: "workspace page", path: "/@alice/dev", user: "alice" },
    { name: "workspace page, failed build", path: "/@alice/quota-fail", user: "alice" },
    { name: "deleted workspace", path: "/@alice/deleted-ws", user: "alice" },
    { name: "build history", path: "/@alice/dev/builds", user: "alice" },
    ...BUILD_TABS.map((tab): AppRoute => ({ name: `build page, ${tab}`, path: `${build}?tab=${tab}`, user: "alice" })),
    { name: "build page, state (admin)", path: `${build}?tab=state`, user: "admin" },
    { name: "build page, failed build", path: `/@alice/quota-fail/builds/${quota.latest_build.build_number}`, user: "alice" },
    { name: "timings page", path: `${build}/timings`, user: "alice" },
    { name: "builds overview (admin)", path: "/builds", user: "admin" },
    { name: "not found", path: "/no-such-page", user: "alice" },
  ];
}

/** Client-side navigation (the router listens to popstate): the document and its probes stay. */
export async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** The route has rendered: a page heading, and no loading placeholder left. */
export async function waitForRoute(page: Page): Promise<void> {
  await page.locator("h1").first().waitFor({ state: "visible" });
  await page.waitForFunction(() => !document.querySelector('[role=status][aria-label^="Loading"]'), undefined, { timeout: 15_000 });
}
