// Bench and test pages (e2e/bench/pages/**.html): built apart from the app, into dist-bench/,
// so peers used only for comparison never reach the app bundle.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import tailwindcss from "@tailwindcss/vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = resolve(here, "pages");

const input = Object.fromEntries(
  readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => [file.replace(/\.html$/, "").replaceAll("/", "-"), resolve(root, file)]),
);

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), tailwindcss()],
  build: {
    outDir: resolve(here, "../../dist-bench"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    rollupOptions: { input },
  },
});
