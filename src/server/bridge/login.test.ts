// A deployment's login answer other than Coder's exact 201 (a 200 from a fronting gateway, a
// token only in its own cookie) still signs the person in: any 2xx that carries a session token.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../main";

let upstream: Server;
let proxy: RunningServer;
/** How the upstream answers the next login. */
let answer: { status: number; body: string; setCookie?: string } = { status: 201, body: "{}" };

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    res.setHeader("content-type", "application/json");
    if (answer.setCookie) res.setHeader("set-cookie", answer.setCookie);
    res.statusCode = answer.status;
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  proxy = await startServer({ port: 0, coderUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
});

afterAll(async () => {
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

const login = () =>
  fetch(`${proxy.url}/api/v2/users/login`, {
    method: "POST",
    headers: { origin: proxy.url, "content-type": "application/json" },
    body: JSON.stringify({ email: "a@example.com", password: "x" }),
  });

const sessionCookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("coder_session_token="));

describe("login answers", () => {
  it("a 200 with the token in the body sets the HttpOnly session cookie and hides the token", async () => {
    answer = { status: 200, body: JSON.stringify({ session_token: "tok-200" }) };
    const res = await login();
    expect(res.status).toBe(200);
    expect(sessionCookieOf(res)).toMatch(/^coder_session_token=tok-200; .*HttpOnly/);
    expect(await res.text()).not.toContain("tok-200");
  });

  it("a 2xx whose token comes only in the upstream's cookie sets ours", async () => {
    answer = {
      status: 202,
      body: "accepted",
      setCookie: "coder_session_token=tok-cookie; Path=/; Domain=coder.example",
    };
    const res = await login();
    expect(res.status).toBe(202);
    const cookie = sessionCookieOf(res);
    expect(cookie).toMatch(/^coder_session_token=tok-cookie; .*HttpOnly/);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("a refusal sets no cookie", async () => {
    answer = { status: 401, body: JSON.stringify({ message: "Incorrect email or password." }) };
    const res = await login();
    expect(res.status).toBe(401);
    expect(sessionCookieOf(res)).toBeUndefined();
  });
});
