import path from "node:path";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";
import { precompress } from "./tools/precompress";
import { routeChunks } from "./tools/routeChunks";

/**
 * Writes `.vite/chunk-modules.json` (chunk file → source modules) beside the manifest, so the
 * bundle benchmark can tell which code reached a route's initial load, not just how big it is.
 */
function chunkModules(): Plugin {
  return {
    name: "chunk-modules",
    apply: "build",
    generateBundle(_options, bundle) {
      const map: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === "chunk") map[file] = output.moduleIds.map((id) => path.relative(process.cwd(), id));
      }
      this.emitFile({ type: "asset", fileName: ".vite/chunk-modules.json", source: JSON.stringify(map) });
    },
  };
}

export default defineConfig({
  plugins: [react(), tailwindcss(), chunkModules(), routeChunks(), precompress()],
  build: {
    outDir: "dist",
    manifest: true,
    sourcemap: false,
    target: "es2022",
    // One stylesheet, linked from index.html: a page's own CSS (1 KB) would otherwise hold its
    // chunk back until a second stylesheet had loaded, on the cold open of a deep link.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        // Everything every route loads goes in one chunk instead of a score of small shared ones:
        // the same bytes, but a cold open waits on far fewer requests (six per host over HTTP/1.1).
        // Icons, components and api/lib modules two or more pages share are grouped by the set of
        // pages using them, and a group under 8 KB joins its nearest neighbour: the build page needs
        // 16 files beyond the entry, not 27. (Grouping every shared module, or merging more, pulled
        // the log viewer into the list route or put it over its budget.)
        codeSplitting: {
          groups: [
            { name: "initial", tags: ["$initial"] },
            {
              name: "shared",
              test: /node_modules[\\/]lucide-react|src[\\/](components|lib|api)[\\/][^\\/]+\.tsx?$/,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 8 * 1024,
            },
          ],
        },
        // A shared chunk's name lists every page using it; the hash alone tells them apart.
        chunkFileNames: (chunk) => `assets/${chunk.name.startsWith("shared") ? "shared" : "[name]"}-[hash].js`,
      },
    },
  },
});
