// Session handling: the HttpOnly cookie, the session bridge's Origin check, the pasted-token route,
// sign-out, and that a session token never leaks into a body, URL or error message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Caller,
  expectJson,
  listWorkspaces,
  login,
  pickRunning,
  request,
  sessionCookie,
  startTestServer,
  type Reply,
  type RequestOptions,
  type TestServer,
  type WorkspaceT,
} from "../contract/harness";
import * as S from "../contract/shapes";

const EVIL = "https://evil.example";

let server: TestServer;
let aliceWs: WorkspaceT;
/** Every answer this file receives, to prove no token leaks into any of them. */
const seen: Array<{ what: string; reply: Reply }> = [];
/** Every session token this file has handled. */
const tokens = new Set<string>();

async function send(what: string, method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
  const reply = await request(server.url, method, path, opts);
  seen.push({ what, reply });
  return reply;
}

/** A request as a browser page would send it: cookie only, plus Origin / Sec-Fetch-Site. */
function browser(
  what: string,
  method: string,
  path: string,
  opts: { cookie?: string; origin?: string; site?: string; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.Cookie = `coder_session_token=${opts.cookie}`;
  if (opts.origin) headers.Origin = opts.origin;
  if (opts.site) headers["Sec-Fetch-Site"] = opts.site;
  return send(what, method, path, { headers, body: opts.body });
}

/** Logs in the way the login page does (own Origin) and returns the cookie value. */
async function browserLogin(user: string): Promise<{ reply: Reply; cookie: string }> {
  const reply = await browser(`browser login ${user}`, "POST", "/api/v2/users/login", {
    origin: server.url,
    site: "same-origin",
    body: { email: `${user}@example.com`, password: "coder-demo-1" },
  });
  const cookie = sessionCookie(reply.headers);
  if (!cookie) throw new Error(`no session cookie on browser login: ${reply.headers.getSetCookie().join(" | ")}`);
  tokens.add(cookie);
  return { reply, cookie };
}

function setCookieLine(reply: Reply): string {
  const line = reply.headers.getSetCookie().find((l) => l.startsWith("coder_session_token="));
  if (!line) throw new Error("no coder_session_token Set-Cookie");
  return line;
}

function cookieAttributes(line: string): Map<string, string> {
  const [, ...attrs] = line.split(";").map((p) => p.trim());
  return new Map(
    attrs.map((a) => {
      const [k, ...v] = a.split("=");
      return [k.toLowerCase(), v.join("=")] as const;
    }),
  );
}

beforeAll(async () => {
  server = await startTestServer();
  const admin = new Caller(server.url, await login(server.url, "admin"));
  tokens.add(admin.token ?? "");
  aliceWs = pickRunning(await listWorkspaces(admin), "alice");
});

afterAll(async () => {
  await server?.close();
});

describe("login cookie", () => {
  it("login sets coder_session_token HttpOnly, SameSite=Lax, Path=/", async () => {
    const { reply } = await browserLogin("alice");
    expect(reply.status).toBe(201);
    const attrs = cookieAttributes(setCookieLine(reply));
    expect(attrs.has("httponly"), "HttpOnly").toBe(true);
    expect(attrs.get("samesite")?.toLowerCase()).toBe("lax");
    expect(attrs.get("path")).toBe("/");
  });

  it("a browser-like login gets no session_token in the body", async () => {
    const { reply } = await browserLogin("alice");
    expect(reply.status).toBe(201);
    expect(reply.text).not.toContain("session_token");
    for (const t of tokens) expect(reply.text).not.toContain(t);
  });

  it("the cookie alone authenticates reads through the bridge", async () => {
    const { cookie } = await browserLogin("alice");
    const me = await browser("GET /users/me by cookie", "GET", "/api/v2/users/me", { cookie, origin: server.url });
    expect(expectJson(me, 200, S.User, "GET /users/me (cookie)").username).toBe("alice");
  });
});

describe("session bridge: cross-origin writes", () => {
  const favoritePath = () => `/api/v2/workspaces/${aliceWs.id}/favorite`;
  const favoriteOf = async (cookie: string) => {
    const reply = await browser("read favorite", "GET", `/api/v2/workspaces/${aliceWs.id}`, {
      cookie,
      origin: server.url,
    });
    return expectJson(reply, 200, S.Workspace, "GET workspace").favorite;
  };

  const buildsOf = async (cookie: string) => {
    const reply = await browser("list builds", "GET", `/api/v2/workspaces/${aliceWs.id}/builds`, {
      cookie,
      origin: server.url,
    });
    return expectJson(reply, 200, S.WorkspaceBuildList, "GET builds");
  };

  it("cookie + foreign Origin on a write → 403, nothing changes", async () => {
    const { cookie } = await browserLogin("alice");
    const before = await favoriteOf(cookie);
    const reply = await browser("PUT favorite from evil", before ? "DELETE" : "PUT", favoritePath(), {
      cookie,
      origin: EVIL,
    });
    expect(reply.status).toBe(403);
    expect(await favoriteOf(cookie)).toBe(before);

    const buildsBefore = (await buildsOf(cookie)).length;
    const build = await browser("POST build from evil", "POST", `/api/v2/workspaces/${aliceWs.id}/builds`, {
      cookie,
      origin: EVIL,
      body: { transition: "stop" },
    });
    expect(build.status).toBe(403);
    const buildsAfter = (await buildsOf(cookie)).length;
    expect(buildsAfter).toBe(buildsBefore);
  });

  it("cookie + Sec-Fetch-Site: cross-site (no Origin) on a write → 403", async () => {
    const { cookie } = await browserLogin("alice");
    const reply = await browser("PUT favorite cross-site", "PUT", favoritePath(), { cookie, site: "cross-site" });
    expect(reply.status).toBe(403);
  });

  it("cookie + own Origin on a write → allowed (the bridge adds the header)", async () => {
    const { cookie } = await browserLogin("alice");
    const put = await browser("PUT favorite same origin", "PUT", favoritePath(), {
      cookie,
      origin: server.url,
      site: "same-origin",
    });
    expect(put.status, put.text).toBe(204);
    expect(await favoriteOf(cookie)).toBe(true);
    const del = await browser("DELETE favorite same origin", "DELETE", favoritePath(), { cookie, origin: server.url });
    expect(del.status, del.text).toBe(204);
    expect(await favoriteOf(cookie)).toBe(false);
  });

  it("a foreign-origin logout cannot end the session", async () => {
    const { cookie } = await browserLogin("alice");
    const reply = await browser("logout from evil", "POST", "/api/v2/users/logout", { cookie, origin: EVIL });
    expect(reply.status).toBe(403);
    const me = await browser("me after evil logout", "GET", "/api/v2/users/me", { cookie, origin: server.url });
    expect(me.status).toBe(200);
  });
});

describe("POST /auth/token", () => {
  it("a valid token becomes the HttpOnly cookie", async () => {
    const token = await login(server.url, "bob");
    tokens.add(token);
    const reply = await browser("auth/token valid", "POST", "/auth/token", {
      origin: server.url,
      site: "same-origin",
      body: { token },
    });
    expect(reply.status, reply.text).toBeGreaterThanOrEqual(200);
    expect(reply.status).toBeLessThan(300);
    const line = setCookieLine(reply);
    expect(sessionCookie(reply.headers)).toBe(token);
    const attrs = cookieAttributes(line);
    expect(attrs.has("httponly")).toBe(true);
    expect(attrs.get("samesite")?.toLowerCase()).toBe("lax");
    expect(reply.text).not.toContain(token);
    const me = await browser("me via pasted token cookie", "GET", "/api/v2/users/me", {
      cookie: token,
      origin: server.url,
    });
    expect(expectJson(me, 200, S.User, "me (pasted token)").username).toBe("bob");
  });

  it("an invalid token is refused with an error and no cookie", async () => {
    const bogus = "AAAAAAAAAA-bogusbogusbogusbogus";
    tokens.add(bogus);
    const reply = await browser("auth/token invalid", "POST", "/auth/token", {
      origin: server.url,
      site: "same-origin",
      body: { token: bogus },
    });
    expectJson(reply, 401, S.ErrorResponse, "POST /auth/token (invalid)");
    expect(sessionCookie(reply.headers) ?? "").toBe("");
  });

  it("a missing token is a 400", async () => {
    const reply = await browser("auth/token empty", "POST", "/auth/token", {
      origin: server.url,
      site: "same-origin",
      body: {},
    });
    expectJson(reply, 400, S.ErrorResponse, "POST /auth/token (empty)");
  });
});

describe("logout", () => {
  it("clears the cookie and the old cookie no longer works", async () => {
    const { cookie } = await browserLogin("bob");
    const reply = await browser("logout", "POST", "/api/v2/users/logout", {
      cookie,
      origin: server.url,
      site: "same-origin",
    });
    expectJson(reply, 200, S.Response, "POST /users/logout (cookie)");
    const line = setCookieLine(reply);
    const attrs = cookieAttributes(line);
    const cleared =
      sessionCookie(reply.headers) === "" ||
      attrs.get("max-age") === "0" ||
      (attrs.has("expires") && Date.parse(attrs.get("expires") ?? "") < Date.now());
    expect(cleared, `Set-Cookie clears the session: ${line}`).toBe(true);
    const me = await browser("me after logout", "GET", "/api/v2/users/me", { cookie, origin: server.url });
    expectJson(me, 401, S.ErrorResponse, "GET /users/me after logout");
  });
});

describe("token confidentiality", () => {
  it("error answers for bad or revoked tokens do not echo them", async () => {
    const revoked = await login(server.url, "alice");
    tokens.add(revoked);
    await send("logout (header)", "POST", "/api/v2/users/logout", { token: revoked });
    for (const t of [revoked, "zzzzzzzzzz-notarealtokennotarealtoken"]) {
      tokens.add(t);
      const byHeader = await send("me with bad header token", "GET", "/api/v2/users/me", { token: t });
      expectJson(byHeader, 401, S.ErrorResponse, "bad header token");
      const byQuery = await send("me with bad query token", "GET", `/api/v2/users/me?coder_session_token=${t}`);
      expectJson(byQuery, 401, S.ErrorResponse, "bad query token");
    }
  });

  it("the query-parameter token works and is not reflected", async () => {
    const token = await login(server.url, "alice");
    tokens.add(token);
    const reply = await send("me with query token", "GET", `/api/v2/users/me?coder_session_token=${token}`);
    expectJson(reply, 200, S.User, "query token");
  });

  it("no token appears in any body, Location or other header this file received (Set-Cookie aside)", () => {
    expect(seen.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const { what, reply } of seen) {
      const headerText = [...reply.headers.entries()]
        .filter(([k]) => k !== "set-cookie")
        .map(([k, v]) => `${k}: ${v}`)
        .join("\n");
      for (const t of tokens) {
        if (!t) continue;
        if (reply.text.includes(t)) leaks.push(`${what}: body`);
        if (headerText.includes(t)) leaks.push(`${what}: header`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
