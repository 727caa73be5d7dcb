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

describe("LoginView with the deployment's sign-in methods", () => {
  it("SSO-only with the OAuth2 provider: a sign-in link, no password form, the token path kept", () => {
    render(
      <LoginView
        onPasswordLogin={vi.fn()}
        onTokenLogin={vi.fn()}
        submitting={false}
        options={{
          password: false,
          sso: [{ label: "Sign in with Okta", kind: "oauth", href: "/auth/oauth/start?redirect=%2Fworkspaces" }],
          token: true,
        }}
      />,
    );
    const link = screen.getByRole("link", { name: "Sign in with Okta" });
    expect(link.getAttribute("href")).toBe("/auth/oauth/start?redirect=%2Fworkspaces");
    expect(link.getAttribute("target")).toBeNull();
    expect(screen.queryByLabelText("Password")).toBeNull();
    expect(screen.queryByRole("radiogroup")).toBeNull();
    expect(screen.getByLabelText("Session token")).toBeTruthy();
  });

  it("without the provider the button opens /cli-auth in a new tab and the token field says what to do", () => {
    const onTokenLogin = vi.fn();
    render(
      <LoginView
        onPasswordLogin={vi.fn()}
        onTokenLogin={onTokenLogin}
        submitting={false}
        options={{
          password: true,
          sso: [{ label: "Sign in with GitHub", kind: "cli-auth", href: "https://coder.example.com/cli-auth" }],
          token: true,
        }}
      />,
    );
    const link = screen.getByRole("link", { name: /Sign in with GitHub/ });
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toContain("noopener");
    fireEvent.click(link);
    expect(screen.getByRole("radio", { name: "Session token" }).getAttribute("aria-checked")).toBe("true");
    expect(
      screen.getByText("Sign in on Coder in the new tab, copy the session token it shows, and paste it here."),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Session token"), { target: { value: "tok-1" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect(onTokenLogin).toHaveBeenCalledWith("tok-1");
  });

  it("shows a loading state while the methods are asked for", () => {
    render(<LoginView onPasswordLogin={vi.fn()} onTokenLogin={vi.fn()} submitting={false} loading />);
    expect(screen.getByRole("status", { name: "Loading sign-in methods" })).toBeTruthy();
    expect(screen.queryByLabelText("Email")).toBeNull();
  });
});
