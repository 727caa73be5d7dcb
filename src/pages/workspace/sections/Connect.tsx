import { useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Check, Copy, ExternalLink, SquareTerminal } from "lucide-react";
import { createApiKey } from "../../../api/mutations";
import { appHostQuery, deploymentSSHQuery } from "../../../api/queries";
import type { Workspace, WorkspaceAgent } from "../../../api/types";
import { Button, buttonClasses } from "../../../components/Button";
import { cx } from "../../../components/cx";
import { portForwardHref, sshCommand, terminalHref, vscodeHref } from "../../../lib/workspace/connect";

export interface ConnectProps {
  workspace: Workspace;
  agent: WorkspaceAgent;
  /** The Coder deployment's origin (VS Code signs in there; the terminal lives there). */
  origin: string;
}

/** Hands an app link (`vscode://…`) to the operating system, as a click on a link would. */
function openExternal(href: string): void {
  const a = document.createElement("a");
  a.href = href;
  a.rel = "noreferrer";
  a.click();
}

/**
 * SSH, VS Code Desktop, the web terminal and port forwarding. They work only through a connected
 * agent, so otherwise they are shown disabled, with the reason.
 */
export function Connect({ workspace, agent, origin }: ConnectProps) {
  const ssh = useQuery(deploymentSSHQuery());
  const appHost = useQuery(appHostQuery());
  const [copied, setCopied] = useState(false);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [port, setPort] = useState("");
  const ref = { owner: workspace.owner_name, workspace: workspace.name, agent: agent.name };
  const connected = agent.status === "connected";
  const reasonId = useId();
  const off = connected ? {} : { disabled: true, "aria-describedby": reasonId };
  const command = sshCommand(ssh.data, ref);
  const hasVSCode = agent.display_apps.length === 0 || agent.display_apps.includes("vscode");
  const portHref = portForwardHref(origin, appHost.data?.host ?? "", ref, Number(port));
  const reason =
    agent.status === "connecting"
      ? "The agent is still connecting."
      : agent.status === "timeout"
        ? "The agent did not connect in time."
        : "The agent is not connected; start the workspace to connect.";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setProblem("The browser refused the clipboard; select the command and copy it yourself.");
    }
  };

  const openVSCode = async () => {
    setOpening(true);
    setProblem(null);
    try {
      // A key is minted only now, for this click: it never sits in the page before.
      const token = await createApiKey();
      openExternal(vscodeHref({ ...ref, token, url: origin, folder: agent.expanded_directory || agent.directory }));
    } catch {
      setProblem("Couldn't create a key for VS Code. Try again.");
    } finally {
      setOpening(false);
    }
  };

  return (
    <div data-testid="connect">
      <h4 className="mb-1.5 text-xs font-medium uppercase tracking-wide text-muted">Connect</h4>
      <div className="flex flex-col gap-2">
        {!connected && (
          <p id={reasonId} data-testid="connect-unavailable" className="text-sm text-muted">
            {reason}
          </p>
        )}
        <div className="flex min-w-0 items-center gap-2">
          <code
            data-testid="ssh-command"
            className={cx(
              "min-w-0 flex-1 truncate rounded-md border border-border bg-page px-2 py-1 font-mono text-xs text-text",
              !connected && "opacity-60",
            )}
            title={command}
          >
            {command}
          </code>
          <Button size="sm" onClick={() => void copy()} aria-label="Copy SSH command" {...off}>
            {copied ? <Check aria-hidden className="size-3.5" /> : <Copy aria-hidden className="size-3.5" />}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
        {connected && (
          <p className="text-xs text-muted">
            Run <code className="font-mono">coder config-ssh</code> once on your computer so <code>ssh</code> knows
            these hosts.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {hasVSCode && (
            <Button size="sm" variant="primary" onClick={() => void openVSCode()} loading={opening} {...off}>
              VS Code Desktop
            </Button>
          )}
          {connected ? (
            <a
              href={terminalHref(origin, ref)}
              target="_blank"
              rel="noreferrer noopener"
              className={buttonClasses({ size: "sm" })}
            >
              <SquareTerminal aria-hidden className="size-3.5" />
              Terminal
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            <Button size="sm" {...off}>
              <SquareTerminal aria-hidden className="size-3.5" />
              Terminal
            </Button>
          )}
          {connected && (
            <span className="inline-flex items-center gap-1">
              <label htmlFor={`port-${agent.id}`} className="text-xs text-muted">
                Port
              </label>
              <input
                id={`port-${agent.id}`}
                inputMode="numeric"
                value={port}
                onChange={(e) => setPort(e.target.value.replace(/\D/g, "").slice(0, 5))}
                placeholder="8080"
                disabled={!appHost.data?.host}
                className="h-7 w-16 rounded-md border border-border bg-page px-1.5 text-xs text-text disabled:opacity-60"
              />
              {portHref ? (
                <a href={portHref} target="_blank" rel="noreferrer noopener" className={buttonClasses({ size: "sm" })}>
                  Open
                  <ExternalLink aria-hidden className="size-3" />
                  <span className="sr-only"> port {port} (opens in a new tab)</span>
                </a>
              ) : null}
            </span>
          )}
        </div>
        {connected && appHost.data && !appHost.data.host && (
          <p className="text-xs text-muted">
            Port forwarding in the browser needs a wildcard app host, which this deployment does not have; use{" "}
            <code className="font-mono">coder port-forward</code>.
          </p>
        )}
        {problem && (
          <p role="alert" className="text-xs text-failure">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}
