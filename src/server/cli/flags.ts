import { DEFAULT_OPTIONS, type ServerOptions } from "../main";

export interface CliOptions {
  options: ServerOptions;
  /** `--no-build`: serve dist/ as it is. */
  noBuild: boolean;
  help: boolean;
}

type Kind = "int" | "number" | "bool" | "string" | "world" | "rate" | "logFormat";

interface FlagSpec {
  flag: string;
  env?: string;
  key: keyof ServerOptions | "noBuild" | "help";
  kind: Kind;
  help: string;
}

const flag = (name: string, env: string | undefined, key: FlagSpec["key"], kind: Kind, help: string): FlagSpec => ({
  flag: name,
  env,
  key,
  kind,
  help,
});

/** Every flag (README, "Flags") with its environment variable. */
// prettier-ignore
export const FLAGS: FlagSpec[] = [
  flag("--port",                     "PORT",                         "port",                    "int",      "listen port (0 = random)"),
  flag("--host",                     "HOST",                         "host",                    "string",   "bind address"),
  flag("--seed",                     "SIM_SEED",                     "seed",                    "int",      "deterministic world; same seed → same names and ids"),
  flag("--speed",                    "SIM_SPEED",                    "speed",                   "number",   "durations divided by it"),
  flag("--ambient",                  "SIM_AMBIENT",                  "ambient",                 "bool",     "background builds (on|off)"),
  flag("--failure-rate",             "SIM_FAILURE_RATE",             "failureRate",             "rate",     "fraction of builds that fail"),
  flag("--provisioners",             "SIM_PROVISIONERS",             "provisioners",            "int",      "concurrent jobs"),
  flag("--latency-ms",               "FAULT_LATENCY_MS",             "latencyMs",               "int",      "added to every /api/v2 answer"),
  flag("--error-rate",               "FAULT_ERROR_RATE",             "errorRate",               "rate",     "fraction of non-stream requests answered 500"),
  flag("--drop-streams-after-ms",    "FAULT_DROP_STREAMS_AFTER_MS",  "dropStreamsAfterMs",      "int",      "kill every stream after N ms"),
  flag("--refuse-websockets",        "SIM_REFUSE_WEBSOCKETS",        "refuseWebsockets",        "bool",     "answer WebSocket upgrades with 502 (a proxy without WebSockets)"),
  flag("--state-file",               "SIM_STATE_FILE",               "stateFile",               "string",   "persist world + sessions here"),
  flag("--world",                    "SIM_WORLD",                    "world",                   "world",    "demo | bench | xss"),
  flag("--test-controls",            "SIM_TEST_CONTROLS",            "testControls",            "bool",     "enable POST /__sim/next-outcome and /__sim/hold"),
  flag("--provisionerjobs-endpoint", "SIM_PROVISIONERJOBS_ENDPOINT", "provisionerJobsEndpoint", "bool",     "serve GET /organizations/{org}/provisionerjobs (off: like an older Coder)"),
  flag("--coder-url",                "CODER_URL",                    "coderUrl",                "string",   "proxy /api/v2 to this Coder deployment"),
  flag("--coder-session-token",      "CODER_SESSION_TOKEN",          "coderSessionToken",       "string",   "token injected by the proxy"),
  flag("--trust-proxy",              "TRUST_PROXY",                  "trustProxy",              "bool",     "honour X-Forwarded-Proto/Host/For (behind a TLS proxy)"),
  flag("--access-log",               "ACCESS_LOG",                   "accessLog",               "bool",     "one line per request (on|off)"),
  flag("--log-format",               "LOG_FORMAT",                   "logFormat",               "logFormat", "text | json"),
  // Sign-in: single sign-on through Coder's OAuth2 provider, the built-in deployment's methods, shared tokens.
  flag("--oauth2-client-id",         "OAUTH2_CLIENT_ID",             "oauth2ClientId",          "string",   "this dashboard's OAuth2 app on Coder"),
  flag("--oauth2-client-secret",     "OAUTH2_CLIENT_SECRET",         "oauth2ClientSecret",      "string",   "its secret (prefer the env variable)"),
  flag("--session-secret",           "SESSION_SECRET",               "sessionSecret",           "string",   "seals sign-in cookies; same on every replica"),
  flag("--allow-shared-token",       "ALLOW_SHARED_TOKEN",           "allowSharedToken",        "bool",     "serve CODER_SESSION_TOKEN beyond loopback"),
  flag("--password-auth",            "SIM_PASSWORD_AUTH",            "passwordAuth",            "bool",     "built-in: email + password sign-in (on|off)"),
  flag("--oidc-sign-in-text",        "SIM_OIDC_SIGN_IN_TEXT",        "oidcSignInText",          "string",   "built-in: OIDC button text (enables OIDC)"),
  flag("--oauth2-provider",          "SIM_OAUTH2_PROVIDER",          "oauth2Provider",          "bool",     "built-in: serve Coder's OAuth2 provider"),
  flag("--oauth2-token-ttl",         "SIM_OAUTH2_TOKEN_TTL",         "oauth2TokenTtl",          "int",      "built-in: OAuth2 access token lifetime, s"),
  flag("--no-build",                 undefined,                      "noBuild",                 "bool",     "do not build dist/ when stale"),
  flag("--help",                     undefined,                      "help",                    "bool",     "show this help"),
];

export class FlagError extends Error {}

function parseValue(spec: FlagSpec, raw: string, source: string): unknown {
  const fail = (what: string) => new FlagError(`${source}: ${what}, got ${JSON.stringify(raw)}`);
  switch (spec.kind) {
    case "bool": {
      const v = raw.toLowerCase();
      if (["on", "true", "1", "yes", ""].includes(v)) return true;
      if (["off", "false", "0", "no"].includes(v)) return false;
      throw fail("expected on|off");
    }
    case "int": {
      if (spec.key === "dropStreamsAfterMs" && ["off", ""].includes(raw.toLowerCase())) return null;
      if (!/^\d+$/.test(raw)) throw fail("expected a non-negative integer");
      if (spec.key === "oauth2TokenTtl" && Number(raw) < 2) throw fail("expected at least 2 seconds");
      const n = Number(raw);
      if (spec.key === "port" && n > 65535) throw fail("expected a port number");
      return n;
    }
    case "number": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n) || n <= 0) throw fail("expected a positive number");
      return n;
    }
    case "rate": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1) throw fail("expected a number between 0 and 1");
      return n;
    }
    case "world":
      if (raw !== "demo" && raw !== "bench" && raw !== "xss")
        throw fail("expected demo or bench (xss: hostile strings, for tests)");
      return raw;
    case "logFormat":
      if (raw !== "text" && raw !== "json") throw fail("expected text or json");
      return raw;
    case "string":
      return raw === "" ? null : raw;
  }
}

/**
 * Flags win over environment variables, which win over defaults. `--flag value`,
 * `--flag=value`, a bare boolean `--flag` and `--no-flag` are accepted.
 */
export function parseFlags(
  argv: string[],
  env: Record<string, string | undefined>,
  defaults: Partial<ServerOptions> = {},
): CliOptions {
  const values: Record<string, unknown> = { ...DEFAULT_OPTIONS, ...defaults, noBuild: false, help: false };
  for (const spec of FLAGS) {
    const raw = spec.env ? env[spec.env] : undefined;
    if (raw !== undefined && raw !== "") values[spec.key] = parseValue(spec, raw, spec.env!);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const eq = arg.indexOf("=");
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    let spec = FLAGS.find((f) => f.flag === name);
    let inline: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined;
    if (!spec && name.startsWith("--no-")) {
      spec = FLAGS.find((f) => f.flag === `--${name.slice(5)}` && f.kind === "bool");
      if (spec) inline = "off";
    }
    if (!spec) throw new FlagError(`unknown flag ${arg} (see --help)`);
    if (inline === undefined) {
      const next = argv[i + 1];
      if (spec.kind === "bool") {
        if (next !== undefined && /^(on|off|true|false|yes|no|0|1)$/i.test(next)) {
          inline = next;
          i++;
        } else inline = "on";
      } else {
        if (next === undefined) throw new FlagError(`${spec.flag} needs a value`);
        inline = next;
        i++;
      }
    }
    values[spec.key] = parseValue(spec, inline, spec.flag);
  }
  const { noBuild, help, ...options } = values;
  const cli = { options: options as unknown as ServerOptions, noBuild: noBuild as boolean, help: help as boolean };
  checkSharedToken(cli.options);
  return cli;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;

/** Reachable only from this machine. */
export const isLoopback = (host: string): boolean => LOOPBACK.test(host);

/**
 * `CODER_SESSION_TOKEN` is sent for every request that has no session of its own: on an address
 * other people can reach, anyone who opens the dashboard acts as that token's owner.
 */
export function checkSharedToken(o: Pick<ServerOptions, "coderSessionToken" | "host" | "allowSharedToken">): void {
  if (!o.coderSessionToken || o.allowSharedToken || isLoopback(o.host)) return;
  throw new FlagError(
    `refusing to start: CODER_SESSION_TOKEN is set and HOST is ${o.host}. Every visitor without a session of their own would act as that token's owner. ` +
      "Bind to 127.0.0.1, let people sign in with their own accounts (unset the token), or pass --allow-shared-token if everyone who can reach this address may use it.",
  );
}

export function helpText(command: string): string {
  const rows = FLAGS.map((f) => `  ${f.flag.padEnd(26)} ${(f.env ?? "").padEnd(28)} ${f.help}`);
  return `Usage: ${command} [-- flags]\n\n  flag                       env                          meaning\n${rows.join("\n")}\n`;
}
