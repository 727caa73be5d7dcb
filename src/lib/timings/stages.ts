import type { StageHue } from "./types";

export interface StageMeta {
  id: string;
  label: string;
  group: "provisioner" | "agent";
  hue: StageHue;
  /** One line for tooltips and the legend. */
  description: string;
  order: number;
}

const KNOWN: Record<string, Omit<StageMeta, "id" | "order">> = {
  init: { label: "Init", group: "provisioner", hue: "init", description: "Terraform init: providers and modules" },
  plan: {
    label: "Plan",
    group: "provisioner",
    hue: "plan",
    description: "Terraform plan: read data sources, refresh state",
  },
  graph: { label: "Graph", group: "provisioner", hue: "graph", description: "Terraform dependency graph" },
  apply: {
    label: "Apply",
    group: "provisioner",
    hue: "apply",
    description: "Terraform apply: create, update, delete resources",
  },
  connect: { label: "Connect", group: "agent", hue: "connect", description: "Agent connecting to the control plane" },
  start: { label: "Start scripts", group: "agent", hue: "script", description: "Agent scripts run on start" },
  stop: { label: "Stop scripts", group: "agent", hue: "script", description: "Agent scripts run on stop" },
  cron: { label: "Cron scripts", group: "agent", hue: "script", description: "Agent scripts run on a schedule" },
};

export const STAGE_ORDER = ["init", "plan", "graph", "apply", "connect", "start", "stop", "cron"] as const;
export type ProvisionerStageId = "init" | "plan" | "graph" | "apply";

/** Everything the UI shows about a stage; an unknown stage (the enum grows) keeps its own name. */
export function stageMeta(id: string): StageMeta {
  const known = KNOWN[id];
  const order = (STAGE_ORDER as readonly string[]).indexOf(id);
  if (known) return { id, order, ...known };
  return {
    id,
    label: id || "other",
    group: "agent",
    hue: "other",
    description: "Stage reported by the server",
    order: STAGE_ORDER.length,
  };
}

/**
 * The timing stage a human-readable provisioner log stage belongs to (docs/coder-api.md: logs say
 * "Planning infrastructure", timings say `plan`). Phases with no stage of their own
 * ("Parsing template parameters", "Cleaning Up") return undefined and stay with the stage
 * that was running when they appeared.
 */
export function timingStageOfLogStage(logStage: string): ProvisionerStageId | undefined {
  const s = logStage.toLowerCase();
  if (/\bset(ting)?\s*up\b|\binit/.test(s)) return "init";
  if (/\bplan/.test(s)) return "plan";
  if (/\bgraph/.test(s)) return "graph";
  if (/\b(start|stop|destroy|apply|delet)/.test(s)) return "apply";
  return undefined;
}
