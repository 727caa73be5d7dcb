// A cold open of a deep link, before React renders: the requests the page will make first leave
// now, ahead of the page's own JavaScript (which would otherwise take the browser's few
// connections first), and a page with a long log starts reading the log as soon as it knows which.
// Everything started here lands where the page looks anyway (React Query's cache, the log
// prefetch), so a page that renders before an answer simply waits for the same request.
import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { prefetchBuildLog } from "../api/logStreams";
import { buildByNumberQuery, meQuery, workspaceByNameQuery } from "../api/queries";
import { buildPageModule, workspacePageModule } from "./pages";
import { parseBuildNumber, parseOwnerSegment } from "./params";

/** A workspace's page or one of its sub-pages; `build` when the path names a build's page. */
export interface WorkspaceTarget {
  owner: string;
  name: string;
  page: "workspace" | "build" | "other";
  build?: number;
}

/** Which workspace page a path opens, with what it needs to ask first. Pure: the router decides the rest. */
export function workspaceTargetOf(pathname: string): WorkspaceTarget | null {
  const match = matchPath("/:owner/:workspace/*", pathname);
  const owner = parseOwnerSegment(match?.params.owner);
  const name = match?.params.workspace;
  if (!match || !owner || !name) return null;
  const rest = (match.params["*"] ?? "").replace(/\/$/, "");
  if (rest === "") return { owner, name, page: "workspace" };
  const build = parseBuildNumber(/^builds\/([^/]+)$/.exec(rest)?.[1]);
  return build === undefined ? { owner, name, page: "other" } : { owner, name, page: "build", build };
}

/** A failed read is the page's to show (it asks again through the same cache); nothing to do here. */
const ignore = () => undefined;

export function prefetchRoute(client: QueryClient, pathname: string): void {
  if (pathname === "/login") return;
  void client.prefetchQuery(meQuery());
  const target = workspaceTargetOf(pathname);
  if (!target) return;
  const workspace = client.fetchQuery(workspaceByNameQuery(target.owner, target.name));
  if (target.page === "workspace") {
    workspace.then((ws) => prefetchBuildLog(ws.latest_build.id), ignore);
    void workspacePageModule();
  } else if (target.page === "build" && target.build !== undefined) {
    workspace.catch(ignore);
    client
      .fetchQuery(buildByNumberQuery(target.owner, target.name, target.build))
      .then((build) => prefetchBuildLog(build.id), ignore);
    void buildPageModule();
  } else {
    workspace.catch(ignore);
  }
}
