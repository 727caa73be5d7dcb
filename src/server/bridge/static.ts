import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

/** SPEC §7: no inline scripts; headless UI libraries need inline styles. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self' ws: wss:";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export function securityHeaders(): Record<string, string> {
  return {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  };
}

function fileResponse(file: string, cache: string): Response {
  const size = statSync(file).size;
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "content-length": String(size),
      "cache-control": cache,
      ...securityHeaders(),
    },
  });
}

/**
 * Serves the built SPA: a file when the path names one inside `dir`, otherwise index.html
 * (client-side routes). Hashed assets are immutable; index.html is revalidated.
 */
export function serveSpa(dir: string, urlPath: string): Response {
  const root = path.resolve(dir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = "/";
  }
  const candidate = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (candidate.startsWith(root + path.sep) && existsSync(candidate) && statSync(candidate).isFile()) {
    const immutable = decoded.startsWith("/assets/");
    return fileResponse(candidate, immutable ? "public, max-age=31536000, immutable" : "no-cache");
  }
  // A missing asset is a real 404, not the SPA shell served as JavaScript.
  if (decoded.startsWith("/assets/") || path.extname(decoded) !== "") {
    return new Response("Not found\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", ...securityHeaders() },
    });
  }
  const index = path.join(root, "index.html");
  if (!existsSync(index)) {
    return new Response("The dashboard is not built: run `npx vite build`.\n", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return fileResponse(index, "no-cache");
}
