// The overview's per-workspace build cache: every cached build by workspace and by job, filled
// from the workspace list, the job list, or a workspace's builds.
import { isApiError, isGone } from "../../../api/client";
import type { ProvisionerJob, Workspace, WorkspaceBuild } from "../../../api/types";
import { applyLatest, mergeAfter, refreshCursor } from "../model/history";
import { jobBuildRow, jobsByWorkspace, numberJobs } from "../model/jobHistory";
import {
  byNewest,
  overviewWorkspace,
  toOverviewBuild,
  type OverviewBuild,
  type OverviewWorkspace,
} from "../model/rows";
import type { OverviewApi } from "./overviewApi";

export interface Entry {
  ws: OverviewWorkspace;
  /** Newest first. */
  builds: OverviewBuild[];
  /** The window's history has been fetched (else only the latest build from the list is known). */
  loaded: boolean;
  failed: boolean;
}

export class BuildCache {
  readonly entries = new Map<string, Entry>();
  readonly jobIndex = new Map<string, OverviewBuild>();
  /** Workspaces with a fetch in flight. */
  readonly inFlight = new Set<string>();
  /** Owner id → name, from the list: builds read from jobs name their initiator by id only. */
  readonly userNames = new Map<string, string>();
  private sorted: OverviewBuild[] = [];
  private dirty = true;

  constructor(private readonly api: Pick<OverviewApi, "builds" | "workspace">) {}

  /** Every cached build, newest first (sorted again only after a change). */
  all(): OverviewBuild[] {
    if (this.dirty) {
      const all: OverviewBuild[] = [];
      for (const e of this.entries.values()) all.push(...e.builds);
      this.sorted = all.sort(byNewest);
      this.dirty = false;
    }
    return this.sorted;
  }

  /** Folds the list into the cache; returns the workspaces whose builds need a request. */
  applyList(workspaces: readonly Workspace[], listedOnce: boolean): string[] {
    const refetch: string[] = [];
    for (const w of workspaces) {
      this.userNames.set(w.owner_id, w.owner_name);
      const ws = overviewWorkspace(w);
      const latest = toOverviewBuild(w.latest_build, ws);
      const entry = this.entries.get(w.id);
      if (!entry) {
        // A workspace on its first build has no history beyond it.
        const loaded = w.latest_build.build_number === 1;
        this.entries.set(w.id, { ws, builds: [], loaded, failed: false });
        this.setBuilds(this.entries.get(w.id)!, [latest]);
        // The first load fetches histories itself; a workspace found later gets its own request.
        if (!loaded && listedOnce) refetch.push(w.id);
        continue;
      }
      if (!sameWorkspace(entry.ws, ws)) {
        entry.ws = ws;
        this.setBuilds(
          entry,
          entry.builds.map((b) => ({ ...b, workspace: ws })),
        );
      }
      if (this.inFlight.has(w.id)) continue;
      const next = applyLatest(entry.builds, toOverviewBuild(w.latest_build, entry.ws));
      if (next === "refetch") refetch.push(w.id);
      else this.setBuilds(entry, next);
    }
    return refetch;
  }

  /** One fetch per workspace at a time; a second ask while one runs is dropped (the next poll re-checks). */
  async exclusive(id: string, task: () => Promise<void>): Promise<void> {
    if (this.inFlight.has(id)) return;
    this.inFlight.add(id);
    try {
      await task();
    } finally {
      this.inFlight.delete(id);
    }
  }

  async fetchWindow(id: string, windowStart: number): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    try {
      const builds = await this.api.builds(id, { since: new Date(windowStart).toISOString() });
      this.setBuilds(
        entry,
        builds.map((b) => toOverviewBuild(b, entry.ws)).sort((a, b) => b.build_number - a.build_number),
      );
      entry.loaded = true;
      entry.failed = false;
    } catch (error) {
      // A workspace deleted meanwhile keeps what is known; anything else is retried by later polls.
      if (isGone(error)) entry.loaded = true;
      else entry.failed = true;
    }
  }

  /** Re-reads what may have changed in one workspace: the builds after the newest settled one. */
  async refreshWorkspace(id: string, windowStart: number): Promise<void> {
    let entry = this.entries.get(id);
    if (!entry) {
      let w: Workspace;
      try {
        w = await this.api.workspace(id);
      } catch (error) {
        if (isGone(error)) return;
        throw error;
      }
      const ws = overviewWorkspace(w);
      entry = { ws, builds: [], loaded: false, failed: false };
      this.entries.set(id, entry);
      this.setBuilds(entry, [toOverviewBuild(w.latest_build, ws)]);
    }
    const cursorNumber = entry.loaded ? refreshCursor(entry.builds) : undefined;
    const cursor = cursorNumber === undefined ? undefined : entry.builds.find((b) => b.build_number === cursorNumber);
    if (!cursor) return this.fetchWindow(id, windowStart);
    let fresh: WorkspaceBuild[];
    try {
      fresh = await this.api.builds(id, { after_id: cursor.id });
    } catch (error) {
      // 400: the server does not know the cursor (or `after_id`); the window is always safe.
      if (isApiError(error) && error.status === 400) return this.fetchWindow(id, windowStart);
      if (isGone(error)) return;
      throw error;
    }
    const ws = entry.ws;
    this.setBuilds(
      entry,
      mergeAfter(
        entry.builds,
        cursor.build_number,
        fresh.map((b) => toOverviewBuild(b, ws)),
      ),
    );
  }

  setBuilds(entry: Entry, builds: OverviewBuild[]): void {
    for (const b of entry.builds) if (this.jobIndex.get(b.job.id) === b) this.jobIndex.delete(b.job.id);
    for (const b of builds) this.jobIndex.set(b.job.id, b);
    entry.builds = builds;
    this.dirty = true;
  }

  /**
   * Fills each listed workspace's window from the job list. Returns the workspaces it could not
   * (their latest build's job is missing: created after the list, or the list and jobs disagree).
   */
  applyJobHistory(jobs: readonly ProvisionerJob[], entries: readonly Entry[], windowStart: number): Entry[] {
    const groups = jobsByWorkspace(jobs, windowStart);
    const unanchored: Entry[] = [];
    for (const entry of entries) {
      const latest = entry.builds[0];
      const list = groups.get(entry.ws.id);
      if (!latest || !list) {
        entry.loaded = true;
        continue;
      }
      const numbered = numberJobs(list, { build_number: latest.build_number, jobId: latest.job.id });
      if (!numbered) {
        unanchored.push(entry);
        continue;
      }
      this.setBuilds(
        entry,
        numbered.map(({ job, number }) =>
          job.id === latest.job.id
            ? latest
            : jobBuildRow(job, entry.ws, number, this.userNames.get(job.initiator_id ?? "") ?? ""),
        ),
      );
      entry.loaded = true;
    }
    return unanchored;
  }
}

function sameWorkspace(a: OverviewWorkspace, b: OverviewWorkspace): boolean {
  return (
    a.name === b.name &&
    a.owner_name === b.owner_name &&
    a.template_name === b.template_name &&
    a.template_display_name === b.template_display_name &&
    a.organization_id === b.organization_id
  );
}
