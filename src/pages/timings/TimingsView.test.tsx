// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { EMPTY_URL_STATE } from "../../components/TimingsChart";
import { buildTimingTree } from "../../lib/timings";
import { build } from "../../lib/timings/__fixtures__/builds";
import { RECORDED_START } from "../../lib/timings/__fixtures__/recorded";
import { TimingsView, type CompareContent, type TimingsContent } from "./TimingsView";

HTMLCanvasElement.prototype.getContext = () => null;
afterEach(cleanup);

function view(
  content: TimingsContent,
  compare: CompareContent = { kind: "none" },
  onCompareChange = vi.fn(),
  serverVersion?: string,
) {
  return render(
    <MemoryRouter>
      <TimingsView
        owner="alice"
        workspaceName="dev"
        build={build({ status: "succeeded" })}
        content={content}
        serverVersion={serverVersion}
        compare={compare}
        compareParam={null}
        onCompareChange={onCompareChange}
        initialChartState={EMPTY_URL_STATE}
        onChartStateChange={() => {}}
        shareUrl={() => ""}
        onSelectBar={() => {}}
      />
    </MemoryRouter>,
  );
}

describe("TimingsView", () => {
  it("shows a loading skeleton, an error with retry, and each empty state", () => {
    view({ kind: "loading" });
    expect(screen.getByRole("status", { name: "Loading timings" })).toBeTruthy();
    cleanup();
    const onRetry = vi.fn();
    view({ kind: "error", error: new Error("boom"), onRetry });
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(onRetry).toHaveBeenCalled();
    cleanup();
    view({ kind: "empty", reason: "unsupported" }, undefined, undefined, "v2.15.2");
    expect(screen.getByText("This Coder server does not report timings")).toBeTruthy();
    cleanup();
    view({ kind: "empty", reason: "unsupported" }, undefined, undefined, "v2.99.99");
    expect(screen.getByText("Timings not available")).toBeTruthy();
    expect(screen.queryByText(/v2\.16/)).toBeNull();
    cleanup();
    view({ kind: "empty", reason: "queued" });
    expect(screen.getByText("Waiting for a provisioner")).toBeTruthy();
  });

  it("draws the chart, says why a comparison is unavailable, and sets ?compare", () => {
    const onCompareChange = vi.fn();
    view(
      { kind: "ready", tree: buildTimingTree(RECORDED_START), live: false, phase: "done" },
      { kind: "unavailable", message: "No earlier successful start build" },
      onCompareChange,
    );
    expect(screen.getByTestId("timings-chart")).toBeTruthy();
    expect(screen.getByText("No earlier successful start build")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Compare with previous" }));
    expect(onCompareChange).toHaveBeenCalledWith("prev");
    fireEvent.change(screen.getByRole("textbox", { name: "Build number to compare with" }), { target: { value: "9" } });
    fireEvent.click(screen.getByRole("button", { name: "Compare" }));
    expect(onCompareChange).toHaveBeenLastCalledWith("9");
  });
});
