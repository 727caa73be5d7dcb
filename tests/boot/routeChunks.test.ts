import { describe, expect, it } from "vitest";
import { routeChunkMap, type ChunkNode } from "../../tools/routeChunks";

const chunk = (fileName: string, imports: string[], extra: Partial<ChunkNode> = {}): [string, ChunkNode] => [
  fileName,
  { type: "chunk", fileName, imports, ...extra },
];

describe("routeChunkMap", () => {
  const bundle = Object.fromEntries([
    chunk("assets/index.js", ["assets/react.js"], { isEntry: true, facadeModuleId: "/repo/src/main.tsx" }),
    chunk("assets/react.js", []),
    chunk("assets/BuildPage.js", ["assets/LogViewer.js", "assets/react.js"], {
      facadeModuleId: "/repo/src/pages/build/BuildPage.tsx",
    }),
    chunk("assets/LogViewer.js", ["assets/ansi.js"]),
    chunk("assets/ansi.js", []),
    chunk("assets/earlyLogs.js", ["assets/ansi.js"], { facadeModuleId: "/repo/src/hooks/earlyLogs.ts" }),
    ["assets/index.css", { type: "asset", fileName: "assets/index.css" }] as [string, ChunkNode],
  ]);

  it("lists a route's page chunks and what they import, without what the entry already loads", () => {
    const map = routeChunkMap(bundle, { build: ["src/pages/build/BuildPage.tsx", "src/hooks/earlyLogs.ts"] }, "/repo");
    expect(map.build.sort()).toEqual(
      ["/assets/BuildPage.js", "/assets/LogViewer.js", "/assets/ansi.js", "/assets/earlyLogs.js"].sort(),
    );
  });

  it("leaves out a module that is not its own chunk", () => {
    const map = routeChunkMap(bundle, { workspace: ["src/pages/workspace/WorkspacePage.tsx"] }, "/repo");
    expect(map.workspace).toEqual([]);
  });
});
