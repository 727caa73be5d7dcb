/**
 * Where to go after signing in: only a path on this site (`/…`, not `//host`), so a crafted
 * `?redirect=https://evil` cannot send someone elsewhere. Shared by the login page and the
 * server's OAuth2 callback.
 */
export function safeRedirect(target: string | null | undefined, fallback = "/workspaces"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  if (target === "/login" || target.startsWith("/login?")) return fallback;
  return target;
}
