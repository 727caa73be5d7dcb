// The layers of src/ as import rules (README, Architecture):
//   api (HTTP, Coder types) → lib (pure logic) → hooks (live data for React) → components (shared UI)
//   → pages/<page> → app (shell)
// and src/server apart. A layer imports only from the layers before it; a page never imports another
// page; nothing in the client imports the server; the server uses only the API's model (types and
// job states, which are Coder's definitions) and pure lib.
//
// Imports are relative, so the rules are written per folder depth: from a file `d` folders below
// `src/<layer>/`, `../` taken d+1 times reaches `src/`. Each file matches exactly one block, because
// flat config replaces (does not merge) a rule's options when two blocks set it.

const MAX_DEPTH = 6;

/** `^(\.\./){n}` as a regex source. */
const up = (n) => `^(\\.\\./){${n}}`;

/** Globs of the TypeScript files exactly `depth` folders below `dir`. */
const filesAt = (dir, depth) => [`${dir}/${"*/".repeat(depth)}*.ts`, `${dir}/${"*/".repeat(depth)}*.tsx`];

const REACT_PACKAGES = {
  group: [
    "react",
    "react-dom",
    "react-dom/*",
    "react-router",
    "@tanstack/*",
    "@radix-ui/*",
    "recharts",
    "lucide-react",
  ],
  message: "src/lib is pure logic shared with the server: no React or UI packages.",
};

const NODE_BUILTINS = {
  group: ["node:*"],
  message: "This module runs in the browser: no Node built-ins.",
};

/** Patterns for a file `depth` folders below `src/<layer>/`: `toSrc` reaches src/, `toPages` src/pages/ (from inside a page's folder). */
const LAYERS = {
  api: (toSrc) => [
    {
      regex: `${toSrc}(lib|components|pages|app|server)(/|$)`,
      message: "src/api is the bottom layer: it imports only from src/api.",
    },
    NODE_BUILTINS,
  ],
  lib: (toSrc) => [
    {
      regex: `${toSrc}(?!lib/|api/(types|jobStatus)$)`,
      message: "src/lib imports only src/lib and the API's model (src/api/types, src/api/jobStatus).",
    },
    REACT_PACKAGES,
    NODE_BUILTINS,
  ],
  hooks: (toSrc) => [
    {
      regex: `${toSrc}(components|pages|app|server)(/|$)`,
      message:
        "src/hooks fetch and follow data for pages: they import api, lib and hooks, never UI, a page or the server.",
    },
    NODE_BUILTINS,
  ],
  components: (toSrc) => [
    {
      regex: `${toSrc}(pages|app|server)(/|$)`,
      message: "src/components is shared UI: it imports api, lib and components, never a page, the app or the server.",
    },
    NODE_BUILTINS,
  ],
  pages: (toSrc, toPages) => [
    ...(toPages
      ? [
          {
            regex: `${toPages}[^.]`,
            message: "A page does not import another page's folder: move what two pages share to lib or components.",
          },
        ]
      : []),
    {
      regex: `${toSrc}(pages|server)(/|$)`,
      message: "A page does not import another page's folder or the server.",
    },
    {
      regex: `${toSrc}app/(?!(auth|params|notify/NotifyToggle)$)`,
      message: "From src/app, pages use only its public pieces: app/auth, app/params and the notify toggle.",
    },
    NODE_BUILTINS,
  ],
  app: (toSrc) => [{ regex: `${toSrc}server(/|$)`, message: "The client never imports src/server." }, NODE_BUILTINS],
  server: (toSrc) => [
    {
      regex: `${toSrc}(api/(?!(types|jobStatus)$)|components|pages|app)`,
      message:
        "src/server is apart: it may use the API's model (src/api/types, src/api/jobStatus) and pure src/lib modules only.",
    },
  ],
};

export const layerBoundaries = [
  ...Object.entries(LAYERS).flatMap(([layer, patternsFor]) =>
    Array.from({ length: MAX_DEPTH }, (_, depth) => ({
      files: filesAt(`src/${layer}`, depth),
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: patternsFor(up(depth + 1), depth > 0 ? up(depth) : undefined),
          },
        ],
      },
    })),
  ),
  {
    files: ["src/*.ts", "src/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^\\./server(/|$)", message: "The client never imports src/server." }] },
      ],
    },
  },
];
