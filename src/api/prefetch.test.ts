import { afterEach, describe, expect, it, vi } from "vitest";
import { PREFETCH_TTL_MS, prefetch, takePrefetched } from "./prefetch";

afterEach(() => vi.unstubAllGlobals());

describe("prefetch", () => {
  it("hands a started read to the first reader of the same path, once", async () => {
    const fetch = vi.fn(async () => new Response("[]"));
    vi.stubGlobal("fetch", fetch);
    prefetch("/api/v2/workspacebuilds/b1/logs?after=0", 1_000);
    prefetch("/api/v2/workspacebuilds/b1/logs?after=0", 1_001);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(takePrefetched("/api/v2/workspacebuilds/b2/logs?after=0", 1_002)).toBeUndefined();
    const taken = takePrefetched("/api/v2/workspacebuilds/b1/logs?after=0", 1_002);
    expect(await (await taken!).text()).toBe("[]");
    expect(takePrefetched("/api/v2/workspacebuilds/b1/logs?after=0", 1_003)).toBeUndefined();
  });

  it("a stale answer is not used: the reader asks the server again", () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("[]")),
    );
    prefetch("/api/v2/x", 0);
    expect(takePrefetched("/api/v2/x", PREFETCH_TTL_MS)).toBeUndefined();
  });

  it("a failed prefetch reaches its reader as a failure, not as an unhandled rejection", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("offline"))),
    );
    prefetch("/api/v2/y", 0);
    await expect(takePrefetched("/api/v2/y", 1)).rejects.toThrow("offline");
  });
});
