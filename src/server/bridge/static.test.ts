import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../../tools/precompress";
import { pickEncoding, serveSpa } from "./static";

let dir: string;
const SCRIPT = "export const answer = 42;\n".repeat(200);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "static-"));
  mkdirSync(path.join(dir, "assets"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><div id=root></div>");
  writeFileSync(path.join(dir, "assets", "index-abc123.js"), SCRIPT);
  writeFileSync(path.join(dir, "assets", "logo-abc123.png"), Buffer.alloc(4096, 7));
  precompressDir(dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (p: string, headers: Record<string, string> = {}) =>
  serveSpa(dir, new Request(`http://dash.test${p}`, { headers }));

describe("precompressDir", () => {
  it("writes br and gz copies of text assets that decompress to the same bytes; not of images or tiny files", async () => {
    const { readFileSync, existsSync } = await import("node:fs");
    const js = path.join(dir, "assets", "index-abc123.js");
    expect(brotliDecompressSync(readFileSync(js + ".br")).toString()).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(js + ".gz")).toString()).toBe(SCRIPT);
    expect(existsSync(path.join(dir, "assets", "logo-abc123.png.br"))).toBe(false);
    expect(existsSync(path.join(dir, "index.html.br"))).toBe(false);
  });
});

describe("pickEncoding", () => {
  const both = new Set(["identity", "br", "gzip"]);
  it("prefers brotli, honours q=0, falls back to identity", () => {
    expect(pickEncoding("gzip, deflate, br", both)).toBe("br");
    expect(pickEncoding("gzip, br;q=0", both)).toBe("gzip");
    expect(pickEncoding("deflate", both)).toBe("identity");
    expect(pickEncoding(undefined, both)).toBe("identity");
    expect(pickEncoding("*", new Set(["identity", "gzip"]))).toBe("gzip");
  });
});

describe("serveSpa", () => {
  it("serves hashed assets precompressed and immutable, varying on Accept-Encoding", async () => {
    const br = get("/assets/index-abc123.js", { "accept-encoding": "br, gzip" });
    expect(br.status).toBe(200);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(bytes).toString()).toBe(SCRIPT);
    expect(Number(br.headers.get("content-length"))).toBe(bytes.byteLength);

    const gz = get("/assets/index-abc123.js", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("etag")).not.toBe(br.headers.get("etag"));

    const plain = get("/assets/index-abc123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it("answers 304 to a matching If-None-Match, per encoding", () => {
    const first = get("/assets/index-abc123.js", { "accept-encoding": "br" });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+-br"$/);
    const again = get("/assets/index-abc123.js", { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    const otherEncoding = get("/assets/index-abc123.js", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(otherEncoding.status).toBe(200);
  });

  it("serves index.html for client routes with no-cache and an ETag that revalidates", () => {
    const page = get("/@alice/dev/builds");
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    const etag = page.headers.get("etag")!;
    expect(get("/workspaces", { "if-none-match": etag }).status).toBe(304);
  });

  it("never serves the compressed files by their own name, and 404s missing assets", () => {
    expect(get("/assets/index-abc123.js.br").status).toBe(404);
    expect(get("/assets/missing.js").status).toBe(404);
  });
});
