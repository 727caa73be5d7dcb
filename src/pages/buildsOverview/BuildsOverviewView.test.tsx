// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { readOverviewFilter, type OverviewFilter } from "./model/filters";
import type { ActiveBuild } from "./model/now";
import { DAY, HOUR, MIN, NOW, activeBuild, build, iso, workspace } from "./model/testing";
import { BuildsOverviewView, type BuildsOverviewViewProps } from "./BuildsOverviewView";
import type { OverviewSnapshot } from "./data/overviewConfig";
import { setUpViewTests } from "../../components/testing";

// The charts are recharts in a lazy chunk; here only the page around them is under test.
vi.mock("./charts/HealthCharts", () => ({ default: () => <div data-testid="charts" /> }));

setUpViewTests();

const k8s = workspace("api", "kubernetes", "bob");
const docker = workspace("dev", "docker", "alice");

const history = [
  ...[10, 11, 12].map((n) => build({ ws: k8s, number: n, age: 3 * DAY - n * HOUR, ran: 10_000 })),
  build({ ws: k8s, number: 13, age: 2 * HOUR, ran: 20_000 }),
  build({ ws: k8s, number: 14, age: 1 * HOUR, ran: 20_000 }),
  build({ ws: k8s, number: 15, age: 30 * MIN, ran: 20_000 }),
  build({ ws: docker, number: 3, age: 10 * MIN, status: "failed", errorCode: "INSUFFICIENT_QUOTA" }),
];

const active = (over: Partial<ActiveBuild>): ActiveBuild =>
  activeBuild({ buildNumber: 4, workspaceId: docker.id, queuePosition: 2, queueSize: 3, ...over });

function snapshot(over: Partial<OverviewSnapshot> = {}): OverviewSnapshot {
  return {
    status: "ready",
    error: undefined,
    builds: [...history].sort((a, b) => b.createdMs - a.createdMs),
    active: [
      active({ jobId: "p1" }),
      active({ jobId: "p0", workspaceName: "old", createdAt: iso(NOW - 7 * MIN), queuePosition: 1 }),
      active({ jobId: "r1", status: "running", workspaceName: "api", ownerName: "bob", startedAt: iso(NOW - 20_000) }),
    ],
    queueSource: "jobs",
    jobsUnavailable: false,
    historySkipped: 0,
    daemons: undefined,
    stages: new Map([["r1", "Planning infrastructure"]]),
    listing: { done: 2, total: 2 },
    history: { done: 2, total: 2 },
    workspaceCount: 2,
    historyFailed: 0,
    live: "live",
    updatedAt: NOW,
    windowStart: NOW - 8 * DAY,
    ...over,
  };
}

// No filter: the default range, as a URL without parameters reads.
const filter: OverviewFilter = readOverviewFilter(new URLSearchParams());

function renderView(over: Partial<BuildsOverviewViewProps> = {}) {
  const props: BuildsOverviewViewProps = { data: snapshot(), filter, onFilterChange: vi.fn(), isAdmin: true, ...over };
  render(
    <MemoryRouter>
      <BuildsOverviewView {...props} />
    </MemoryRouter>,
  );
  return props;
}

describe("BuildsOverviewView", () => {
  it("lists the queue oldest first with positions and a stuck flag, and running builds with their stage", () => {
    renderView();
    const queued = screen.getByTestId("now-pending");
    expect(within(queued).getByTestId("now-pending-count").textContent).toBe("2");
    const rows = within(queued).getAllByTestId("now-row");
    expect(rows.map((r) => r.dataset.workspace)).toEqual(["old", "dev"]);
    expect(rows[0].textContent).toContain("1st of 3 in queue");
    expect(within(rows[0]).getByTestId("stuck")).toBeTruthy();
    expect(within(rows[1]).queryByTestId("stuck")).toBeNull();
    expect(within(screen.getByTestId("now-running")).getByTestId("now-stage").textContent).toBe(
      "Planning infrastructure",
    );
    expect(within(rows[1]).getByRole("link").getAttribute("href")).toBe("/@alice/dev/builds/4");
  });

  it("shows the regression with a link to the timings comparison of one workspace's builds", () => {
    renderView();
    const regression = screen.getByTestId("regression");
    expect(regression.dataset.template).toBe("kubernetes");
    expect(regression.textContent).toContain("+100 %");
    expect(within(regression).getByRole("link").getAttribute("href")).toBe("/@bob/api/builds/15/timings?compare=12");
  });

  it("lists the builds in range with their error code, and sends filter changes up", () => {
    const props = renderView();
    const table = screen.getByRole("table", { name: "Recent builds" });
    // 24 h: the three kubernetes builds of the last day and the failed docker build.
    expect(within(table).getAllByRole("row")).toHaveLength(1 + 4);
    expect(within(table).getByTestId("error-code").textContent).toBe("INSUFFICIENT_QUOTA");
    fireEvent.change(screen.getByRole("combobox", { name: "Template" }), { target: { value: "kubernetes" } });
    expect(props.onFilterChange).toHaveBeenCalledWith({ template: "kubernetes" });
    fireEvent.click(screen.getByRole("button", { name: "7d" }));
    expect(props.onFilterChange).toHaveBeenCalledWith({ range: "7d" });
  });

  it("says why a filtered table is empty and offers a wider range", () => {
    const props = renderView({ filter: { ...filter, owner: "carol" } });
    expect(screen.getByText("No build matches")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Look at the last 7 days" }));
    expect(props.onFilterChange).toHaveBeenCalledWith({ range: "7d" });
  });

  it("explains a server without the job list to admins only, and loading progress to everyone", () => {
    const data = snapshot({ jobsUnavailable: true, queueSource: "builds", history: { done: 3, total: 10 } });
    renderView({ data });
    expect(screen.getByTestId("note-no-jobs")).toBeTruthy();
    expect(screen.getByTestId("history-progress").textContent).toContain("3 of 10 workspaces");
    expect(screen.getByText("From each workspace's latest build.")).toBeTruthy();
    cleanup();
    renderView({ data, isAdmin: false });
    expect(screen.queryByTestId("note-no-jobs")).toBeNull();
  });

  it("has an empty state when nothing was built", () => {
    renderView({ data: snapshot({ builds: [], active: [] }) });
    expect(screen.getByText("No builds yet")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
