// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { keys } from "../../../api/keys";
import { setUpViewTests } from "../../../components/testing";
import { makeAgent, makeApp as app, makeWorkspace } from "../../../lib/workspace/testing";
import { Agents } from "./Agents";

setUpViewTests();

function renderAgents(appHost: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(keys.appHost(), { host: appHost });
  client.setQueryData(keys.deploymentSSH(), { hostname_prefix: "coder.", hostname_suffix: "" });
  const agent = makeAgent({
    apps: [
      app({
        slug: "web",
        display_name: "Web",
        subdomain: true,
        subdomain_name: "web--main--dev--alice",
        health: "healthy",
      }),
      app({ slug: "code-server", display_name: "code-server", health: "unhealthy" }),
    ],
  });
  const workspace = makeWorkspace({ agents: [agent], workspace: { name: "dev", owner_name: "alice" } });
  render(
    <QueryClientProvider client={client}>
      <Agents workspace={workspace} scriptTimings={[]} logs={{}} appOrigin="https://coder.example.com" />
    </QueryClientProvider>,
  );
  return within(screen.getByRole("list", { name: "Apps" }));
}

describe("Agents: apps", () => {
  it("opens a subdomain app on its own host under the deployment's wildcard app host, and shows health", () => {
    const apps = renderAgents("*.apps.example.com");
    expect(apps.getByRole("link", { name: /^Web/ }).getAttribute("href")).toBe(
      "https://web--main--dev--alice.apps.example.com/",
    );
    expect(apps.getByRole("link", { name: /^code-server/ }).getAttribute("href")).toBe(
      "https://coder.example.com/@alice/dev.main/apps/code-server/",
    );
    expect(apps.getByText("Healthy")).toBeTruthy();
    expect(apps.getByText("Unhealthy")).toBeTruthy();
  });

  it("falls back to the path proxy when the deployment has no wildcard host, as Coder does", () => {
    const apps = renderAgents("");
    expect(apps.getByRole("link", { name: /^Web/ }).getAttribute("href")).toBe(
      "https://coder.example.com/@alice/dev.main/apps/web/",
    );
  });
});
