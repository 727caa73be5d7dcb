// Lint for the whole repository (src, e2e, tests, configs). `npm run lint` runs prettier --check, then this.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { layerBoundaries } from "./eslint.layers.js";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "dist-bench/",
      "dist-server/",
      "bench-results/",
      "coverage/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    // Not type-aware: with type information the run took over a minute of CPU; `tsc` checks types.
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-console": "off",
    },
  },
  {
    // React code only: Playwright's fixtures also call a `use`, which is not React's.
    files: ["src/**/*.{ts,tsx}", "e2e/bench/pages/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      // v7's React Compiler rules judge code written for the compiler; this app does not use it.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Playwright reads a test's fixtures from its destructured first parameter, so `{}` means "none".
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    files: ["public/**/*.js", "e2e/bench/pages/**/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  ...layerBoundaries,
);
