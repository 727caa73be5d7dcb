// How each timing stage is shown, the same everywhere (the Gantt, its legend, the workspace page's
// mini timings, the build history's stage bars): one colour and one name per stage hue. The colours
// are the theme's --color-stage-* variables (src/index.css), which the Gantt's canvas reads as well.
import type { StageHue } from "../lib/timings";

// Literal class names so Tailwind keeps them (it scans source text, not computed strings).
export const STAGE_HUE_CLASS: Record<StageHue, string> = {
  init: "bg-stage-init",
  plan: "bg-stage-plan",
  graph: "bg-stage-graph",
  apply: "bg-stage-apply",
  connect: "bg-stage-connect",
  script: "bg-stage-script",
  other: "bg-neutral",
};

export const STAGE_HUE_LABEL: Record<StageHue, string> = {
  init: "Init",
  plan: "Plan",
  graph: "Graph",
  apply: "Apply",
  connect: "Connect",
  script: "Scripts",
  other: "Other",
};
