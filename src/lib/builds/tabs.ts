// The build page's tabs (`?tab=`, docs/conventions.md); who gets the State tab is lib/permissions' canUpdateTemplates.

export const BUILD_TABS = ["logs", "agent-logs", "timings", "resources", "parameters", "state"] as const;
export type BuildTab = (typeof BUILD_TABS)[number];

export const TAB_LABELS: Record<BuildTab, string> = {
  logs: "Logs",
  "agent-logs": "Agent logs",
  timings: "Timings",
  resources: "Resources",
  parameters: "Parameters",
  state: "State",
};

/** `?tab=` value → tab; absent or unknown → Logs. */
export function parseBuildTab(value: string | null | undefined): BuildTab {
  return (BUILD_TABS as readonly string[]).includes(value ?? "") ? (value as BuildTab) : "logs";
}

/** Tabs offered to this user (a direct `?tab=state` is still handled, with the server's 404). */
export function visibleTabs(canReadState: boolean): BuildTab[] {
  return BUILD_TABS.filter((t) => t !== "state" || canReadState);
}

/** Build numbers of the neighbours: previous exists above #1, next up to the workspace's latest. */
export function neighbours(
  number: number,
  latest: number | undefined,
): { previous: number | undefined; next: number | undefined } {
  return {
    previous: number > 1 ? number - 1 : undefined,
    next: latest !== undefined && number < latest ? number + 1 : undefined,
  };
}
