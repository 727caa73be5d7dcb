// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import type { WorkspaceBuild } from "../../api/types";
import { errorGuidance } from "../../lib/buildErrors";
import { diffParameters } from "../../lib/builds/parameterDiff";
import { BuildFailure } from "./BuildFailure";
import { ResourcesTable } from "./tabs/ResourcesTab";
import { ParametersTable } from "./tabs/ParametersTab";

afterEach(cleanup);

describe("ParametersTable", () => {
  it("marks changed values and says how many differ", () => {
    const rows = diffParameters(
      [
        { name: "image", value: "golang" },
        { name: "cpu", value: "2" },
      ],
      [
        { name: "image", value: "ubuntu" },
        { name: "cpu", value: "2" },
      ],
    );
    render(<ParametersTable rows={rows} displayNames={{ image: "Container image" }} previousNumber={4} />);
    const table = screen.getByRole("table", { name: "Parameters" });
    const changed = table.querySelector('tr[data-change="changed"]') as HTMLElement;
    expect(within(changed).getByText("Container image")).toBeTruthy();
    expect(within(changed).getByText("Changed")).toBeTruthy();
    expect(within(changed).getByText("ubuntu")).toBeTruthy();
    expect(table.querySelector('tr[data-change="unchanged"]')?.textContent).not.toContain("Changed");
    expect(screen.getByText("1 value differs from build #4.")).toBeTruthy();
  });

  it("does not claim sameness when the previous values are missing", () => {
    render(
      <ParametersTable
        rows={diffParameters([{ name: "cpu", value: "2" }], undefined)}
        displayNames={{}}
        previousNumber={4}
        previousMissing
      />,
    );
    expect(screen.getByText(/could not be loaded/)).toBeTruthy();
  });
});

describe("ResourcesTable", () => {
  it("masks sensitive metadata and totals the cost", () => {
    const resource = (
      name: string,
      cost: number,
      metadata: Array<{ key: string; value: string; sensitive: boolean }>,
    ) => ({
      id: name,
      created_at: "",
      job_id: "j",
      workspace_transition: "start",
      type: "docker_container",
      name,
      hide: false,
      icon: "",
      daily_cost: cost,
      metadata,
    });
    render(
      <ResourcesTable
        resources={[
          resource("main", 3, [
            { key: "token", value: "s3cret", sensitive: true },
            { key: "image", value: "ubuntu", sensitive: false },
          ]),
          resource("home", 1, []),
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "Resources" });
    expect(table.textContent).not.toContain("s3cret");
    expect(table.textContent).toContain("ubuntu");
    expect(within(table).getByText("hidden sensitive value")).toBeTruthy();
    expect(within(table.querySelector("tfoot") as HTMLElement).getByText("4")).toBeTruthy();
  });
});

describe("BuildFailure", () => {
  const build = {
    build_number: 7,
    daily_cost: 0,
    resources: [],
    job: { status: "failed", error: "insufficient quota", error_code: "INSUFFICIENT_QUOTA" },
  } as unknown as WorkspaceBuild;

  it("explains the quota failure with an estimated cost and jumps to the failing line", () => {
    const onJump = vi.fn();
    render(
      <MemoryRouter>
        <BuildFailure
          build={build}
          guidance={errorGuidance(build.job)}
          window={{ focus: 39, lines: [{ number: 39, text: "Error: insufficient quota", isError: true }] }}
          cost={{ daily: 8, fromBuild: 5 }}
          onJumpToLine={onJump}
        />
      </MemoryRouter>,
    );
    expect(screen.getByTestId("error-guidance").textContent).toContain("Not enough workspace quota");
    expect(screen.getByTestId("daily-cost").textContent).toMatch(/8 quota credits.*build #5/);
    fireEvent.click(screen.getByRole("link", { name: "Jump to line 39 in the log" }));
    expect(onJump).toHaveBeenCalledWith(39);
  });
});
