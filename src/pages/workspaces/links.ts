import type { Workspace } from "../../api/types";

/** `/@alice/dev` (docs/conventions.md, routes). */
export function workspaceHref(ws: Pick<Workspace, "owner_name" | "name">): string {
  return `/@${encodeURIComponent(ws.owner_name)}/${encodeURIComponent(ws.name)}`;
}

export function buildHref(ws: Pick<Workspace, "owner_name" | "name">, buildNumber: number): string {
  return `${workspaceHref(ws)}/builds/${buildNumber}`;
}
