// The dashboard's Node server as plain JavaScript (dist-server/), for `npm run serve` and the
// container image: one self-contained ES module per entry, every dependency bundled in, so the
// runtime needs Node and nothing from node_modules (and starts without compiling TypeScript).
import { defineConfig } from "vite";

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: "dist-server",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { serve: "src/server/cli/serve.ts", healthcheck: "src/server/cli/healthcheck.ts" },
      // ws loads these native accelerators when present and works without them.
      external: ["bufferutil", "utf-8-validate"],
      output: { format: "es", entryFileNames: "[name].mjs", chunkFileNames: "[name]-[hash].mjs" },
    },
  },
  ssr: { noExternal: true, target: "node" },
});
