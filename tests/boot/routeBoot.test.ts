// @vitest-environment jsdom
// public/route-boot.js runs before any module: what it asks for on each kind of URL, and the page
// chunks it starts loading.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

const script = readFileSync(path.join(process.cwd(), "public/route-boot.js"), "utf8");
const chunks = { workspace: ["/assets/WorkspacePage.js"], build: ["/assets/BuildPage.js", "/assets/LogViewer.js"] };

interface Boot {
  requests: string[];
  preloads: string[];
  registry: { responses: Record<string, unknown>; later?: { settled: Promise<unknown> } } | undefined;
}

/** Runs the script at `path`; the fake server answers the workspace and build reads with `answers`. */
async function boot(url: string, answers: Record<string, { status: number; body: unknown }> = {}): Promise<Boot> {
  document.head.innerHTML = `<meta name="route-chunks" content='${JSON.stringify(chunks)}'>`;
  window.history.replaceState(null, "", url);
  delete (window as { __earlyResponses?: unknown }).__earlyResponses;
  const requests: string[] = [];
  vi.stubGlobal("fetch", async (input: string) => {
    requests.push(input);
    const answer = answers[input] ?? { status: 404, body: { message: "Not found." } };
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  new Function(script)();
  const registry = (window as { __earlyResponses?: Boot["registry"] }).__earlyResponses;
  await registry?.later?.settled;
  vi.unstubAllGlobals();
  const preloads = [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.getAttribute("href") ?? "");
  return { requests, preloads, registry };
}

describe("route-boot.js", () => {
  it("on a build page: the user, the workspace, the build, then that build's log, and the page's chunks", async () => {
    const { requests, preloads, registry } = await boot("/@alice/big-logs/builds/5", {
      "/api/v2/users/alice/workspace/big-logs/builds/5": { status: 200, body: { id: "b-5", build_number: 5 } },
    });
    expect(requests).toEqual([
      "/api/v2/users/me",
      "/api/v2/users/alice/workspace/big-logs",
      "/api/v2/users/alice/workspace/big-logs/builds/5",
      "/api/v2/workspacebuilds/b-5/logs?after=0",
    ]);
    expect(Object.keys(registry?.responses ?? {})).toEqual(requests);
    expect(preloads).toEqual(chunks.build);
  });

  it("on a workspace page: the latest build's log", async () => {
    const { requests, preloads } = await boot("/@alice/dev/", {
      "/api/v2/users/alice/workspace/dev": { status: 200, body: { latest_build: { id: "latest" } } },
    });
    expect(requests.at(-1)).toBe("/api/v2/workspacebuilds/latest/logs?after=0");
    expect(preloads).toEqual(chunks.workspace);
  });

  it("asks for no log when the build cannot be read (signed out, not found)", async () => {
    const { requests } = await boot("/@alice/dev/builds/2", {
      "/api/v2/users/alice/workspace/dev/builds/2": { status: 401, body: { message: "You are signed out." } },
    });
    expect(requests.some((r) => r.includes("/logs"))).toBe(false);
  });

  it("encodes names as the app does; elsewhere asks only who is signed in, and on sign-in nothing", async () => {
    expect((await boot("/@al%69ce/my%20ws")).requests[1]).toBe("/api/v2/users/alice/workspace/my%20ws");
    for (const url of ["/", "/builds", "/@alice/dev/settings", "/@alice/dev/builds/05", "/@alice/%E0%A4%A"]) {
      const { requests, preloads } = await boot(url);
      expect({ url, requests, preloads }).toEqual({ url, requests: ["/api/v2/users/me"], preloads: [] });
    }
    const signIn = await boot("/login");
    expect({ requests: signIn.requests, registry: signIn.registry }).toEqual({ requests: [], registry: undefined });
  });
});
