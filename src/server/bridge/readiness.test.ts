// `/readyz` takes a replica out of rotation while the Coder behind it is down; `/healthz` keeps
// answering (the process is fine: restarting it would not bring Coder back).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { startServer } from "../main";

describe("/readyz", () => {
  it("follows the upstream Coder: 200 while it answers, 503 once it is gone, /healthz 200 throughout", async () => {
    const upstream = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ version: "v2.99.0" }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const dashboard = await startServer({ port: 0, coderUrl: upstreamUrl });
    try {
      const ready = await fetch(`${dashboard.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.text()).toBe(`ready: ${upstreamUrl} answers\n`);

      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
      const down = await fetch(`${dashboard.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.text()).toMatch(/^not ready: .* unreachable/);
      expect((await fetch(`${dashboard.url}/healthz`)).status).toBe(200);
    } finally {
      await dashboard.close();
    }
  });

  it("a Coder answering an error is not ready either", async () => {
    const upstream = createServer((_req, res) => {
      res.statusCode = 502;
      res.end();
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const dashboard = await startServer({
      port: 0,
      coderUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    });
    try {
      const res = await fetch(`${dashboard.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/answered 502/);
    } finally {
      await dashboard.close();
      upstream.closeAllConnections();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });
});
