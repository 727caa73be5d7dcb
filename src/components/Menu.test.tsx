// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "./Menu";

afterEach(cleanup);

describe("Menu (Radix loaded on first intent)", () => {
  it("starts as a plain trigger, then opens on Enter once Radix is loaded, and selects an item", async () => {
    const onSelect = vi.fn();
    render(
      <Menu>
        <MenuTrigger aria-label="Actions">⋯</MenuTrigger>
        <MenuContent>
          <MenuItem onSelect={onSelect}>Stop</MenuItem>
        </MenuContent>
      </Menu>,
    );
    const trigger = screen.getByRole("button", { name: "Actions" });
    expect(trigger.getAttribute("aria-haspopup")).toBe("menu");
    expect(screen.queryByRole("menuitem")).toBeNull();
    trigger.focus();
    fireEvent.keyDown(trigger, { key: "Enter" });
    const item = await screen.findByRole("menuitem", { name: "Stop" });
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledTimes(1);
    // Once closed, focus is back on the (now Radix) trigger.
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe("Actions"));
  });
});
