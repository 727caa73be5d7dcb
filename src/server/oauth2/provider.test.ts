// The built-in deployment's OAuth2 provider checks PKCE as Coder does: a code is exchanged only
// with the verifier of the challenge it was issued for, and only once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../main";
import { challengeS256, createVerifier } from "../util/pkce";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, ambient: false, failureRate: 0 });
});
afterAll(() => server.close());

const REDIRECT = "https://dashboard.example.com/auth/oauth/callback";

async function register(): Promise<{ client_id: string; client_secret: string }> {
  const res = await fetch(`${server.url}/oauth2/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "PKCE test", redirect_uris: [REDIRECT] }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { client_id: string; client_secret: string };
}

/** Alice allows the client on the consent page; the code Coder sends back. */
async function authorize(clientId: string, challenge: string): Promise<string> {
  const q = new URLSearchParams({
    client_id: clientId,
    response_type: "code",
    redirect_uri: REDIRECT,
    state: "s",
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  const res = await fetch(`${server.url}/oauth2/authorize?${q}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
    body: new URLSearchParams({ email: "alice@example.com", password: "coder-demo-1" }).toString(),
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!).searchParams.get("code")!;
}

const exchange = (client: { client_id: string; client_secret: string }, code: string, verifier: string) =>
  fetch(`${server.url}/oauth2/tokens`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      client_id: client.client_id,
      client_secret: client.client_secret,
    }).toString(),
  });

describe("OAuth2 provider: PKCE", () => {
  it("refuses a code with another verifier, and the code is spent by that attempt", async () => {
    const client = await register();
    const verifier = createVerifier();
    const code = await authorize(client.client_id, challengeS256(verifier));
    const wrong = await exchange(client, code, createVerifier());
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    expect((await exchange(client, code, verifier)).status).toBe(400);
  });

  it("issues tokens for the right verifier, once", async () => {
    const client = await register();
    const verifier = createVerifier();
    const code = await authorize(client.client_id, challengeS256(verifier));
    const ok = await exchange(client, code, verifier);
    expect(ok.status).toBe(200);
    const tokens = (await ok.json()) as { access_token: string; refresh_token: string; expires_in: number };
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.expires_in).toBeGreaterThan(0);
    const me = await fetch(`${server.url}/api/v2/users/me`, {
      headers: { "Coder-Session-Token": tokens.access_token },
    });
    expect(((await me.json()) as { username: string }).username).toBe("alice");
    expect((await exchange(client, code, verifier)).status).toBe(400);
  });
});
