// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import { Suspense, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { setUpViewTests } from "../components/testing";
import { STARTUP_MARKS } from "../lib/startupMarks";
import { lazyPage, isLazyPage } from "./lazyPage";
import { buildPage, notFoundPage, timingsPage, workspacePage, workspacesPage } from "./pages";
import { pageOf } from "./router";

function Counter() {
  const [n, setN] = useState(0);
  return <button onClick={() => setN(n + 1)}>clicked {n}</button>;
}

const inSuspense = (page: ReturnType<typeof lazyPage>) => (
  <Suspense fallback={<p>Loading page</p>}>
    <page.Component />
  </Suspense>
);

describe("lazyPage", () => {
  setUpViewTests();

  it("renders a page whose code has loaded in the first commit, with no fallback", async () => {
    const page = lazyPage(async () => ({ default: Counter }));
    await page.preload();
    render(inSuspense(page));
    expect(screen.queryByText("Loading page")).toBeNull();
    expect(screen.getByRole("button", { name: "clicked 0" })).toBeTruthy();
  });

  it("marks when the first page's content commits, and only then (not at the fallback, not on later pages)", async () => {
    performance.clearMarks();
    const committed = () => performance.getEntriesByName(STARTUP_MARKS.pageCommitted, "mark");
    let resolve: (m: { default: typeof Counter }) => void = () => {};
    const page = lazyPage(() => new Promise((r) => (resolve = r)));
    render(inSuspense(page));
    void page.preload();
    expect(screen.getByText("Loading page")).toBeTruthy();
    expect(committed()).toHaveLength(0);
    await act(async () => resolve({ default: Counter }));
    await screen.findByRole("button", { name: "clicked 0" });
    expect(committed()).toHaveLength(1);
    const later = lazyPage(async () => ({ default: Counter }));
    await later.preload();
    render(inSuspense(later));
    expect(committed()).toHaveLength(1);
    performance.clearMarks();
  });

  it("shows the fallback until the code arrives, and loads it once however often it is asked for", async () => {
    let resolve: (m: { default: typeof Counter }) => void = () => {};
    const load = vi.fn(() => new Promise<{ default: typeof Counter }>((r) => (resolve = r)));
    const page = lazyPage(load);
    render(inSuspense(page));
    void page.preload();
    expect(screen.getByText("Loading page")).toBeTruthy();
    await act(async () => resolve({ default: Counter }));
    expect(await screen.findByRole("button", { name: "clicked 0" })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps a mounted page's state when it re-renders after its code has loaded", async () => {
    let resolve: (m: { default: typeof Counter }) => void = () => {};
    const page = lazyPage(() => new Promise((r) => (resolve = r)));
    const view = render(inSuspense(page));
    await act(async () => resolve({ default: Counter }));
    (await screen.findByRole("button", { name: "clicked 0" })).click();
    view.rerender(inSuspense(page));
    expect(await screen.findByRole("button", { name: "clicked 1" })).toBeTruthy();
  });

  it("asks again after a failed load (a chunk that failed once may load on the next visit)", async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Counter }>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValueOnce({ default: Counter });
    const page = lazyPage(load);
    await expect(page.preload()).rejects.toThrow("chunk failed");
    await expect(page.preload()).resolves.toEqual({ default: Counter });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("pageOf", () => {
  it("names the page each path renders, from the router's own table", () => {
    expect(pageOf("/workspaces")).toBe(workspacesPage);
    expect(pageOf("/@alice/dev")).toBe(workspacePage);
    expect(pageOf("/@alice/dev/builds/7")).toBe(buildPage);
    expect(pageOf("/@alice/dev/builds/7/timings")).toBe(timingsPage);
    expect(pageOf("/nowhere/at/all/here")).toBe(notFoundPage);
    expect(isLazyPage(pageOf("/login"))).toBe(true);
  });

  it("names none for a redirect", () => {
    expect(pageOf("/")).toBeUndefined();
  });
});
