// How to reach a workspace agent from outside the browser: the SSH command, the VS Code Desktop
// link, the web terminal and forwarded ports. Mirrors what Coder's own dashboard builds.
import type { SSHConfigResponse } from "../../api/types";
import { wildcardUrl } from "./apps";

export interface AgentRef {
  owner: string;
  workspace: string;
  agent: string;
}

/**
 * `ssh main.dev.alice.coder` with a hostname suffix (what `coder config-ssh` writes today), else
 * the older prefix form `ssh coder.dev.main`; without either, the CLI's own `coder ssh`.
 */
export function sshCommand(
  config: Pick<SSHConfigResponse, "hostname_prefix" | "hostname_suffix"> | undefined,
  ref: AgentRef,
): string {
  if (config?.hostname_suffix) return `ssh ${ref.agent}.${ref.workspace}.${ref.owner}.${config.hostname_suffix}`;
  if (config?.hostname_prefix) return `ssh ${config.hostname_prefix}${ref.workspace}.${ref.agent}`;
  return `coder ssh ${ref.owner}/${ref.workspace}.${ref.agent}`;
}

/** The Coder Remote extension's link; `url` is the deployment the extension signs in to. */
export function vscodeHref(ref: AgentRef & { token: string; url: string; folder?: string }): string {
  const query = new URLSearchParams({
    owner: ref.owner,
    workspace: ref.workspace,
    url: ref.url,
    token: ref.token,
    openRecent: "true",
    agent: ref.agent,
  });
  if (ref.folder) query.set("folder", ref.folder);
  return `vscode://coder.coder-remote/open?${query}`;
}

/** The deployment's web terminal for the agent. */
export function terminalHref(origin: string, ref: AgentRef): string {
  const path = `/@${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.workspace)}.${encodeURIComponent(ref.agent)}/terminal`;
  return new URL(path, origin).href;
}

/**
 * A forwarded port through the wildcard app host (`8080--main--dev--alice.apps.example.com`),
 * or undefined when the deployment has no wildcard host or the port is not one.
 */
export function portForwardHref(origin: string, appHost: string, ref: AgentRef, port: number): string | undefined {
  if (!appHost || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  const label = `${port}--${ref.agent}--${ref.workspace}--${ref.owner}`;
  return wildcardUrl(new URL(origin).protocol, appHost, label);
}
