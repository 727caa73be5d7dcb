import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../main";
import { FlagError, parseFlags } from "./flags";

describe("parseFlags", () => {
  it("has the documented defaults", () => {
    const { options, noBuild } = parseFlags([], {});
    expect(options).toEqual(DEFAULT_OPTIONS);
    expect(options).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      seed: 1,
      speed: 1,
      failureRate: 0.1,
      provisioners: 2,
      world: "demo",
      dropStreamsAfterMs: null,
    });
    expect(noBuild).toBe(false);
  });

  it("reads every flag from the command line in both forms", () => {
    const { options, noBuild } = parseFlags(
      [
        "--",
        "--seed",
        "7",
        "--speed=20",
        "--ambient",
        "off",
        "--failure-rate",
        "0",
        "--provisioners",
        "3",
        "--latency-ms",
        "400",
        "--error-rate",
        "0.1",
        "--drop-streams-after-ms",
        "3000",
        "--state-file",
        "/tmp/s.json",
        "--world",
        "bench",
        "--test-controls",
        "--no-build",
        "--port",
        "0",
        "--host",
        "0.0.0.0",
      ],
      {},
      { ambient: true },
    );
    expect(options).toMatchObject({
      seed: 7,
      speed: 20,
      ambient: false,
      failureRate: 0,
      provisioners: 3,
      latencyMs: 400,
      errorRate: 0.1,
      dropStreamsAfterMs: 3000,
      stateFile: "/tmp/s.json",
      world: "bench",
      testControls: true,
      port: 0,
      host: "0.0.0.0",
    });
    expect(noBuild).toBe(true);
  });

  it("reads every flag from the environment; flags win over env", () => {
    const env = {
      PORT: "4100",
      HOST: "::1",
      SIM_SEED: "3",
      SIM_SPEED: "5",
      SIM_AMBIENT: "on",
      SIM_FAILURE_RATE: "0.5",
      SIM_PROVISIONERS: "4",
      FAULT_LATENCY_MS: "10",
      FAULT_ERROR_RATE: "0.2",
      FAULT_DROP_STREAMS_AFTER_MS: "100",
      SIM_STATE_FILE: "state.json",
      SIM_WORLD: "bench",
      CODER_URL: "https://coder.example.com",
      CODER_SESSION_TOKEN: "abc-def",
    };
    expect(parseFlags([], env).options).toMatchObject({
      port: 4100,
      host: "::1",
      seed: 3,
      speed: 5,
      ambient: true,
      failureRate: 0.5,
      provisioners: 4,
      latencyMs: 10,
      errorRate: 0.2,
      dropStreamsAfterMs: 100,
      stateFile: "state.json",
      world: "bench",
      coderUrl: "https://coder.example.com",
      coderSessionToken: "abc-def",
    });
    expect(parseFlags(["--seed", "9", "--no-ambient"], env).options).toMatchObject({ seed: 9, ambient: false });
  });

  it("a bare boolean is on; per-command defaults apply", () => {
    expect(parseFlags(["--ambient"], {}).options.ambient).toBe(true);
    expect(parseFlags([], {}, { ambient: true }).options.ambient).toBe(true);
    expect(parseFlags(["--test-controls", "--seed", "2"], {}).options).toMatchObject({ testControls: true, seed: 2 });
  });

  it("rejects unknown flags and bad values", () => {
    expect(() => parseFlags(["--sped", "2"], {})).toThrow(FlagError);
    expect(() => parseFlags(["--speed", "0"], {})).toThrow(/positive/);
    expect(() => parseFlags(["--failure-rate", "1.5"], {})).toThrow(/between 0 and 1/);
    expect(() => parseFlags(["--world", "huge"], {})).toThrow(/demo or bench/);
    expect(() => parseFlags(["--seed"], {})).toThrow(/needs a value/);
    expect(() => parseFlags([], { SIM_SEED: "x" })).toThrow(/SIM_SEED/);
    expect(() => parseFlags(["--port", "70000"], {})).toThrow(FlagError);
  });
});

describe("sign-in flags", () => {
  it("reads the OAuth2 client, session secret and built-in sign-in methods from flags and env", () => {
    const env = { OAUTH2_CLIENT_ID: "id-1", OAUTH2_CLIENT_SECRET: "s3cret", SESSION_SECRET: "shared" };
    expect(
      parseFlags(["--password-auth", "off", "--oauth2-token-ttl", "4", "--no-oauth2-provider"], env).options,
    ).toMatchObject({
      oauth2ClientId: "id-1",
      oauth2ClientSecret: "s3cret",
      sessionSecret: "shared",
      passwordAuth: false,
      oauth2Provider: false,
      oauth2TokenTtl: 4,
      oidcSignInText: null,
    });
    expect(parseFlags(["--oidc-sign-in-text", "Okta"], {}).options.oidcSignInText).toBe("Okta");
    expect(() => parseFlags(["--oauth2-token-ttl", "1"], {})).toThrow(/at least 2 seconds/);
  });

  it("refuses a shared token on a non-loopback address, and says why", () => {
    const env = { CODER_URL: "https://coder.example.com", CODER_SESSION_TOKEN: "abc-def" };
    expect(() => parseFlags(["--host", "0.0.0.0"], env)).toThrow(FlagError);
    expect(() => parseFlags([], { ...env, HOST: "10.0.0.5" })).toThrow(/Every visitor without a session of their own/);
    expect(() => parseFlags(["--host", "0.0.0.0"], env)).toThrow(/--allow-shared-token/);
  });

  it("allows it on loopback, without a token, or when explicitly allowed", () => {
    const env = { CODER_SESSION_TOKEN: "abc-def" };
    for (const host of ["127.0.0.1", "::1", "localhost"])
      expect(parseFlags(["--host", host], env).options.host).toBe(host);
    expect(parseFlags(["--host", "0.0.0.0"], {}).options.host).toBe("0.0.0.0");
    expect(parseFlags(["--host", "0.0.0.0", "--allow-shared-token"], env).options.allowSharedToken).toBe(true);
    expect(parseFlags([], { ...env, HOST: "0.0.0.0", ALLOW_SHARED_TOKEN: "on" }).options.allowSharedToken).toBe(true);
  });
});
