import type { ServerOptions, RunningServer } from "../main";
import { FlagError, helpText, isLoopback, parseFlags, type CliOptions } from "./flags";

export function parseOrExit(command: string, defaults: Partial<ServerOptions>): CliOptions {
  try {
    const cli = parseFlags(process.argv.slice(2), process.env, defaults);
    if (cli.help) {
      process.stdout.write(helpText(command));
      process.exit(0);
    }
    return cli;
  } catch (err) {
    if (err instanceof FlagError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** An orchestrator's stop signal is followed by SIGKILL (Kubernetes: 30 s by default); stay well inside it. */
const SHUTDOWN_GRACE_MS = 8000;
const SHUTDOWN_DEADLINE_MS = 10_000;

/** Prints where to go and who to sign in as; closes cleanly (state saved) on SIGINT/SIGTERM. */
export function announce(server: RunningServer, opts: ServerOptions, what: string): void {
  const lines = [`${what} listening on ${server.url}`];
  if (opts.coderUrl) lines.push(`  proxying /api/v2 to ${opts.coderUrl}`);
  else {
    lines.push(
      `  built-in Coder API (world ${opts.world}, seed ${opts.seed}, speed ${opts.speed}x, ambient ${opts.ambient ? "on" : "off"})`,
      "  demo logins (password coder-demo-1):",
      "    admin@example.com  (owner)",
      "    alice@example.com  (member)",
      "    bob@example.com    (member)",
    );
  }
  if (!opts.sessionSecret && !isLoopback(opts.host))
    lines.push(
      "  SESSION_SECRET is not set: sign-in cookies are sealed with this process's own random key, which no other replica (nor this one after a restart) can open. Give every replica the same SESSION_SECRET.",
    );
  process.stdout.write(lines.join("\n") + "\n");
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down (streams end with 1001, up to ${SHUTDOWN_GRACE_MS / 1000} s)\n`);
    void server.close({ graceMs: SHUTDOWN_GRACE_MS }).then(() => process.exit(0));
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
