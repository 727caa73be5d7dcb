import type { WorkspaceAgent, WorkspaceBuild } from "../../api/types";

/** Every agent of a build, across its resources. Small and apart so the app shell need not load the timings model. */
export function agentsOf(build: WorkspaceBuild): WorkspaceAgent[] {
  return (build.resources ?? []).flatMap((r) => r.agents ?? []);
}
