// Where an app link goes. Only http(s) URLs ever become links (a template can put anything in
// an app's URL, `javascript:` included).
import type { WorkspaceApp } from "../../api/types";

export interface AppLinkContext {
  owner: string;
  workspace: string;
  agent: string;
  /** Origin of the Coder deployment that proxies apps (the dashboard's own unless told otherwise). */
  origin: string;
}

function httpUrl(candidate: string | undefined): string | undefined {
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The href that opens `app`, or undefined when it cannot be opened from a browser: an external
 * app opens its own URL; a proxied one goes through Coder's path-based app proxy
 * (`/@owner/workspace.agent/apps/slug/`) on the deployment's origin; a command-only app (no URL)
 * is not a link.
 */
export function appHref(
  app: Pick<WorkspaceApp, "external" | "url" | "slug" | "command">,
  ctx: AppLinkContext,
): string | undefined {
  if (app.external) return httpUrl(app.url);
  if (!app.url) return undefined;
  const path = `/@${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.workspace)}.${encodeURIComponent(ctx.agent)}/apps/${encodeURIComponent(app.slug)}/`;
  return httpUrl(new URL(path, ctx.origin).href);
}

/** Status messages newest first; the API's order is not promised. */
export function latestStatuses<T extends { created_at: string }>(statuses: readonly T[], limit = 3): T[] {
  return [...statuses].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)).slice(0, limit);
}
