// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { MemoryRouter } from "react-router";
import type { ProvisionerJobLog, WorkspaceAgentScript } from "../../api/types";
import { LogStore } from "../../lib/logs/store";
import {
  makeAgent,
  makeApp,
  makeJob,
  makeResource,
  makeScript,
  makeWorkspace,
  type WorkspaceFixture,
} from "../../lib/workspace/testing";
import type { FollowedLog } from "../../hooks/useFollowedLog";
import type { ActionsModel } from "./model";
import { WorkspaceView, type WorkspaceViewProps } from "./WorkspaceView";
import { setUpViewTests } from "../../components/testing";

beforeAll(() => {
  // jsdom has no layout: the log viewer only needs these to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
setUpViewTests();

function followed(logs: ProvisionerJobLog[] = []): FollowedLog {
  const store = new LogStore("build");
  store.appendBuildLogs(logs);
  return { store, state: "done", error: null, retry: () => {} };
}

function actions(overrides: Partial<ActionsModel> = {}): ActionsModel {
  return {
    available: [],
    pending: null,
    error: null,
    run: vi.fn(async () => ({ ok: true as const })),
    dismissError: vi.fn(),
    ...overrides,
  };
}

// Sections that read their own data (connect, parameters, quota) get a client whose requests fail
// quietly: the view's own behaviour is what these tests look at.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });

function viewElement(fixture: WorkspaceFixture, props: Partial<WorkspaceViewProps> = {}) {
  return (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <WorkspaceView
          workspace={makeWorkspace(fixture)}
          live="live"
          history={[]}
          historyError={false}
          timings={undefined}
          buildLog={followed()}
          agentLogs={{}}
          appOrigin="https://coder.example.com"
          timeZone="UTC"
          actions={actions()}
          extend={{ pending: false, error: null, extend: vi.fn() }}
          {...props}
        />
      </MemoryRouter>
    </QueryClientProvider>
  );
}

function view(fixture: WorkspaceFixture, props: Partial<WorkspaceViewProps> = {}) {
  return render(viewElement(fixture, props));
}

const log = (id: number, output: string, log_level = "info", stage = "Starting workspace"): ProvisionerJobLog => ({
  id,
  created_at: "2025-03-04T10:00:00Z",
  log_source: "provisioner",
  log_level,
  stage,
  output,
});

const scripts: WorkspaceAgentScript[] = ["a", "b", "c", "d", "e"].map((n) =>
  makeScript({ id: n, log_source_id: n, status: n < "c" ? "ok" : undefined }),
);

describe("WorkspaceView", () => {
  it("says the workspace is running but the agent is still starting, with the scripts count", () => {
    view({ status: "running", agents: [makeAgent({ lifecycle_state: "starting", scripts })] });
    expect(screen.getByTestId("workspace-status").textContent).toBe("Running · agent starting (scripts 2/5)");
    expect(screen.getByText(/Startup scripts are still running/)).toBeTruthy();
    expect(
      within(screen.getByTestId("build-progress")).getByText("Provisioning finished · agent starting (scripts 2/5)"),
    ).toBeTruthy();
  });

  it("shows the queue position of a pending build and the live indicator", () => {
    view(
      { status: "pending", build: { job: makeJob({ status: "pending", queue_position: 2, queue_size: 5 }) } },
      { live: "reconnecting" },
    );
    expect(screen.getByText("2nd of 5 in queue")).toBeTruthy();
    expect(document.querySelector("[data-live-state]")?.textContent).toBe("Reconnecting…");
  });

  it("explains INSUFFICIENT_QUOTA with the log lines around the failure", () => {
    const buildLog = followed([
      log(1, "Plan: 1 to add"),
      log(2, "Error: insufficient quota", "error"),
      log(3, "cleanup"),
    ]);
    view(
      {
        status: "failed",
        build: { job: makeJob({ status: "failed", error: "insufficient quota", error_code: "INSUFFICIENT_QUOTA" }) },
      },
      { buildLog, actions: actions({ available: ["start"] }) },
    );
    const failure = screen.getByTestId("build-failure");
    expect(within(failure).getByText("Not enough workspace quota")).toBeTruthy();
    expect(within(failure).getByRole("link", { name: "Show line 2 in the build log" }).getAttribute("href")).toBe(
      "#L2",
    );
    expect(within(failure).getByLabelText("Log lines around the failure").textContent).toContain(
      "Error: insufficient quota",
    );
    expect(within(failure).getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("shows a refusal next to the buttons and disables them while a request is in flight", () => {
    const { rerender } = view(
      { status: "stopped" },
      {
        actions: actions({
          available: ["start", "delete"],
          error: { action: "start", message: "A workspace build is already active." },
        }),
      },
    );
    expect(screen.getByRole("alert").textContent).toContain("A workspace build is already active.");
    expect(screen.getByRole("button", { name: "Start" }).getAttribute("aria-describedby")).toBe(
      screen.getByRole("alert").id,
    );
    rerender(
      viewElement({ status: "stopped" }, { actions: actions({ available: ["start", "delete"], pending: "start" }) }),
    );
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Start" }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "More actions" }).disabled).toBe(true);
  });

  it("runs an action on click", async () => {
    const model = actions({ available: ["stop", "restart"] });
    view({ status: "running" }, { actions: model });
    fireEvent.click(screen.getByRole("button", { name: "Restart" }));
    await waitFor(() => expect(model.run).toHaveBeenCalledWith("restart"));
  });

  it("masks sensitive metadata until revealed and links only http(s) apps", () => {
    const agent = makeAgent({
      apps: [
        makeApp({
          id: "1",
          slug: "code-server",
          display_name: "code-server",
          url: "http://localhost:13337",
          healthcheck: { url: "http://localhost:13337/healthz", interval: 5, threshold: 6 },
          health: "healthy",
          open_in: "slim-window",
        }),
        makeApp({ id: "2", slug: "evil", display_name: "Evil", url: "javascript:alert(1)", external: true }),
      ],
    });
    view({
      status: "running",
      agents: [agent],
      build: {
        resources: [
          makeResource({ agents: [agent], metadata: [{ key: "password", value: "hunter2", sensitive: true }] }),
        ],
      },
    });
    expect(screen.queryByText("hunter2")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Reveal password" }));
    expect(screen.getByText("hunter2")).toBeTruthy();
    expect(screen.getByRole("link", { name: /code-server/ }).getAttribute("href")).toBe(
      "https://coder.example.com/@alice/dev.main/apps/code-server/",
    );
    expect(screen.queryByRole("link", { name: /Evil/ })).toBeNull();
    expect(screen.getByText("Evil")).toBeTruthy();
  });

  it("shows the schedule in the owner's timezone and dormancy warnings", () => {
    view(
      {
        status: "stopped",
        dormant: true,
        workspace: {
          autostart_schedule: "CRON_TZ=Europe/Berlin 30 8 * * 1-5",
          deleting_at: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        },
      },
      { timeZone: "Europe/Berlin" },
    );
    expect(screen.getByTestId("autostart").textContent).toContain("Weekdays at 08:30 (Europe/Berlin)");
    const notices = screen.getAllByTestId("lifecycle-notice").map((n) => n.textContent);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^Dormant since/);
    expect(notices[1]).toMatch(/^Will be deleted in (5|4) days/);
  });
});
