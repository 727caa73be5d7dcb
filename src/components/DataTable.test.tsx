// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { DataTable, type DataTableColumn } from "./DataTable";
import { setUpViewTests } from "./testing";

interface Row {
  id: string;
  name: string;
  builds: number;
}

const ROWS: Row[] = [
  { id: "1", name: "beta", builds: 3 },
  { id: "2", name: "alpha", builds: 10 },
  { id: "3", name: "gamma", builds: 1 },
];

const COLUMNS: DataTableColumn<Row>[] = [
  { id: "name", header: "Name", cell: (r) => r.name, sortValue: (r) => r.name },
  { id: "builds", header: "Builds", cell: (r) => r.builds, sortValue: (r) => r.builds, align: "right" },
  { id: "plain", header: "Plain", cell: () => "x" },
];

function names(): string[] {
  return screen
    .getAllByRole("row")
    .slice(1)
    .map((tr) => within(tr).getAllByRole("cell")[0].textContent ?? "");
}

setUpViewTests();

describe("DataTable", () => {
  it("sorts by a header click and reports aria-sort", () => {
    render(<DataTable rows={ROWS} columns={COLUMNS} getRowId={(r) => r.id} label="Workspaces" />);
    const nameHeader = screen.getByRole("columnheader", { name: /Name/ });
    expect(nameHeader.getAttribute("aria-sort")).toBe("none");
    expect(screen.getByRole("columnheader", { name: "Plain" }).hasAttribute("aria-sort")).toBe(false);
    fireEvent.click(within(nameHeader).getByRole("button"));
    expect(nameHeader.getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["alpha", "beta", "gamma"]);
    fireEvent.click(within(nameHeader).getByRole("button"));
    expect(nameHeader.getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["gamma", "beta", "alpha"]);
  });

  it("moves with j/k and opens with Enter", () => {
    const onRowOpen = vi.fn();
    render(<DataTable rows={ROWS} columns={COLUMNS} getRowId={(r) => r.id} label="W" onRowOpen={onRowOpen} />);
    const rows = screen.getAllByRole("row").slice(1);
    rows[0].focus();
    fireEvent.keyDown(rows[0], { key: "j" });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1], { key: "Enter" });
    expect(onRowOpen).toHaveBeenCalledWith(ROWS[1]);
    fireEvent.keyDown(rows[1], { key: "k" });
    expect(document.activeElement).toBe(rows[0]);
  });

  it("selects a range with shift-click", () => {
    function Harness() {
      const [selected, setSelected] = useState<Set<string>>(new Set());
      return (
        <DataTable
          rows={ROWS}
          columns={COLUMNS}
          getRowId={(r) => r.id}
          getRowLabel={(r) => r.name}
          label="W"
          selectedIds={selected}
          onSelectionChange={setSelected}
        />
      );
    }
    render(<Harness />);
    fireEvent.click(screen.getByRole("checkbox", { name: "Select beta" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Select gamma" }), { shiftKey: true });
    const checked = screen.getAllByRole("checkbox", { checked: true }).map((c) => c.getAttribute("aria-label"));
    expect(checked).toEqual(["Select all rows", "Select beta", "Select alpha", "Select gamma"]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Select all rows" }));
    expect(screen.queryAllByRole("checkbox", { checked: true })).toHaveLength(0);
  });

  it("shows the empty state when there are no rows", () => {
    render(<DataTable rows={[]} columns={COLUMNS} getRowId={(r) => r.id} label="W" empty={<p>Nothing here</p>} />);
    expect(screen.getByText("Nothing here")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
