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

/** Which page a path opens, with what it needs to ask first. Pure: the router itself decides the rest. */
export function pageOf(
  pathname: string,
):
  | { page: "workspace"; owner: string; name: string }
  | { page: "build"; owner: string; name: string; number: number }
  | null {
  const ws = matchPath("/:owner/:workspace", pathname);
  const owner = parseOwnerSegment(ws?.params.owner);
  if (ws && owner && ws.params.workspace) return { page: "workspace", owner, name: ws.params.workspace };
  const build = matchPath("/:owner/:workspace/builds/:buildNumber", pathname);
  const buildOwner = parseOwnerSegment(build?.params.owner);
  const number = parseBuildNumber(build?.params.buildNumber);
  if (build && buildOwner && build.params.workspace && number !== undefined)
    return { page: "build", owner: buildOwner, name: build.params.workspace, number };
  return null;
}

/** A failed read is the page's to show (it asks again through the same cache); nothing to do here. */
const ignore = () => undefined;

export function prefetchRoute(client: QueryClient, pathname: string): void {
  if (pathname === "/login") return;
  void client.prefetchQuery(meQuery());
  const target = pageOf(pathname);
  if (target?.page === "workspace") {
    client
      .fetchQuery(workspaceByNameQuery(target.owner, target.name))
      .then((workspace) => prefetchBuildLog(workspace.latest_build.id), ignore);
    void workspacePageModule();
  } else if (target?.page === "build") {
    client
      .fetchQuery(buildByNumberQuery(target.owner, target.name, target.number))
      .then((build) => prefetchBuildLog(build.id), ignore);
    void buildPageModule();
  }
}
