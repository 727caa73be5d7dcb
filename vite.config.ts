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
    rolldownOptions: {
      output: {
        // Everything every route loads goes in one chunk instead of a score of small shared ones:
        // the same bytes, but a cold open waits on far fewer requests (six per host over HTTP/1.1).
        codeSplitting: {
          groups: [{ name: "initial", tags: ["$initial"] }],
        },
      },
    },
  },
});
