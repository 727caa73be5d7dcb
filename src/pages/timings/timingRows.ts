import type { WorkspaceBuildTimings } from "../../api/types";

export interface TimingRow {
  key: string;
  stage: string;
  name: string;
  detail: string;
  startedAt: string;
  endedAt: string;
  /** Script status, when the row is an agent script. */
  status?: string;
}

/** All three timing arrays as one list of rows in start order (the full Gantt replaces this). */
export function timingRows(timings: WorkspaceBuildTimings): TimingRow[] {
  const rows: TimingRow[] = [
    ...timings.provisioner_timings.map((t, i) => ({
      key: `p${i}`,
      stage: t.stage,
      name: t.resource,
      detail: `${t.action} · ${t.source}`,
      startedAt: t.started_at,
      endedAt: t.ended_at,
    })),
    ...(timings.agent_connection_timings ?? []).map((t, i) => ({
      key: `c${i}`,
      stage: t.stage,
      name: t.workspace_agent_name,
      detail: "agent connection",
      startedAt: t.started_at,
      endedAt: t.ended_at,
    })),
    ...(timings.agent_script_timings ?? []).map((t, i) => ({
      key: `s${i}`,
      stage: t.stage,
      name: t.display_name,
      detail: `${t.workspace_agent_name} · exit ${t.exit_code}`,
      startedAt: t.started_at,
      endedAt: t.ended_at,
      status: t.status,
    })),
  ];
  return rows.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}
