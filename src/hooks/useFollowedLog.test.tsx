// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ProvisionerJobLog } from "../api/types";
import { STARTUP_MARKS } from "../lib/startupMarks";
import { followBuildLogEarly } from "./earlyLogs";
import { useFollowedLog } from "./useFollowedLog";

const log = (id: number): ProvisionerJobLog => ({
  id,
  created_at: "2025-01-01T00:00:00Z",
  log_source: "provisioner",
  log_level: "info",
  stage: "Applying",
  output: `line ${id}`,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  performance.clearMarks();
});

function serve(logs: ProvisionerJobLog[]) {
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(new URL(url).pathname + new URL(url).search);
      return new Response(JSON.stringify(logs), { status: 200 });
    }),
  );
  return asked;
}

describe("useFollowedLog", () => {
  it("takes over a log the entry began reading before the page rendered: same lines, no second read", async () => {
    const asked = serve([log(1), log(2), log(3)]);
    followBuildLogEarly("early-1", true);
    await waitFor(() => expect(asked).toHaveLength(1));
    const { result } = renderHook(() => useFollowedLog({ kind: "build", id: "early-1", complete: true }));
    await waitFor(() => expect(result.current.state).toBe("done"));
    expect(result.current.store.length).toBe(3);
    expect(result.current.store.text(0)).toBe("line 1");
    expect(asked).toEqual(["/api/v2/workspacebuilds/early-1/logs?after=0"]);
  });

  it("marks when the opened URL's log has its first lines in (the bench reports it beside the paint)", async () => {
    serve([log(1), log(2)]);
    expect(performance.getEntriesByName(STARTUP_MARKS.logFirstLines, "mark")).toHaveLength(0);
    followBuildLogEarly("early-3", true);
    await waitFor(() => expect(performance.getEntriesByName(STARTUP_MARKS.logFirstLines, "mark")).toHaveLength(1));
  });

  it("reads the log itself when nothing was begun for it", async () => {
    const asked = serve([log(1)]);
    followBuildLogEarly("early-2", true);
    const { result } = renderHook(() => useFollowedLog({ kind: "build", id: "other", complete: true }));
    await waitFor(() => expect(result.current.state).toBe("done"));
    expect(result.current.store.length).toBe(1);
    expect(asked).toContain("/api/v2/workspacebuilds/other/logs?after=0");
  });
});
