import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "../fixtures";
import { basePort, spawnServer, type SpawnedServer } from "./server";

/**
 * A server of the enclosing describe block's own, at `speed` times real time, for builds started
 * during a test; each worker gets a port `offset` above the base (specs keep their offsets apart).
 */
export function ownServer(offset: number, speed: number): () => SpawnedServer {
  let server: SpawnedServer | undefined;
  test.beforeAll(async ({}, info) => {
    server = await spawnServer(basePort() + offset + info.workerIndex, ["--speed", String(speed)]);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return () => server!;
}

/** Signs alice in on `server`, starts her stopped workspace and opens the new build's timings page. */
export async function openNewStartBuild(page: Page, server: SpawnedServer): Promise<{ id: string }> {
  const login = await page.request.post(`${server.url}/api/v2/users/login`, {
    data: { email: "alice@example.com", password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(201);
  const ws = await (await page.request.get(`${server.url}/api/v2/users/alice/workspace/stopped-ws`)).json();
  const created = await page.request.post(`${server.url}/api/v2/workspaces/${ws.id}/builds`, {
    data: { transition: "start" },
  });
  expect(created.status()).toBe(201);
  const build = await created.json();
  await page.goto(`${server.url}/@alice/stopped-ws/builds/${build.build_number}/timings`);
  return build;
}
