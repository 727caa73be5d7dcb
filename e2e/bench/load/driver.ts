// Keeps builds running for the whole load: a set of workspaces of its own, each started and
// stopped in turn as soon as its last job finished (it listens on watch-ws, no polling).
import WebSocket from "ws";
import type { Workspace } from "../../../src/api/types";
import type { LoadApi } from "./api";
import type { Metrics } from "./metrics";

const DONE = new Set(["succeeded", "failed", "canceled"]);

export interface DriverBuild {
  id: string;
  workspaceId: string;
  /** When the build request was sent (performance.now()). */
  sentAt: number;
  done: boolean;
}

export class BuildDriver {
  readonly builds: DriverBuild[] = [];
  private readonly sockets: WebSocket[] = [];
  private running = true;
  private readonly busy = new Set<string>();

  private constructor(
    private readonly api: LoadApi,
    private readonly metrics: Metrics,
    readonly workspaceIds: string[],
  ) {}

  /** Creates `count` docker workspaces (their first start is the first build). */
  static async start(api: LoadApi, metrics: Metrics, count: number): Promise<BuildDriver> {
    const docker = (await api.templates()).find((t) => t.name === "docker");
    if (!docker) throw new Error("no docker template");
    const stamp = Date.now().toString(36);
    const first: DriverBuild[] = [];
    for (let i = 0; i < count; i++) {
      const sentAt = performance.now();
      const ws = await api.json<Workspace>("POST", "/users/me/workspaces", {
        template_id: docker.id,
        name: `load-${stamp}-${i + 1}`,
      });
      first.push({ id: ws.latest_build.id, workspaceId: ws.id, sentAt, done: false });
      metrics.counters.builds++;
    }
    const driver = new BuildDriver(
      api,
      metrics,
      first.map((b) => b.workspaceId),
    );
    driver.builds.push(...first);
    for (const id of driver.workspaceIds) driver.listen(id);
    return driver;
  }

  /** Builds whose job has not finished yet. */
  active(): DriverBuild[] {
    return this.builds.filter((b) => !b.done);
  }

  private listen(workspaceId: string): void {
    const socket = new WebSocket(this.api.wsUrl(`/workspaces/${workspaceId}/watch-ws`), {
      headers: { "Coder-Session-Token": this.api.token },
    });
    this.sockets.push(socket);
    socket.on("message", (raw) => {
      const msg = JSON.parse(raw.toString()) as { type: string; data?: Workspace };
      if (msg.type !== "data" || !msg.data) return;
      const latest = msg.data.latest_build;
      if (!DONE.has(latest.job.status)) return;
      const build = this.builds.find((b) => b.id === latest.id);
      if (build) build.done = true;
      if (this.running && !this.busy.has(workspaceId))
        void this.next(
          workspaceId,
          latest.transition === "start" && latest.job.status === "succeeded" ? "stop" : "start",
        );
    });
    socket.on("error", (err) => this.metrics.error("driver watch", err.message));
  }

  private async next(workspaceId: string, transition: "start" | "stop"): Promise<void> {
    this.busy.add(workspaceId);
    try {
      const sentAt = performance.now();
      const res = await this.api.request("POST", `/workspaces/${workspaceId}/builds`, { transition });
      if (res.status === 201) {
        this.builds.push({ id: (JSON.parse(res.text) as { id: string }).id, workspaceId, sentAt, done: false });
        this.metrics.counters.builds++;
      } else if (res.status !== 409) this.metrics.error("driver build", `${res.status} ${res.text.slice(0, 100)}`);
    } finally {
      this.busy.delete(workspaceId);
    }
  }

  /** No new builds from now on; the ones running finish on their own. */
  stop(): void {
    this.running = false;
  }

  close(): void {
    for (const s of this.sockets) s.close(1000);
  }
}
