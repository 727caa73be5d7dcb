import { readFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteBundle {
  route: string;
  jsFiles: string[];
  cssFiles: string[];
  jsGzip: number;
  jsBrotli: number;
  cssGzip: number;
  cssBrotli: number;
  /** Source modules that reached the route's initial load. */
  modules: string[];
}

/** Files the browser loads before a route can render: the entry's static imports plus the route chunk's. */
function closure(manifest: Manifest, keys: string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  keys.forEach(visit);
  // CSS is not split by page (vite.config.ts): the one stylesheet index.html links is every route's.
  for (const [key, chunk] of Object.entries(manifest)) if (key.endsWith(".css")) css.add(chunk.file);
  return { js, css };
}

export function analyzeRoute(distDir: string, route: string, pageModule: string): RouteBundle {
  const manifest = JSON.parse(readFileSync(path.join(distDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const chunkModules = JSON.parse(readFileSync(path.join(distDir, ".vite/chunk-modules.json"), "utf8")) as Record<
    string,
    string[]
  >;
  const { js, css } = closure(manifest, ["index.html", pageModule]);
  const size = (files: Set<string>, compress: (b: Buffer) => Buffer) =>
    [...files].reduce((sum, f) => sum + compress(readFileSync(path.join(distDir, f))).length, 0) / 1024;
  const gzip = (b: Buffer) => gzipSync(b, { level: 9 });
  const brotli = (b: Buffer) => brotliCompressSync(b);
  return {
    route,
    jsFiles: [...js],
    cssFiles: [...css],
    jsGzip: size(js, gzip),
    jsBrotli: size(js, brotli),
    cssGzip: size(css, gzip),
    cssBrotli: size(css, brotli),
    modules: [...js].flatMap((f) => chunkModules[f] ?? []),
  };
}

/** Code that must stay lazy on the list route (docs/conventions.md, issue 4). */
export const HEAVY_MODULES: Array<{ name: string; pattern: RegExp }> = [
  { name: "recharts", pattern: /node_modules\/recharts\// },
  { name: "log viewer", pattern: /src\/(components\/LogViewer|lib\/logs)\// },
  { name: "timings chart", pattern: /src\/(components\/TimingsChart|lib\/timings)\// },
  { name: "command palette", pattern: /node_modules\/cmdk\/|src\/app\/palette\/CommandPalette/ },
];

export function heavyModulesIn(bundle: RouteBundle): string[] {
  return HEAVY_MODULES.filter((h) => bundle.modules.some((m) => h.pattern.test(m))).map((h) => h.name);
}
