// The client's stream code against the real built-in server with streams cut every 400 ms:
// followBuildLogs / followAgentLogs must end with exactly the server's log ids, in order, once each;
// watchWorkspace (watch-ws and SSE) must follow a start build to `running` across reconnects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WS from "ws";
import { followAgentLogs, followBuildLogs, type LogStreamState } from "../../src/api/logStreams";
import type { StreamEnv, WebSocketConstructor } from "../../src/api/streamEnv";
import type {
  ProvisionerJobLog,
  Workspace,
  WorkspaceAgentLog,
  WorkspaceBuild,
  WorkspacesResponse,
} from "../../src/api/types";
import { watchWorkspace, type WatchTransport } from "../../src/api/watch";
import { startServer, type RunningServer } from "../../src/server/main";

let server: RunningServer;
let token: string;

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/v2${path}`, {
    ...init,
    headers: {
      "Content-Type": "application/json",
      "Coder-Session-Token": token,
      ...(init.headers as Record<string, string>),
    },
  });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Node 20 has no global WebSocket: `ws` with the session header, and fetch with it too. */
function nodeEnv(): StreamEnv {
  class AuthedWebSocket extends WS {
    constructor(url: string) {
      super(url, { headers: { "Coder-Session-Token": token } });
    }
  }
  return {
    origin: server.url,
    WebSocket: AuthedWebSocket as unknown as WebSocketConstructor,
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), "Coder-Session-Token": token },
      }),
  };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stoppedWorkspaceOf(owner: string): Promise<Workspace> {
  const { workspaces } = await api<WorkspacesResponse>(
    `/workspaces?q=${encodeURIComponent(`owner:${owner} status:stopped dormant:false`)}`,
  );
  const found = workspaces.find((w) => w.latest_build.status === "stopped" && !w.dormant_at);
  if (!found) throw new Error(`no stopped workspace for ${owner}`);
  return found;
}

beforeAll(async () => {
  server = await startServer({ port: 0, speed: 50, ambient: false, failureRate: 0, dropStreamsAfterMs: 400 });
  const res = await fetch(`${server.url}/api/v2/users/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "alice@example.com", password: "coder-demo-1" }),
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { session_token?: string };
  const cookie = /coder_session_token=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  token = body.session_token ?? cookie ?? "";
  expect(token).not.toBe("");
});

afterAll(async () => {
  await server?.close();
});

describe("client streams against the built-in server (streams dropped every 400 ms)", () => {
  it("follows a start build's logs and agent logs with no duplicate and no gap; watch sees it to running", async () => {
    const workspace = await stoppedWorkspaceOf("alice");

    // Watch over both transports while the build runs.
    const watched: Record<WatchTransport, { statuses: string[]; reconnects: number }> = {
      ws: { statuses: [], reconnects: 0 },
      sse: { statuses: [], reconnects: 0 },
    };
    const watches = (["ws", "sse"] as const).map((transport) =>
      watchWorkspace(
        workspace.id,
        {
          onWorkspace: (w) => {
            const list = watched[transport].statuses;
            if (list.at(-1) !== w.latest_build.status) list.push(w.latest_build.status);
          },
          onReconnected: () => watched[transport].reconnects++,
        },
        { env: nodeEnv(), transport, backoff: { baseMs: 50, maxMs: 200 } },
      ),
    );

    const build = await api<WorkspaceBuild>(`/workspaces/${workspace.id}/builds`, {
      method: "POST",
      body: JSON.stringify({ transition: "start" }),
    });

    const buildLogs: number[] = [];
    const buildStates: LogStreamState[] = [];
    await new Promise<void>((resolve, reject) => {
      followBuildLogs(build.id, {
        env: nodeEnv(),
        backoff: { baseMs: 50, maxMs: 200 },
        onLogs: (logs: ProvisionerJobLog[]) => buildLogs.push(...logs.map((l) => l.id)),
        onState: (state, error) => {
          buildStates.push(state);
          if (state === "done") resolve();
          if (state === "error") reject(error);
        },
      });
    });
    const serverBuildLogs = (await api<ProvisionerJobLog[]>(`/workspacebuilds/${build.id}/logs`)).map((l) => l.id);
    expect(serverBuildLogs.length).toBeGreaterThan(5);
    expect(buildLogs).toEqual(serverBuildLogs);
    expect(buildStates.filter((s) => s === "reconnecting").length).toBeGreaterThan(0);

    // The agent connects after the job succeeds; follow its logs until its start scripts finish.
    const running = await until("the workspace to be running", async () => {
      const w = await api<Workspace>(`/workspaces/${workspace.id}`);
      return w.latest_build.status === "running" ? w : undefined;
    });
    const agent = running.latest_build.resources.flatMap((r) => r.agents ?? [])[0];
    expect(agent).toBeDefined();
    const agentLogs: number[] = [];
    const agentStates: LogStreamState[] = [];
    const agentStream = followAgentLogs(agent.id, {
      env: nodeEnv(),
      backoff: { baseMs: 50, maxMs: 200 },
      onLogs: (logs: WorkspaceAgentLog[]) => agentLogs.push(...logs.map((l) => l.id)),
      onState: (state) => agentStates.push(state),
    });
    await until("the agent to finish starting", async () => {
      const w = await api<Workspace>(`/workspaces/${workspace.id}`);
      const a = w.latest_build.resources.flatMap((r) => r.agents ?? []).find((x) => x.id === agent.id);
      return a && ["ready", "start_error", "start_timeout"].includes(a.lifecycle_state) ? a : undefined;
    });
    const serverAgentLogs = await until("the follower to catch up", async () => {
      const ids = (await api<WorkspaceAgentLog[]>(`/workspaceagents/${agent.id}/logs`)).map((l) => l.id);
      return agentLogs.length >= ids.length ? ids : undefined;
    });
    // Give a duplicate, if any, the chance to arrive before comparing.
    await new Promise((r) => setTimeout(r, 500));
    agentStream.close();
    expect(serverAgentLogs.length).toBeGreaterThan(0);
    expect(agentLogs).toEqual(serverAgentLogs);
    expect(agentStates.filter((s) => s === "reconnecting").length).toBeGreaterThan(0);

    // Both watch transports followed the build to running, reconnecting after the drops.
    await until("both watches to see running", () =>
      watched.ws.statuses.at(-1) === "running" && watched.sse.statuses.at(-1) === "running" ? true : undefined,
    );
    watches.forEach((w) => w.close());
    for (const transport of ["ws", "sse"] as const) {
      expect(watched[transport].statuses).toContain("starting");
      expect(watched[transport].statuses.at(-1)).toBe("running");
      expect(watched[transport].reconnects).toBeGreaterThan(0);
    }
  }, 90_000);
});
