// A cold open of a deep link, before React renders: the requests the page will make first leave
// now, ahead of the page's own JavaScript (which would otherwise take the browser's few
// connections first), and a page with a long log starts reading the log as soon as it knows which.
// Where public/route-boot.js already sent them, the API client takes its answers instead.
// Everything started here lands where the page looks anyway (React Query's cache, the early log
// follow of hooks/earlyLogs), so a page that renders before an answer simply waits for it.
import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { isActiveJob } from "../api/jobStatus";
import { buildByNumberQuery, meQuery, workspaceByNameQuery } from "../api/queries";
import type { WorkspaceBuild } from "../api/types";
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

/**
 * The log-following code loads with the page's chunk, never with the entry (the list route must
 * not carry it): asked for here, it arrives while the workspace or build is being read.
 */
const earlyLogs = () => import("../hooks/earlyLogs");

async function withLogFollowed<T>(answer: Promise<T>, buildOf: (answer: T) => WorkspaceBuild): Promise<T> {
  const [value, { followBuildLogEarly }] = await Promise.all([answer, earlyLogs()]);
  const build = buildOf(value);
  followBuildLogEarly(build.id, !isActiveJob(build.job.status));
  return value;
}

export function prefetchRoute(client: QueryClient, pathname: string): void {
  if (pathname === "/login") return;
  void client.prefetchQuery(meQuery());
  const target = workspaceTargetOf(pathname);
  if (!target) return;
  const workspace = workspaceByNameQuery(target.owner, target.name);
  if (target.page === "workspace") {
    // The log follow starts inside the read, before the page can render with the answer: the
    // page then finds the follow's store instead of opening a second one.
    void client.prefetchQuery({
      ...workspace,
      queryFn: (context) => withLogFollowed(workspace.queryFn(context), (ws) => ws.latest_build),
    });
    return;
  }
  void client.prefetchQuery(workspace);
  if (target.page === "build" && target.build !== undefined) {
    const build = buildByNumberQuery(target.owner, target.name, target.build);
    void client.prefetchQuery({
      ...build,
      queryFn: (context) => withLogFollowed(build.queryFn(context), (b) => b),
    });
  }
}
