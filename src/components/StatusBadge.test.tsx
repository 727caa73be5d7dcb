// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { StatusBadge } from "./StatusBadge";

afterEach(cleanup);

describe("StatusBadge", () => {
  it("shows colour meaning, an icon and the text", () => {
    const { container } = render(<StatusBadge kind="workspace" value="failed" />);
    expect(screen.getByText("Failed")).toBeTruthy();
    const badge = container.firstElementChild as HTMLElement;
    expect(badge.dataset.meaning).toBe("failure");
    expect(badge.className).toContain("text-failure");
    expect(container.querySelector("svg")).not.toBeNull();
  });

  it("pulses only for in-progress states", () => {
    const { container, rerender } = render(<StatusBadge kind="workspace" value="starting" />);
    expect(container.querySelector(".motion-safe\\:animate-ping")).not.toBeNull();
    rerender(<StatusBadge kind="workspace" value="running" />);
    expect(container.querySelector(".motion-safe\\:animate-ping")).toBeNull();
  });

  it("renders an unknown state as its text, neutral", () => {
    const { container } = render(<StatusBadge kind="agentLifecycle" value="hibernating" />);
    expect(screen.getByText("Hibernating")).toBeTruthy();
    expect((container.firstElementChild as HTMLElement).dataset.meaning).toBe("neutral");
  });
});
