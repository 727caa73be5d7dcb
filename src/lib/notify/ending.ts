// How a build the user is waiting for ended, read from the workspace the watch sends. A start build
// is not over when its job succeeds: the agents still connect and run their start scripts, and the
// person waiting wants to hear once they can use the workspace (or why they cannot).
import type { Workspace } from "../../api/types";
import { errorGuidance } from "../buildErrors";
import { agentsOf } from "../workspace/agents";
import { agentReadiness, workspaceReadiness } from "../workspace/readiness";

export type EndingKind = "ready" | "script-failed" | "unhealthy" | "failed" | "canceled" | "stopped" | "deleted";

export interface Ending {
  kind: EndingKind;
  /** The build that ended (the failed build's page is where a click leads). */
  buildNumber: number;
  /** Short words on what went wrong, when there is more to say than the kind. */
  detail?: string;
}

/** The ending of the workspace's latest build, or undefined while it (or its agents) is still on its way. */
export function buildEnding(workspace: Workspace): Ending | undefined {
  const build = workspace.latest_build;
  const buildNumber = build.build_number;
  switch (build.status) {
    case "running": {
      const readiness = workspaceReadiness(workspace);
      if (readiness.ready) return { kind: "ready", buildNumber };
      const agents = agentsOf(build);
      if (agents.some((a) => !agentReadiness(a).settled)) return undefined;
      const scriptFailed = agents.some(
        (a) => a.lifecycle_state === "start_error" || a.lifecycle_state === "start_timeout",
      );
      return { kind: scriptFailed ? "script-failed" : "unhealthy", buildNumber, detail: readiness.label };
    }
    case "failed":
      return { kind: "failed", buildNumber, detail: errorGuidance(build.job)?.title };
    case "canceled":
      return { kind: "canceled", buildNumber };
    case "stopped":
      return { kind: "stopped", buildNumber };
    case "deleted":
      return { kind: "deleted", buildNumber };
    default:
      return undefined;
  }
}

export interface EndingMessage {
  title: string;
  body: string;
}

/** The notification's words: the workspace by name, then how it ended. */
export function endingMessage(workspace: Pick<Workspace, "name" | "owner_name">, ending: Ending): EndingMessage {
  const name = workspace.name;
  const where = `${workspace.owner_name}/${name} · build #${ending.buildNumber}`;
  switch (ending.kind) {
    case "ready":
      return { title: `${name} is ready`, body: `${where}: running, every agent ready.` };
    case "script-failed":
      return { title: `${name} is running, but a startup script failed`, body: `${where}: ${ending.detail}.` };
    case "unhealthy":
      return { title: `${name} is running, but not healthy`, body: `${where}: ${ending.detail}.` };
    case "failed":
      return { title: `${name} failed`, body: `${where}: ${ending.detail ?? "the build failed"}.` };
    case "canceled":
      return { title: `${name}: build canceled`, body: `${where} was canceled.` };
    case "stopped":
      return { title: `${name} is stopped`, body: `${where}: stopped.` };
    case "deleted":
      return { title: `${name} was deleted`, body: `${where}: deleted.` };
  }
}

/** Endings a click should open on the build's own page (its logs say why) rather than the workspace. */
export function opensBuild(ending: Ending): boolean {
  return ending.kind === "failed";
}
