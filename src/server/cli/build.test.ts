import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { distIsStale } from "./build";

function project(): { root: string; dist: string; touch(rel: string, secondsAgo: number): void } {
  const root = mkdtempSync(path.join(tmpdir(), "stale-"));
  const dist = path.join(root, "dist");
  const touch = (rel: string, secondsAgo: number) => {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, "x");
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(file, t, t);
  };
  return { root, dist, touch };
}

describe("distIsStale", () => {
  it("is stale when dist/ is missing", () => {
    const p = project();
    p.touch("src/main.tsx", 100);
    expect(distIsStale(p.root, p.dist)).toBe(true);
  });

  it("is fresh when the build is newer than every input, stale when a browser source changed after it", () => {
    const p = project();
    p.touch("src/main.tsx", 100);
    p.touch("index.html", 100);
    p.touch("dist/index.html", 50);
    expect(distIsStale(p.root, p.dist)).toBe(false);
    p.touch("src/pages/x/XPage.tsx", 10);
    expect(distIsStale(p.root, p.dist)).toBe(true);
  });

  it("ignores the server's own sources", () => {
    const p = project();
    p.touch("src/main.tsx", 100);
    p.touch("dist/index.html", 50);
    p.touch("src/server/main.ts", 5);
    expect(distIsStale(p.root, p.dist)).toBe(false);
  });
});
