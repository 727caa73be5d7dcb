import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Same rule as the server's static handler: text-like assets only. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|webmanifest)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/**
 * Writes `file.br` and `file.gz` beside every compressible file of `dir` (maximum quality: done
 * once at build time, so the server never compresses on the request path). Returns the count.
 */
export function precompressDir(dir: string): number {
  let count = 0;
  for (const file of [...files(dir)]) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.byteLength < MIN_BYTES) continue;
    writeFileSync(
      file + ".br",
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
      }),
    );
    writeFileSync(file + ".gz", gzipSync(bytes, { level: 9 }));
    count++;
  }
  return count;
}

/** Vite plugin: precompress the output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
