// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { buildTimingTree } from "../../lib/timings";
import { RECORDED_START } from "../../lib/timings/__fixtures__/recorded";
import { TimingsChart } from "./TimingsChart";

// jsdom has no canvas: the DOM half of the chart (labels, tooltips, tables, toolbar) is what runs here.
HTMLCanvasElement.prototype.getContext = () => null;

const tree = buildTimingTree(RECORDED_START, { now: 0 });
const baseline = buildTimingTree(
  {
    ...RECORDED_START,
    provisioner_timings: RECORDED_START.provisioner_timings.map((t) =>
      t.resource === "docker_container.workspace[0]" ? { ...t, ended_at: "2025-03-04T10:00:11.400000Z" } : t,
    ),
  },
  { now: 0 },
);

afterEach(cleanup);

const rowIds = (kind: "stage" | "item") =>
  [...document.querySelectorAll(`[data-row-kind="${kind}"]`)].map((e) => e.getAttribute("data-row-id"));

describe("TimingsChart", () => {
  it("shows stages collapsed, expands one or all, and collapses all", () => {
    render(<TimingsChart tree={tree} />);
    expect(rowIds("stage")).toEqual(["init", "plan", "graph", "apply", "connect", "start"]);
    expect(rowIds("item")).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: /^Apply stage/ }));
    expect(screen.getByRole("button", { name: /^Apply stage/ }).getAttribute("aria-expanded")).toBe("true");
    expect(rowIds("item")).toEqual([
      "apply/coder_script.login (delete)",
      "apply/coder_script.login (create)",
      "apply/docker_container.workspace[0]",
      "apply/coder_metadata.info[0]",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Expand all" }));
    expect(rowIds("item")).toHaveLength(14);
    fireEvent.click(screen.getByRole("button", { name: "Collapse all" }));
    expect(rowIds("item")).toEqual([]);
  });

  it("says what failed in words, not colour alone", () => {
    render(<TimingsChart tree={tree} initialState={{ expanded: ["start"], critical: false, compress: false }} />);
    const dotfiles = document.querySelector('[data-row-id="start/main: Dotfiles"]')!;
    expect(dotfiles.getAttribute("data-status")).toBe("failed");
    expect(
      within(dotfiles as HTMLElement)
        .getByRole("button")
        .getAttribute("aria-label"),
    ).toMatch(/Failed \(exit 1\)/);
  });

  it("marks the critical path and summarises it", () => {
    render(
      <TimingsChart tree={tree} initialState={{ expanded: ["apply", "start"], critical: false, compress: false }} />,
    );
    expect(screen.getByTestId("critical-path-summary").textContent).toMatch(
      /^critical path: .+ of 29s total; .+ idle$/,
    );
    expect(document.querySelectorAll('[data-critical="true"]')).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Critical path" }));
    expect(screen.getByTestId("timings-chart").getAttribute("data-critical-path")).toBe("on");
    expect(document.querySelector('[data-row-id="start/main: Startup Script"]')!.getAttribute("data-critical")).toBe(
      "true",
    );
    expect(document.querySelector('[data-row-id="start/main: Dotfiles"]')!.getAttribute("data-critical")).toBeNull();
  });

  it("filters by name and lists the slowest items; picking one selects its bar", () => {
    const onSelectBar = vi.fn();
    render(<TimingsChart tree={tree} onSelectBar={onSelectBar} />);
    fireEvent.change(screen.getByRole("searchbox", { name: "Filter bars by name" }), { target: { value: "docker" } });
    expect(rowIds("item")).toEqual(["plan/docker_image.main", "apply/docker_container.workspace[0]"]);
    const slowest = screen.getByRole("region", { name: "Slowest 10" });
    fireEvent.click(within(slowest).getAllByRole("button")[0]);
    expect(onSelectBar).toHaveBeenCalledWith(
      expect.objectContaining({ id: "start/main: Startup Script", kind: "item" }),
    );
  });

  it("clicking an item label selects its bar (the page opens its logs)", () => {
    const onSelectBar = vi.fn();
    render(
      <TimingsChart
        tree={tree}
        onSelectBar={onSelectBar}
        initialState={{ expanded: ["apply"], critical: false, compress: false }}
      />,
    );
    fireEvent.click(
      within(document.querySelector('[data-row-id="apply/docker_container.workspace[0]"]') as HTMLElement).getByRole(
        "button",
      ),
    );
    expect(onSelectBar.mock.calls[0][0]).toMatchObject({
      kind: "item",
      stage: { id: "apply" },
      item: { action: "create", source: "docker" },
    });
  });

  it("offers the same data as a table", () => {
    render(<TimingsChart tree={tree} />);
    fireEvent.click(screen.getByRole("button", { name: "View as table" }));
    const table = screen.getByRole("table", { name: /Build timings/ });
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 6 + 14);
    expect(within(table).getByRole("rowheader", { name: "Apply" })).toBeTruthy();
    expect(within(table).getByText("Failed (exit 1)")).toBeTruthy();
  });

  it("compares with a baseline: delta on the label and a regression row in the table", () => {
    render(
      <TimingsChart
        tree={tree}
        label="#42"
        compare={{ tree: baseline, label: "#41" }}
        initialState={{ expanded: ["apply"], critical: false, compress: false }}
      />,
    );
    const row = document.querySelector('[data-row-id="apply/docker_container.workspace[0]"]') as HTMLElement;
    expect(
      within(row)
        .getByText(/\+2\.5s/)
        .getAttribute("data-regression"),
    ).toBe("true");
    const compareRow = document.querySelector('[data-compare-row="apply/docker_container.workspace[0]"]')!;
    expect(compareRow.getAttribute("data-regression")).toBe("true");
    expect(compareRow.textContent).toContain("Regression");
    expect(screen.getByRole("heading", { name: "#42 compared with #41" })).toBeTruthy();
  });

  it("reports its URL state when it changes and copies a share link", async () => {
    const onStateChange = vi.fn();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    render(
      <TimingsChart
        tree={tree}
        onStateChange={onStateChange}
        shareUrl={(s) => `https://x/?expand=${s.expanded.join(",")}&cp=${s.critical}`}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: /^Plan stage/ }));
    expect(onStateChange).toHaveBeenLastCalledWith({
      range: undefined,
      expanded: ["plan"],
      critical: false,
      compress: false,
    });
    fireEvent.click(screen.getByRole("button", { name: "Copy link" }));
    await screen.findByText("Link copied");
    expect(writeText).toHaveBeenCalledWith("https://x/?expand=plan&cp=false");
  });
});
