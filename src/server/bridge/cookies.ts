import { SESSION_COOKIE } from "../http/env";

/** Our session cookie: HttpOnly so page scripts never read the token, Lax against cross-site posts. */
export function sessionCookie(token: string, secure: boolean, maxAgeSeconds = 7 * 24 * 3600): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function clearSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return part.slice(i + 1).trim();
      }
    }
  }
  return undefined;
}

/**
 * An upstream Set-Cookie made valid for our origin: no Domain, and on plain http no Secure
 * (with SameSite=None, which requires Secure, downgraded to Lax).
 */
export function rewriteSetCookie(value: string, secure: boolean): string {
  return value
    .split(";")
    .map((p) => p.trim())
    .filter((p) => !/^domain=/i.test(p) && (secure || !/^secure$/i.test(p)))
    .map((p) => (!secure && /^samesite=none$/i.test(p) ? "SameSite=Lax" : p))
    .join("; ");
}

export function isSessionSetCookie(value: string): boolean {
  return value.trim().startsWith(`${SESSION_COOKIE}=`);
}

/** A Cookie request header with one cookie's value replaced (added when absent). */
export function replaceCookie(header: string | undefined, name: string, value: string): string {
  const others = (header ?? "")
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p !== "" && p.slice(0, p.indexOf("=")).trim() !== name);
  return [...others, `${name}=${encodeURIComponent(value)}`].join("; ");
}
