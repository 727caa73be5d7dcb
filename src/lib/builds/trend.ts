// The duration trend: one point per build, oldest first, so "did builds get slower after the
// template change?" can be read off a chart. Percentiles use succeeded builds only: a failed or
// canceled build stops early and would drag the lines down.
import type { WorkspaceBuild } from "../../api/types";
import { statusInfo, type StatusMeaning } from "../status";
import { p50p95, type Percentiles } from "./percentiles";
import { isActiveJob } from "../../api/jobStatus";
import { buildDuration } from "./times";

export interface TrendPoint {
  id: string;
  number: number;
  /** Provisioner run time in ms; undefined for a build that never ran (canceled while queued). */
  duration: number | undefined;
  status: string;
  meaning: StatusMeaning;
  failed: boolean;
  running: boolean;
  transition: string;
  versionId: string;
  versionName: string;
}

export interface VersionChange {
  /** First build on the new version. */
  number: number;
  versionName: string;
}

export interface Trend {
  points: TrendPoint[];
  changes: VersionChange[];
  stats: Percentiles;
}

export function trendOf(builds: readonly WorkspaceBuild[], now: number = Date.now()): Trend {
  const points = builds
    .map((b) => ({
      id: b.id,
      number: b.build_number,
      duration: buildDuration(b, now),
      status: b.job.status,
      meaning: statusInfo("job", b.job.status).meaning,
      failed: b.job.status === "failed",
      running: isActiveJob(b.job.status),
      transition: b.transition,
      versionId: b.template_version_id,
      versionName: b.template_version_name,
    }))
    .sort((a, b) => a.number - b.number);
  return { points, changes: versionChanges(points), stats: p50p95(succeededDurations(points)) };
}

function succeededDurations(points: readonly TrendPoint[]): number[] {
  return points.filter((p) => p.status === "succeeded" && p.duration !== undefined).map((p) => p.duration as number);
}

/** Builds where the template version differs from the build before (in build-number order). */
export function versionChanges(
  points: readonly Pick<TrendPoint, "number" | "versionId" | "versionName">[],
): VersionChange[] {
  const changes: VersionChange[] = [];
  for (let i = 1; i < points.length; i++) {
    if (points[i].versionId !== points[i - 1].versionId)
      changes.push({ number: points[i].number, versionName: points[i].versionName });
  }
  return changes;
}
