// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { keys } from "../../../api/keys";
import type { WorkspaceAgent } from "../../../api/types";
import { setUpViewTests } from "../../../components/testing";
import { makeAgent, makeWorkspace } from "../../../lib/workspace/testing";
import { Connect } from "./Connect";

setUpViewTests();

function renderConnect(agent: WorkspaceAgent) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(keys.deploymentSSH(), { hostname_prefix: "coder.", hostname_suffix: "coder" });
  client.setQueryData(keys.appHost(), { host: "" });
  render(
    <QueryClientProvider client={client}>
      <Connect workspace={makeWorkspace()} agent={agent} origin="https://coder.example.com" />
    </QueryClientProvider>,
  );
}

describe("Connect", () => {
  it("offers SSH, VS Code Desktop and the terminal for a connected agent", () => {
    renderConnect(makeAgent());
    expect(screen.getByRole("button", { name: "Copy SSH command" }).hasAttribute("disabled")).toBe(false);
    expect(screen.getByRole("button", { name: "VS Code Desktop" }).hasAttribute("disabled")).toBe(false);
    expect(screen.getByRole("link", { name: /Terminal/ }).getAttribute("href")).toMatch(/\/terminal$/);
    expect(screen.queryByTestId("connect-unavailable")).toBeNull();
  });

  it.each([
    ["connecting", "The agent is still connecting."],
    ["timeout", "The agent did not connect in time."],
    ["disconnected", "The agent is not connected; start the workspace to connect."],
  ] as const)("disables every control of a %s agent and says why", (status, reason) => {
    renderConnect(makeAgent({ status }));
    expect(screen.getByTestId("connect-unavailable").textContent).toBe(reason);
    const controls = [
      screen.getByRole("button", { name: "Copy SSH command" }),
      screen.getByRole("button", { name: "VS Code Desktop" }),
      screen.getByRole("button", { name: "Terminal" }),
    ];
    for (const control of controls) {
      expect(control.hasAttribute("disabled")).toBe(true);
      expect(document.getElementById(control.getAttribute("aria-describedby") ?? "")?.textContent).toBe(reason);
    }
    expect(screen.queryByRole("link", { name: /Terminal/ })).toBeNull();
    expect(screen.queryByRole("textbox", { name: "Port" })).toBeNull();
  });
});
