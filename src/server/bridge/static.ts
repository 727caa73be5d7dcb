import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

/** No inline scripts; headless UI libraries need inline styles. */
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

/** Text-like assets the build precompresses (images and fonts are compressed already). */
export const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|webmanifest)$/;

type Encoding = "br" | "gzip";
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

interface Variant {
  file: string;
  size: number;
  etag: string;
  /** Held in memory when small (every built asset is): a page's first load asks for dozens. */
  bytes: Uint8Array<ArrayBuffer> | undefined;
}

/** Larger files are streamed from disk on each request. */
const IN_MEMORY_BYTES = 1 << 20;

/**
 * One file's variants (identity, and br / gzip where the build wrote them), keyed by path and
 * mtime so a rebuild is picked up. ETags hash the bytes: every replica serving the same build
 * gives the same ETag, so a 304 holds across a load balancer.
 */
const variants = new Map<string, { mtimeMs: number; byEncoding: Map<Encoding | "identity", Variant> }>();

function variantsOf(file: string, mtimeMs: number): Map<Encoding | "identity", Variant> {
  const cached = variants.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.byEncoding;
  const byEncoding = new Map<Encoding | "identity", Variant>();
  const add = (key: Encoding | "identity", path: string) => {
    const bytes = readFileSync(path);
    const hash = createHash("sha256").update(bytes).digest("base64url").slice(0, 22);
    byEncoding.set(key, {
      file: path,
      size: bytes.byteLength,
      etag: `"${hash}${key === "identity" ? "" : `-${key}`}"`,
      bytes: bytes.byteLength <= IN_MEMORY_BYTES ? new Uint8Array(bytes) : undefined,
    });
  };
  add("identity", file);
  for (const enc of ["br", "gzip"] as const) {
    const compressed = file + SUFFIX[enc];
    if (COMPRESSIBLE.test(file) && existsSync(compressed)) add(enc, compressed);
  }
  variants.set(file, { mtimeMs, byEncoding });
  return byEncoding;
}

/** The best encoding the client accepts (q=0 refuses one), brotli first. */
export function pickEncoding(acceptEncoding: string | undefined, available: Set<string>): Encoding | "identity" {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  for (const enc of ["br", "gzip"] as const) if (available.has(enc) && ok(enc)) return enc;
  return "identity";
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === etag;
  });
}

function fileResponse(file: string, mtimeMs: number, cache: string, req: Request): Response {
  const byEncoding = variantsOf(file, mtimeMs);
  const encoding = pickEncoding(req.headers.get("accept-encoding") ?? undefined, new Set(byEncoding.keys()));
  const variant = byEncoding.get(encoding)!;
  const headers: Record<string, string> = {
    "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "cache-control": cache,
    etag: variant.etag,
    ...securityHeaders(),
  };
  if (byEncoding.size > 1) headers.vary = "Accept-Encoding";
  if (etagMatches(req.headers.get("if-none-match") ?? undefined, variant.etag)) {
    return new Response(null, { status: 304, headers });
  }
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  headers["content-length"] = String(variant.size);
  const body =
    req.method === "HEAD"
      ? null
      : (variant.bytes ?? (Readable.toWeb(createReadStream(variant.file)) as ReadableStream<Uint8Array>));
  return new Response(body, { status: 200, headers });
}

/**
 * Serves the built SPA: a file when the path names one inside `dir`, otherwise index.html
 * (client-side routes). Hashed assets are immutable; index.html is revalidated (ETag).
 */
export function serveSpa(dir: string, req: Request): Response {
  const root = path.resolve(dir);
  const urlPath = new URL(req.url).pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    decoded = "/";
  }
  const candidate = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  const precompressed = /\.(br|gz)$/.test(candidate);
  const stat =
    !precompressed && candidate.startsWith(root + path.sep)
      ? statSync(candidate, { throwIfNoEntry: false })
      : undefined;
  if (stat?.isFile()) {
    const immutable = decoded.startsWith("/assets/");
    return fileResponse(candidate, stat.mtimeMs, immutable ? "public, max-age=31536000, immutable" : "no-cache", req);
  }
  // A missing asset is a real 404, not the SPA shell served as JavaScript.
  if (decoded.startsWith("/assets/") || path.extname(decoded) !== "") {
    return new Response("Not found\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", ...securityHeaders() },
    });
  }
  const index = path.join(root, "index.html");
  const indexStat = statSync(index, { throwIfNoEntry: false });
  if (!indexStat) {
    return new Response("The dashboard is not built: run `npm run build`.\n", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return fileResponse(index, indexStat.mtimeMs, "no-cache", req);
}
