// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReactNode } from "react";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { NO_FILTER } from "../../lib/builds/historyFilter";
import { useBuildHistory } from "./useBuildHistory";

const TOTAL = 1000;
const history: WorkspaceBuild[] = Array.from(
  { length: TOTAL },
  (_, i) =>
    ({
      id: `b${TOTAL - i}`,
      build_number: TOTAL - i,
      transition: "start",
      initiator_name: "alice",
      job: { status: "succeeded" },
    }) as unknown as WorkspaceBuild,
);
const workspace = { id: "ws1", latest_build: history[0] } as unknown as Workspace;

let asked: string[] = [];
beforeEach(() => {
  asked = [];
  // Coder's paging: newest first, `limit` 0 means all, `offset` skips.
  vi.stubGlobal("fetch", async (url: string) => {
    const query = new URL(url, "http://dashboard").searchParams;
    asked.push(query.toString());
    const offset = Number(query.get("offset") ?? 0);
    const limit = Number(query.get("limit") ?? 0);
    const page = history.slice(offset, limit > 0 ? offset + limit : undefined);
    return new Response(JSON.stringify(page), { status: 200 });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderHistory() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return renderHook(() => useBuildHistory(workspace, NO_FILTER), { wrapper });
}

describe("useBuildHistory", () => {
  it("starts with one page of 25 rows", async () => {
    const { result } = renderHistory();
    await waitFor(() => expect(result.current.rows).toHaveLength(25));
    expect(asked).toEqual(["limit=25&offset=0"]);
    expect(result.current.partial).toBe(true);
  });

  it("the whole history comes in one round of large pages; the table still grows 25 rows at a time", async () => {
    const { result } = renderHistory();
    await waitFor(() => expect(result.current.rows).toHaveLength(25));
    act(() => result.current.showAll());
    await waitFor(() => expect(result.current.matching).toHaveLength(TOTAL));
    expect(asked).toEqual([
      "limit=25&offset=0",
      "limit=250&offset=25",
      "limit=250&offset=275",
      "limit=250&offset=525",
      "limit=250&offset=775",
    ]);
    expect(result.current.partial).toBe(false);
    expect(result.current.rows).toHaveLength(25);
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.showMore());
    expect(result.current.rows.map((b) => b.build_number).slice(-1)).toEqual([TOTAL - 49]);
    expect(asked).toHaveLength(5);
  });
});
