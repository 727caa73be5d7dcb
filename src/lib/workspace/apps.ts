// Where an app link goes. Only http(s) URLs ever become links (a template can put anything in
// an app's URL, `javascript:` included).
import type { WorkspaceApp } from "../../api/types";

export interface AppLinkContext {
  owner: string;
  workspace: string;
  agent: string;
  /** Origin of the Coder deployment that proxies apps (the dashboard's own unless told otherwise). */
  origin: string;
  /** The deployment's wildcard app host (`*.apps.example.com`, from `GET /applications/host`); empty when none. */
  appHost?: string;
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
 * (`/@owner/workspace.agent/apps/slug/`) on the deployment's origin, or a subdomain app its own
 * host under the wildcard app host when the deployment has one (Coder falls back to the path
 * otherwise); a command-only app (no URL) is not a link.
 */
export function appHref(
  app: Pick<WorkspaceApp, "external" | "url" | "slug" | "command"> &
    Partial<Pick<WorkspaceApp, "subdomain" | "subdomain_name">>,
  ctx: AppLinkContext,
): string | undefined {
  if (app.external) return httpUrl(app.url);
  if (!app.url) return undefined;
  if (app.subdomain && app.subdomain_name && ctx.appHost) {
    const protocol = new URL(ctx.origin).protocol;
    return wildcardUrl(protocol, ctx.appHost, app.subdomain_name);
  }
  const path = `/@${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.workspace)}.${encodeURIComponent(ctx.agent)}/apps/${encodeURIComponent(app.slug)}/`;
  return httpUrl(new URL(path, ctx.origin).href);
}

/** `https:` + `*.apps.example.com` + `code-server--main--dev--alice` → that host's root, if it is a valid host. */
export function wildcardUrl(protocol: string, appHost: string, label: string): string | undefined {
  if (!/^[a-z0-9-]+$/i.test(label) || (appHost.match(/\*/g) ?? []).length !== 1) return undefined;
  return httpUrl(`${protocol}//${appHost.replace("*", label)}/`);
}

/** Status messages newest first; the API's order is not promised. */
export function latestStatuses<T extends { created_at: string }>(statuses: readonly T[], limit = 3): T[] {
  return [...statuses].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at)).slice(0, limit);
}
