// A token-authenticated client for the load run (header auth: no cookie, so no CSRF rule).
import type { Template, Workspace, WorkspaceBuild } from "../../../src/api/types";

export class LoadApi {
  private constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  static async login(url: string, user: string): Promise<LoadApi> {
    const res = await fetch(`${url}/api/v2/users/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `${user}@example.com`, password: "coder-demo-1" }),
    });
    if (res.status !== 201) throw new Error(`login ${user}: ${res.status} ${await res.text()}`);
    return new LoadApi(url, ((await res.json()) as { session_token: string }).session_token);
  }

  /** Raw request: status and body, timing left to the caller. */
  async request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.url}/api/v2${path}`, {
      method,
      headers: {
        "Coder-Session-Token": this.token,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return JSON.parse(res.text) as T;
  }

  templates = () => this.json<Template[]>("GET", "/templates");
  workspace = (id: string) => this.json<Workspace>("GET", `/workspaces/${id}`);
  buildLogIds = async (buildId: string) =>
    (await this.json<Array<{ id: number }>>("GET", `/workspacebuilds/${buildId}/logs`)).map((l) => l.id);
  startBuild = (workspaceId: string, transition: "start" | "stop") =>
    this.json<WorkspaceBuild>("POST", `/workspaces/${workspaceId}/builds`, { transition });

  wsUrl(path: string): string {
    return `${this.url.replace(/^http/, "ws")}/api/v2${path}`;
  }
}
