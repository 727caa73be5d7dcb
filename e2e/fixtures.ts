import { test as base, expect, type Page } from "@playwright/test";
import { basePort, spawnServer, type SpawnedServer } from "./support/server";

export const DEMO_PASSWORD = "coder-demo-1";
export type DemoUser = "admin" | "alice" | "bob";

interface WorkerFixtures {
  server: SpawnedServer;
}

/** One server per Playwright worker, on its own port, shared by that worker's tests. */
export const test = base.extend<{ baseURL: string }, WorkerFixtures>({
  server: [
    async ({}, use, workerInfo) => {
      const server = await spawnServer(basePort() + workerInfo.workerIndex);
      await use(server);
      await server.stop();
    },
    { scope: "worker" },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

/** Signs in through the API (the session bridge sets the HttpOnly cookie on the context). */
export async function signIn(page: Page, user: DemoUser): Promise<void> {
  const res = await page.request.post("/api/v2/users/login", {
    data: { email: `${user}@example.com`, password: DEMO_PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
}

export { expect };
