// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import type { RowProgress } from "./model/batch";
import { batchReport } from "./model/batchReport";
import { makeWorkspace } from "./model/testing";
import { WorkspacesView, type WorkspacesViewProps } from "./WorkspacesView";
import { setUpViewTests } from "../../components/testing";

setUpViewTests();

const rows = [
  makeWorkspace({ id: "a", name: "alpha", status: "running", owner_name: "alice" }),
  makeWorkspace({ id: "b", name: "beta", status: "stopped", outdated: true, owner_name: "bob" }),
  makeWorkspace({ id: "c", name: "gamma", status: "failed", favorite: true }),
];

function props(overrides: Partial<WorkspacesViewProps> = {}): WorkspacesViewProps {
  return {
    filter: "owner:me",
    onFilterChange: vi.fn(),
    filterProblems: [],
    rows,
    total: 53,
    page: 2,
    onPageChange: vi.fn(),
    sort: undefined,
    onSortChange: vi.fn(),
    error: undefined,
    onRetry: vi.fn(),
    retrying: false,
    showOwner: false,
    selectedIds: new Set(),
    selected: [],
    selectedNotShown: 0,
    onSelectionChange: vi.fn(),
    batchProgress: new Map(),
    batchReport: undefined,
    batchRunning: undefined,
    onBatch: vi.fn(),
    onClearBatchResults: vi.fn(),
    pendingIds: new Set(),
    onRowAction: vi.fn(),
    onToggleFavorite: vi.fn(),
    onOpen: vi.fn(),
    onCreate: vi.fn(),
    ...overrides,
  };
}

const renderView = (p: WorkspacesViewProps) =>
  render(
    <MemoryRouter>
      <WorkspacesView {...p} />
    </MemoryRouter>,
  );

describe("WorkspacesView", () => {
  it("shows rows with status, primary action and the showing-range", () => {
    renderView(props());
    const table = screen.getByRole("table", { name: "Workspaces" });
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows).toHaveLength(3);
    expect(within(bodyRows[0]).getByText("Running")).toBeTruthy();
    expect(within(bodyRows[0]).getByRole("button", { name: "Stop alpha" })).toBeTruthy();
    expect(within(bodyRows[1]).getByRole("button", { name: "Update beta" })).toBeTruthy();
    expect(within(bodyRows[1]).getByText("Outdated")).toBeTruthy();
    expect(within(bodyRows[2]).getByRole("button", { name: "Retry gamma" })).toBeTruthy();
    expect(screen.getByText("Showing 26–28 of 53")).toBeTruthy();
  });

  it("hides the owner column unless asked", () => {
    renderView(props());
    expect(screen.queryByRole("columnheader", { name: "Owner" })).toBeNull();
    cleanup();
    renderView(props({ showOwner: true }));
    expect(screen.getByRole("columnheader", { name: "Owner" })).toBeTruthy();
    expect(screen.getByText("bob")).toBeTruthy();
  });

  it("reports a primary action, a favourite toggle and a sort click", () => {
    const p = props();
    renderView(p);
    fireEvent.click(screen.getByRole("button", { name: "Stop alpha" }));
    expect(p.onRowAction).toHaveBeenCalledWith(rows[0], "stop");
    fireEvent.click(screen.getByRole("button", { name: "Remove gamma from favourites" }));
    expect(p.onToggleFavorite).toHaveBeenCalledWith(rows[2]);
    fireEvent.click(within(screen.getByRole("columnheader", { name: /Last used/ })).getByRole("button"));
    expect(p.onSortChange).toHaveBeenCalledWith({ key: "last_used", direction: "desc" });
  });

  it("shows server validations under the search box and keeps the rows", () => {
    renderView(
      props({
        filterProblems: [
          { field: "status", detail: 'Query param "status" has invalid value', terms: ["status:bogus"] },
        ],
      }),
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("status:bogus");
    expect(alert.textContent).toContain("invalid value");
    expect(screen.getByRole("searchbox", { name: "Search workspaces" }).getAttribute("aria-invalid")).toBe("true");
    expect(screen.getAllByRole("row")).toHaveLength(4);
  });

  it("debounces typing and applies Enter at once", () => {
    vi.useFakeTimers();
    try {
      const p = props();
      renderView(p);
      const box = screen.getByRole("searchbox", { name: "Search workspaces" });
      fireEvent.change(box, { target: { value: "status:run" } });
      fireEvent.change(box, { target: { value: "status:running" } });
      expect(p.onFilterChange).not.toHaveBeenCalled();
      act(() => {
        vi.advanceTimersByTime(400);
      });
      expect(p.onFilterChange).toHaveBeenCalledTimes(1);
      expect(p.onFilterChange).toHaveBeenCalledWith("status:running", "typing");
      fireEvent.change(box, { target: { value: "status:stopped" } });
      fireEvent.submit(box.closest("form")!);
      expect(p.onFilterChange).toHaveBeenLastCalledWith("status:stopped", "submit");
      act(() => {
        vi.advanceTimersByTime(400);
      });
      expect(p.onFilterChange).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("follows the URL when the filter changes under it (back/forward)", () => {
    const p = props();
    const { rerender } = renderView(p);
    rerender(
      <MemoryRouter>
        <WorkspacesView {...p} filter="status:failed" />
      </MemoryRouter>,
    );
    expect(screen.getByRole<HTMLInputElement>("searchbox").value).toBe("status:failed");
  });

  it("focuses the search box on /", () => {
    renderView(props());
    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(screen.getByRole("searchbox"));
  });

  it("shows skeleton, error and the two empty states", () => {
    renderView(props({ rows: undefined }));
    expect(screen.getByRole("status", { name: "Loading workspaces" })).toBeTruthy();
    cleanup();

    const p = props({ rows: undefined, error: new Error("boom") });
    renderView(p);
    expect(screen.getByText("boom")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /Retry/ }));
    expect(p.onRetry).toHaveBeenCalled();
    cleanup();

    renderView(props({ rows: [], total: 0 }));
    expect(screen.getByText("No workspaces yet")).toBeTruthy();
    cleanup();

    const q = props({ rows: [], total: 0, filter: "status:failed" });
    renderView(q);
    expect(screen.getByText("No workspace matches this filter")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Clear filter" }));
    expect(q.onFilterChange).toHaveBeenCalledWith("owner:me", "submit");
  });

  it("shows the batch bar with eligible counts and per-row results", () => {
    const progress = new Map<string, RowProgress>([
      ["a", { state: "succeeded" }],
      ["b", { state: "failed", status: 409, message: "A workspace build is already active." }],
    ]);
    const p = props({ selectedIds: new Set(["a", "b"]), selected: [rows[0], rows[1]], batchProgress: progress });
    renderView(p);
    const bar = screen.getByRole("toolbar", { name: "Batch actions" });
    expect(bar.textContent).toContain("2 selected");
    const stop = within(bar).getByRole("button", { name: /Stop/ });
    expect(stop.textContent).toContain("(1)");
    fireEvent.click(stop);
    expect(p.onBatch).toHaveBeenCalledWith("stop");
    expect(screen.getByText("409: A workspace build is already active.")).toBeTruthy();
    expect(screen.getByText("Requested")).toBeTruthy();
  });

  it("asks to type the count before a batch delete", async () => {
    const p = props({ selectedIds: new Set(["a", "b"]), selected: [rows[0], rows[1]] });
    renderView(p);
    fireEvent.click(within(screen.getByRole("toolbar")).getByRole("button", { name: /Delete/ }));
    const dialog = await screen.findByRole("dialog");
    const confirm = within(dialog).getByRole("button", { name: "Delete" });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole("textbox"), { target: { value: "2" } });
    fireEvent.click(confirm);
    expect(p.onBatch).toHaveBeenCalledWith("delete");
  });

  it("counts selected rows that moved off the page and reports the last batch for every row", () => {
    const gone = makeWorkspace({ id: "z", name: "zeta", status: "running", owner_name: "zoe" });
    const progress = new Map<string, RowProgress>([
      ["a", { state: "succeeded" }],
      ["b", { state: "failed", status: 409, message: "A workspace build is already active." }],
      ["z", { state: "succeeded" }],
    ]);
    const report = batchReport({ action: "stop", targets: [rows[0], rows[1], gone] }, progress, rows);
    const p = props({
      selectedIds: new Set(["a", "b", "z"]),
      selected: [rows[0], rows[1], gone],
      selectedNotShown: 1,
      batchProgress: progress,
      batchReport: report,
      showOwner: true,
    });
    renderView(p);
    const bar = screen.getByRole("toolbar", { name: "Batch actions" });
    expect(bar.textContent).toContain("3 selected · 1 not on this page");
    expect(within(bar).getByRole("button", { name: /Stop/ }).textContent).toContain("(2)");
    const results = screen.getByRole("region", { name: "Batch results" });
    expect(results.textContent).toContain("Stop: 2 stopped, 1 failed");
    const items = within(results).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "bob/beta409: A workspace build is already active.",
      "zoe/zeta(not on this page)Requested",
    ]);
    fireEvent.click(within(results).getByRole("button", { name: "Clear results" }));
    expect(p.onClearBatchResults).toHaveBeenCalled();
  });
});
