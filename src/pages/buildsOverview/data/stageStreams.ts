import type { ActiveBuild } from "../model/now";
import type { OverviewApi } from "./overviewApi";

/** Running builds whose log the page follows at once: each is a socket, and the browser has few. */
export const MAX_STAGE_STREAMS = 6;

/** The latest log stage of the longest-running builds, followed live; streams of builds that ended close. */
export class StageStreams {
  private readonly latest = new Map<string, string>();
  private readonly streams = new Map<string, () => void>();

  constructor(
    private readonly api: Pick<OverviewApi, "followStage">,
    private readonly onChange: () => void,
  ) {}

  sync(active: readonly ActiveBuild[]): void {
    const wanted = new Map<string, string>();
    for (const a of active
      .filter((x) => x.status === "running" && x.buildId)
      .sort((x, y) => (x.startedAt ?? x.createdAt).localeCompare(y.startedAt ?? y.createdAt))
      .slice(0, MAX_STAGE_STREAMS))
      wanted.set(a.jobId, a.buildId!);
    for (const [jobId, stop] of this.streams) {
      if (wanted.has(jobId)) continue;
      stop();
      this.streams.delete(jobId);
      this.latest.delete(jobId);
    }
    for (const [jobId, buildId] of wanted) {
      if (this.streams.has(jobId)) continue;
      this.streams.set(
        jobId,
        this.api.followStage(buildId, (stage) => {
          if (this.latest.get(jobId) === stage) return;
          this.latest.set(jobId, stage);
          this.onChange();
        }),
      );
    }
  }

  stopAll(): void {
    for (const stop of this.streams.values()) stop();
    this.streams.clear();
  }

  /** Latest stage by job id (a copy: snapshots must not change under a render). */
  stages(): Map<string, string> {
    return new Map(this.latest);
  }
}
