// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { LoginView } from "./LoginView";

afterEach(cleanup);

describe("LoginView", () => {
  it("submits email and password", () => {
    const onPasswordLogin = vi.fn();
    render(<LoginView onPasswordLogin={onPasswordLogin} onTokenLogin={vi.fn()} submitting={false} />);
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: " alice@example.com " } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "pw" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(onPasswordLogin).toHaveBeenCalledWith("alice@example.com", "pw");
  });

  it("switches to a pasted token", () => {
    const onTokenLogin = vi.fn();
    render(<LoginView onPasswordLogin={vi.fn()} onTokenLogin={onTokenLogin} submitting={false} />);
    fireEvent.click(screen.getByRole("radio", { name: "Session token" }));
    fireEvent.change(screen.getByLabelText("Session token"), { target: { value: "abc-123" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(onTokenLogin).toHaveBeenCalledWith("abc-123");
  });

  it("shows the error inline as an alert", () => {
    render(
      <LoginView
        onPasswordLogin={vi.fn()}
        onTokenLogin={vi.fn()}
        submitting={false}
        error="Incorrect email or password."
      />,
    );
    expect(screen.getByRole("alert").textContent).toBe("Incorrect email or password.");
    expect(screen.getByLabelText("Password").getAttribute("aria-invalid")).toBe("true");
  });
});
