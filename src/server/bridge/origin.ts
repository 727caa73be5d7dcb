import type { IncomingHttpHeaders } from "node:http";

/**
 * Whether a request is a cross-site browser request. Own origin = the request's Host (behind a
 * trusted proxy, the forwarded host the person used). Requests with neither Origin nor
 * Sec-Fetch-Site are not from a browser page (curl, tests) and are not a CSRF vector.
 */
export function isForeignOrigin(
  get: (name: string) => string | undefined,
  ownHost: string = get("host") ?? "",
): boolean {
  const site = get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = get("origin");
  if (!origin) return false;
  if (origin === "null") return true;
  try {
    return new URL(origin).host.toLowerCase() !== ownHost.toLowerCase();
  } catch {
    return true;
  }
}

/** A browser page made this request (so the token must not reach its JavaScript). */
export function isBrowserRequest(get: (name: string) => string | undefined): boolean {
  return get("origin") !== undefined || get("sec-fetch-site") !== undefined;
}

export const nodeHeaderGetter =
  (headers: IncomingHttpHeaders) =>
  (name: string): string | undefined => {
    const v = headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  };

export function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}
