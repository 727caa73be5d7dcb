import path from "node:path";
import type { Plugin } from "vite";

/** What the chunk graph needs of a bundle entry (a subset of Rollup's output chunk). */
export interface ChunkNode {
  type: "chunk" | "asset";
  fileName: string;
  isEntry?: boolean;
  facadeModuleId?: string | null;
  imports?: readonly string[];
}

/** Source modules (from the project root) whose chunks each deep-link page loads first. */
export const ROUTE_MODULES: Record<string, readonly string[]> = {
  workspace: ["src/pages/workspace/WorkspacePage.tsx", "src/hooks/earlyLogs.ts"],
  build: ["src/pages/build/BuildPage.tsx", "src/hooks/earlyLogs.ts"],
};

function closure(bundle: Record<string, ChunkNode>, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of bundle[file]?.imports ?? []) visit(next);
  };
  roots.forEach(visit);
  return seen;
}

/**
 * For each route, the JavaScript files its page modules need beyond what the entry already loads
 * (the HTML preloads those), as absolute URLs. A module that is not its own chunk is skipped.
 */
export function routeChunkMap(
  bundle: Record<string, ChunkNode>,
  routes: Record<string, readonly string[]>,
  root: string,
): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
  const entry = closure(
    bundle,
    chunks.filter((c) => c.isEntry).map((c) => c.fileName),
  );
  const byModule = new Map(
    chunks.filter((c) => c.facadeModuleId).map((c) => [path.relative(root, c.facadeModuleId!), c.fileName]),
  );
  const map: Record<string, string[]> = {};
  for (const [route, modules] of Object.entries(routes)) {
    const roots = modules.map((m) => byModule.get(m)).filter((f): f is string => f !== undefined);
    map[route] = [...closure(bundle, roots)].filter((f) => !entry.has(f)).map((f) => `/${f}`);
  }
  return map;
}

/**
 * Writes the route chunk map into index.html as `<meta name="route-chunks">`, just before
 * public/route-boot.js, which reads it to preload a deep link's page code alongside the entry.
 */
export function routeChunks(): Plugin {
  const script = '<script src="/route-boot.js"></script>';
  return {
    name: "route-chunks",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle || !html.includes(script)) return html;
        const map = routeChunkMap(ctx.bundle as Record<string, ChunkNode>, ROUTE_MODULES, process.cwd());
        // Just before the script that reads it (the parser has not reached later tags when it runs).
        const meta = `<meta name="route-chunks" content="${escapeAttribute(JSON.stringify(map))}" />`;
        return html.replace(script, `${meta}\n    ${script}`);
      },
    },
  };
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
