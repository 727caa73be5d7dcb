// The API as a signed-in page's request context sees it (its session cookie), for specs that set
// up or check server state around what the browser does.
import { expect, type Page } from "@playwright/test";
import type { Workspace } from "../../src/api/types";

/** One `/api/v2` call that must succeed; the body parsed as T (undefined for an empty body). */
export async function apiJson<T>(
  page: Page,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await page.request.fetch(`/api/v2${path}`, { method, data });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const getWorkspace = (page: Page, owner: string, name: string) =>
  apiJson<Workspace>(page, "GET", `/users/${owner}/workspace/${name}`);

/** Waits (30 s at most) until the workspace's latest job has ended, and returns the workspace then. */
export async function settled(page: Page, workspaceId: string): Promise<Workspace> {
  let ws: Workspace | undefined;
  await expect
    .poll(
      async () => {
        ws = await apiJson<Workspace>(page, "GET", `/workspaces/${workspaceId}`);
        return ws.latest_build.job.status;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^(succeeded|failed|canceled)$/);
  return ws!;
}

/** Deletes a workspace a spec created, once its build has ended, so the shared world stays as it was. */
export async function removeWorkspace(page: Page, workspaceId: string): Promise<void> {
  await settled(page, workspaceId);
  await apiJson(page, "POST", `/workspaces/${workspaceId}/builds`, { transition: "delete" });
}

/** The parameter values a build ran with. */
export const buildParameters = (page: Page, buildId: string) =>
  apiJson<Array<{ name: string; value: string }>>(page, "GET", `/workspacebuilds/${buildId}/parameters`);
