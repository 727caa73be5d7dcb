// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render } from "@testing-library/react";
import { useKeydown, type KeydownOptions } from "./useKeydown";

afterEach(cleanup);

function Probe({ log, label, options }: { log: string[]; label: string; options?: KeydownOptions }) {
  useKeydown((e) => log.push(`${label}:${e.key}`), options);
  return null;
}

describe("useKeydown", () => {
  it("listens from the commit that shows the page, with the handler of the latest render", () => {
    const log: string[] = [];
    const { rerender } = render(<Probe log={log} label="first" />);
    fireEvent.keyDown(document, { key: "/" });
    rerender(<Probe log={log} label="second" />);
    fireEvent.keyDown(document, { key: "j" });
    expect(log).toEqual(["first:/", "second:j"]);
  });

  it("stops when disabled or unmounted", () => {
    const log: string[] = [];
    const { rerender, unmount } = render(<Probe log={log} label="p" />);
    rerender(<Probe log={log} label="p" options={{ enabled: false }} />);
    fireEvent.keyDown(document, { key: "a" });
    rerender(<Probe log={log} label="p" />);
    unmount();
    fireEvent.keyDown(document, { key: "b" });
    expect(log).toEqual([]);
  });

  it("on the window in the capture phase, it hears a key before a widget stops it", () => {
    const log: string[] = [];
    const widget = document.createElement("div");
    document.body.append(widget);
    widget.addEventListener("keydown", (e) => e.stopPropagation());
    render(<Probe log={log} label="chord" options={{ target: "window", capture: true }} />);
    fireEvent.keyDown(widget, { key: "k", ctrlKey: true });
    expect(log).toEqual(["chord:k"]);
    widget.remove();
  });
});
