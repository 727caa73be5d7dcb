import { afterEach, describe, expect, it } from "vitest";
import { EARLY_RESPONSE_MAX_AGE_MS, takeEarlyResponse } from "./earlyResponses";

type Registry = {
  at: number;
  responses: Record<string, Promise<Response> | undefined>;
  later?: { prefix: string; settled: Promise<unknown> };
};
const install = (registry: Registry) => ((globalThis as { __earlyResponses?: Registry }).__earlyResponses = registry);

afterEach(() => {
  delete (globalThis as { __earlyResponses?: Registry }).__earlyResponses;
});

describe("takeEarlyResponse", () => {
  it("hands an answer to the first GET of exactly its path and query, once", async () => {
    const answer = new Response("{}");
    install({ at: 1_000, responses: { "/api/v2/users/me": Promise.resolve(answer) } });
    expect(await takeEarlyResponse("/api/v2/users/me?x=1", 1_000)).toBeUndefined();
    expect(await takeEarlyResponse("http://dashboard.example/api/v2/users/me", 1_000)).toBe(answer);
    expect(await takeEarlyResponse("/api/v2/users/me", 1_000)).toBeUndefined();
  });

  it("ignores answers older than the freshness limit", async () => {
    install({ at: 1_000, responses: { "/api/v2/users/me": Promise.resolve(new Response("{}")) } });
    expect(await takeEarlyResponse("/api/v2/users/me", 1_000 + EARLY_RESPONSE_MAX_AGE_MS + 1)).toBeUndefined();
    // Released once stale: nothing is handed out afterwards either.
    expect(await takeEarlyResponse("/api/v2/users/me", 1_000)).toBeUndefined();
  });

  it("answers nothing when no boot ran", async () => {
    expect(await takeEarlyResponse("/api/v2/users/me")).toBeUndefined();
  });

  it("waits for a request the boot has yet to send under its prefix, and takes it", async () => {
    const log = new Response("[]");
    const registry: Registry = { at: 0, responses: {} };
    let settle = () => undefined as void;
    registry.later = {
      prefix: "/api/v2/workspacebuilds/",
      settled: new Promise<void>((resolve) => (settle = resolve)),
    };
    install(registry);
    const taken = takeEarlyResponse("/api/v2/workspacebuilds/b1/logs?after=0", 0);
    registry.responses["/api/v2/workspacebuilds/b1/logs?after=0"] = Promise.resolve(log);
    settle();
    expect(await taken).toBe(log);
  });

  it("does not hold other requests while the boot is still working", async () => {
    install({ at: 0, responses: {}, later: { prefix: "/api/v2/workspacebuilds/", settled: new Promise(() => {}) } });
    expect(await takeEarlyResponse("/api/v2/templates", 0)).toBeUndefined();
  });
});
