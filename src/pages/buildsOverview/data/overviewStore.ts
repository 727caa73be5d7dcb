// The builds overview's data: every visible workspace's builds of the last 8 days, kept current.
// What React Query cannot do: merge thousands of builds from several sources into one cache and
// poll by diffing the job list. It lives in the query cache (useBuildsOverview): sign-out drops it.
// History: admins read it from the organization's job list (model/jobHistory); without it (members,
// older Coder) each workspace's builds are read, for the FALLBACK_HISTORY_LIMIT most recent only.
// Live: polling while visible, not watch streams (one stream per workspace; six connections per
// origin). Every POLL_MS one cheap question covers the deployment, and only what changed is read:
// - admins: jobs in flight + newest 10. A job the cache lacks or knows in another state, or one
//   that left the in-flight set, marks its workspace changed: re-read alone with `after_id`.
// - members, or no job list (404): the workspace list, whose `latest_build` updates the cache
//   directly in the common cases (see `applyLatest`).
// Running builds also follow their log stream (capped) to show the current stage.
import type { ProvisionerDaemon, ProvisionerJob, Workspace, WorkspacesResponse } from "../../../api/types";
import type { LiveState } from "../../../components/LiveIndicator";
import { Backoff } from "../../../api/retryPolicy";
import { mapLimited } from "../../../api/mapLimited";
import { historyTargets, HISTORY_WINDOW_MS, type JobChange, type JobChanges } from "../model/history";
import { activeFromBuilds, activeFromJobs, type ActiveBuild } from "../model/now";
import type { OverviewBuild } from "../model/rows";
import { BuildCache } from "./buildCache";
import { fetchJobHistory } from "./jobHistoryFetch";
import { JobPoll } from "./jobPoll";
import type { OverviewApi } from "./overviewApi";
import {
  DAEMONS_EVERY_MS,
  FALLBACK_HISTORY_LIMIT,
  HIDDEN_RESYNC_MS,
  HISTORY_IN_FLIGHT,
  LIST_LIMIT,
  PAGE_SIZE,
  POLL_MS,
  PUBLISH_EVERY_MS,
  PUBLISH_WHILE_LOADING_MS,
  REFRESH_IN_FLIGHT,
  RESYNC_MS,
  RETRIES_PER_POLL,
  SLOW_POLL_MS,
  type OverviewSnapshot,
  type OverviewStoreOptions,
} from "./overviewConfig";
import { StageStreams } from "./stageStreams";
import { listAfter } from "./workspaceList";

export class OverviewStore {
  private readonly cache: BuildCache;
  private readonly jobs: JobPoll;
  private daemons: ProvisionerDaemon[] | undefined;
  private daemonsAt = 0;
  private historySkipped = 0;
  private readonly user: OverviewStoreOptions["user"];
  private readonly stageStreams: StageStreams;
  private readonly organizationIds: readonly string[];
  private readonly now: () => number;
  private windowStart = 0;
  private lastListAt = 0;
  private workspaceCount = 0;
  private status: OverviewSnapshot["status"] = "loading";
  private error: unknown;
  private live: LiveState = "connecting";
  private listing = { done: 0, total: 0 };
  private history = { done: 0, total: 0 };
  private updatedAt = 0;
  private started = false;
  private attached = 0;
  /** Whether a page has attached yet (a preloaded store's first attach is not a return from a pause). */
  private shown = false;
  private visible = true;
  /** When polling last stopped (tab hidden or page left), to know whether a resync is due. */
  private pausedAt = 0;
  private forceResync = false;
  /** The first load has listed every workspace (later lists only discover new ones). */
  private listedOnce = false;
  /** A load is reading the list and the histories: polls meanwhile leave both to it. */
  private loading = false;
  /**
   * Workspaces a poll found changed while the load had yet to fill them, with the job states that
   * made them so (undefined: no state to check, e.g. a job left the in-flight set). Once the load
   * is done, each is re-read unless the load brought those states.
   */
  private readonly deferred = new Map<string, Map<string, string> | undefined>();
  private cycling = false;
  /** Failed polls back off (with jitter) so a struggling server is not asked every 1.5 s. */
  private readonly failures = new Backoff({ baseMs: POLL_MS, maxMs: 30_000 });
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private publishTimer: ReturnType<typeof setTimeout> | undefined;
  private lastPublish = 0;
  private readonly listeners = new Set<() => void>();
  private snapshot: OverviewSnapshot;

  constructor(
    private readonly api: OverviewApi,
    options: OverviewStoreOptions,
  ) {
    this.organizationIds = options.organizationIds;
    this.user = options.user;
    this.cache = new BuildCache(api);
    this.jobs = new JobPoll(api);
    if (this.user) this.cache.userNames.set(this.user.id, this.user.username);
    this.now = options.now ?? Date.now;
    this.stageStreams = new StageStreams(api, () => this.schedulePublish());
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OverviewSnapshot => this.snapshot;

  /** Starts the first load before the page shows the store; polling waits for `attach`. */
  preload(): void {
    if (this.started) return;
    this.started = true;
    void this.load();
  }

  /** The page is showing the store: load once, poll while attached. Returns the detach function. */
  attach(): () => void {
    this.attached++;
    const first = !this.shown;
    this.shown = true;
    if (!this.started) {
      this.preload();
    } else if (this.status === "ready" && first) {
      // Loaded (or loading) ahead of the page: poll and stream from now on, as the load would have.
      this.scheduleCycle(this.interval());
      this.syncStreams();
    } else if (this.status === "ready") {
      this.resumed();
    }
    return () => {
      this.attached--;
      if (this.attached === 0) this.pause();
    };
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!visible) {
      this.pause();
      return;
    }
    if (this.attached > 0 && this.status === "ready") this.resumed();
  }

  /** Back from a pause: poll at once, re-reading the list if the pause was long enough to miss jobs. */
  private resumed(): void {
    if (this.now() - this.pausedAt > HIDDEN_RESYNC_MS) this.forceResync = true;
    this.scheduleCycle(0);
  }

  retry(): void {
    if (this.status === "error") void this.load();
  }

  /** Polls at once (e.g. after a cancel), and re-reads the daemons with it. */
  refreshSoon(): void {
    this.daemonsAt = 0;
    if (this.status === "ready") this.scheduleCycle(0);
  }

  // ---- loading --------------------------------------------------------------------------

  /**
   * Lists the workspaces, rendering from the first page on (Now, and the latest builds so far),
   * then loads each workspace's window of history. Resolves once the histories are in.
   */
  async load(): Promise<void> {
    this.status = "loading";
    this.error = undefined;
    this.publishNow();
    this.windowStart = this.now() - HISTORY_WINDOW_MS;
    let first: WorkspacesResponse;
    // The job list answers the Now lists and, for the whole organization, the history: both start
    // beside the first page of the workspace list. An admin's history does not wait for the poll
    // (Coder serves them the job list; a 404 there means what it means on the poll).
    const polled = this.pollJobs().catch(() => undefined);
    const readHistory = () =>
      fetchJobHistory(this.api, this.organizations(), this.windowStart, this.now()).catch(() => undefined);
    const history = this.user?.admin
      ? readHistory()
      : polled.then(() => (this.jobs.available ? readHistory() : undefined));
    void polled.then(() => this.pollDaemons());
    try {
      first = await this.api.workspaces(0, PAGE_SIZE);
      await polled;
    } catch (error) {
      this.status = "error";
      this.error = error;
      this.publishNow();
      return;
    }
    this.loading = true;
    try {
      await this.fill(first, history);
    } finally {
      this.loading = false;
    }
    this.publishNow();
  }

  /** The load after the first page: the other pages and the histories, applied as they come. */
  private async fill(first: WorkspacesResponse, history: Promise<ProvisionerJob[] | undefined>): Promise<void> {
    this.workspaceCount = first.count;
    this.listing = { done: first.workspaces.length, total: Math.min(first.count, LIST_LIMIT) };
    // Until the history is in, the page must not read as complete (the list may finish first).
    this.history = { done: 0, total: this.listing.total };
    this.cache.applyList(first.workspaces, this.listedOnce);
    // The other pages are asked for before anything renders or streams: showing the first page
    // takes the main thread for a while, and the running builds' log streams would take the
    // browser's few connections first.
    const rest = listAfter(this.api, first, (page) => {
      this.cache.applyList(page, this.listedOnce);
      this.listing = { ...this.listing, done: this.listing.done + page.length };
      this.schedulePublish();
    });
    this.status = "ready";
    this.live = "live";
    this.updatedAt = this.now();
    this.publishNow();
    this.scheduleCycle(this.interval());
    this.syncStreams();
    try {
      await rest;
      this.lastListAt = this.now();
    } catch {
      // Some pages failed: go on with what was listed; the next poll re-reads the whole list.
      this.forceResync = true;
    }
    this.listing = { ...this.listing, done: this.listing.total };
    this.listedOnce = true;
    const jobs = await history;
    const pending = [...this.cache.entries.values()].filter((e) => !e.loaded);
    const unanchored = jobs ? this.cache.applyJobHistory(jobs, pending, this.windowStart) : pending;
    const targets = historyTargets(
      unanchored.map((e) => ({ id: e.ws.id, latest: e.builds[0] })),
      this.windowStart,
    );
    // The job list leaves few (if any) to read one by one; without it, the bound applies.
    const bounded = jobs ? targets : targets.slice(0, FALLBACK_HISTORY_LIMIT);
    this.historySkipped = targets.length - bounded.length;
    this.history = { done: 0, total: bounded.length };
    // Each publish re-aggregates every build: the load's caller publishes once nothing is left to read.
    if (bounded.length > 0) {
      this.publishNow();
      await this.loadHistories(bounded);
    }
  }

  /** The organization's daemons, offline ones included; admins only (members are not shown them). */
  private async pollDaemons(): Promise<void> {
    if (!this.user?.admin) return;
    this.daemonsAt = this.now();
    try {
      const lists = await Promise.all(this.organizations().map((org) => this.api.daemons(org)));
      this.daemons = lists.flat();
    } catch {
      // Kept as last read; the next change or DAEMONS_EVERY_MS asks again.
    }
    this.schedulePublish();
  }

  /** Every workspace the caller may see (up to LIST_LIMIT). */
  private async loadList(): Promise<Workspace[]> {
    const first = await this.api.workspaces(0, PAGE_SIZE);
    this.workspaceCount = first.count;
    const all = await listAfter(this.api, first);
    this.lastListAt = this.now();
    return all;
  }

  private async loadHistories(targets: readonly string[]): Promise<void> {
    await mapLimited(targets, HISTORY_IN_FLIGHT, async (id) => {
      if (!this.cache.entries.get(id)?.loaded)
        await this.cache.exclusive(id, () => this.cache.fetchWindow(id, this.windowStart));
      this.history = { ...this.history, done: this.history.done + 1 };
      this.schedulePublish();
    });
  }

  // ---- polling --------------------------------------------------------------------------

  private organizations(): string[] {
    const ids = new Set(this.organizationIds);
    for (const e of this.cache.entries.values()) ids.add(e.ws.organization_id);
    return [...ids];
  }

  /** Polls the job list (undefined when the server does not offer it to this user). */
  private async pollJobs(): Promise<JobChanges | undefined> {
    const answer = await this.jobs.poll(this.organizations(), this.windowStart, (jobId) => {
      const b = this.cache.jobIndex.get(jobId);
      return b && { status: b.job.status, workspaceId: b.workspace.id };
    });
    if (answer?.queueMoved) this.daemonsAt = 0;
    return answer?.changes;
  }

  private interval(): number {
    if (this.jobs.available !== false) return POLL_MS;
    return this.workspaceCount <= PAGE_SIZE ? POLL_MS : SLOW_POLL_MS;
  }

  private scheduleCycle(delay: number): void {
    clearTimeout(this.pollTimer);
    if (this.attached === 0 || !this.visible) return;
    this.pollTimer = setTimeout(() => void this.cycle(), delay);
  }

  private pause(): void {
    this.pausedAt = this.now();
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.stageStreams.stopAll();
  }

  /** One poll: find what changed, re-read only that, publish. */
  async cycle(): Promise<void> {
    if (this.cycling || this.status !== "ready") return;
    this.cycling = true;
    const started = this.now();
    try {
      const changed = new Set<string>();
      let triggers = new Map<string, JobChange>();
      let resync = this.forceResync;
      const jobChanges = await this.pollJobs();
      if (this.status === "ready" && started - this.daemonsAt >= DAEMONS_EVERY_MS) void this.pollDaemons();
      if (jobChanges) {
        jobChanges.workspaceIds.forEach((id) => changed.add(id));
        triggers = jobChanges.triggers;
        resync ||= jobChanges.unmapped;
        // The job list alone already tells Now what changed: show it before re-reading the builds.
        if (changed.size > 0) this.publishNow();
      }
      // Judged after the poll's answer: a load may have listed everything meanwhile.
      resync ||= this.now() - this.lastListAt > RESYNC_MS;
      if (!this.loading && (this.jobs.available !== true || resync)) {
        this.forceResync = false;
        this.cache.applyList(await this.loadList(), this.listedOnce).forEach((id) => changed.add(id));
      }
      let retries = 0;
      for (const [id, entry] of this.cache.entries) {
        if (entry.failed && !changed.has(id) && retries++ < RETRIES_PER_POLL) changed.add(id);
      }
      if (!this.loading) {
        for (const [id, states] of this.deferred) {
          const brought =
            states && [...states].every(([job, status]) => this.cache.jobIndex.get(job)?.job.status === status);
          if (!brought) changed.add(id);
        }
        this.deferred.clear();
      }
      // During the load a workspace it has yet to fill is left to it (the list or the job history
      // brings it, and a read now would be the whole window); re-read after, in case it changed later.
      const ids: string[] = [];
      for (const id of changed) {
        if (this.cache.inFlight.has(id)) continue;
        if (this.loading && !this.cache.entries.get(id)?.loaded) this.defer(id, triggers);
        else ids.push(id);
      }
      await mapLimited(ids, REFRESH_IN_FLIGHT, (id) =>
        this.cache.exclusive(id, () =>
          this.cache.refreshWorkspace(id, this.windowStart).finally(() => this.schedulePublish()),
        ),
      );
      // A job state a refresh could not bring into the cache (outside the window) is not asked for
      // again. Only for workspaces re-read now: one skipped (a fetch in flight) is asked next poll.
      const refreshed = new Set(ids);
      for (const [jobId, t] of triggers) {
        if (refreshed.has(t.workspaceId) && this.cache.jobIndex.get(jobId)?.job.status !== t.status)
          this.jobs.attempted.set(jobId, t.status);
      }
      this.live = "live";
      this.updatedAt = this.now();
      this.failures.reset();
    } catch {
      this.live = "reconnecting";
    } finally {
      this.cycling = false;
      this.publishNow();
      this.syncStreams();
      const wait = this.live === "reconnecting" ? Math.max(this.interval(), this.failures.next()) : this.interval();
      this.scheduleCycle(Math.max(0, wait - (this.now() - started)));
    }
  }

  private defer(id: string, triggers: ReadonlyMap<string, JobChange>): void {
    if (this.deferred.has(id) && this.deferred.get(id) === undefined) return;
    const states = new Map(this.deferred.get(id));
    for (const [job, t] of triggers) if (t.workspaceId === id) states.set(job, t.status);
    this.deferred.set(id, states.size > 0 ? states : undefined);
  }

  /** Follows the logs of the longest-running builds (capped) to show their stage. */
  private syncStreams(): void {
    if (this.attached === 0 || !this.visible) return;
    this.stageStreams.sync(this.currentActive());
  }

  // ---- snapshots ------------------------------------------------------------------------

  private currentActive(): ActiveBuild[] {
    if (this.jobs.available) {
      return activeFromJobs(this.jobs.active, {
        workspace: (id) => this.cache.entries.get(id)?.ws,
        buildOfJob: (jobId) => this.cache.jobIndex.get(jobId),
      });
    }
    const latest: OverviewBuild[] = [];
    for (const e of this.cache.entries.values()) if (e.builds[0]) latest.push(e.builds[0]);
    return activeFromBuilds(latest);
  }

  private makeSnapshot(): OverviewSnapshot {
    let historyFailed = 0;
    for (const e of this.cache.entries.values()) if (e.failed) historyFailed++;
    return {
      status: this.status,
      error: this.error,
      builds: this.cache.all(),
      active: this.currentActive(),
      queueSource: this.jobs.available ? "jobs" : "builds",
      jobsUnavailable: this.jobs.available === false,
      historySkipped: this.historySkipped,
      daemons: this.daemons,
      stages: this.stageStreams.stages(),
      listing: this.listing,
      history: this.history,
      workspaceCount: this.workspaceCount,
      historyFailed,
      live: this.live,
      updatedAt: this.updatedAt,
      windowStart: this.windowStart,
    };
  }

  private publishNow(): void {
    clearTimeout(this.publishTimer);
    this.publishTimer = undefined;
    this.lastPublish = this.now();
    this.snapshot = this.makeSnapshot();
    this.listeners.forEach((l) => l());
  }

  /** Coalesces bursts (a thousand history answers) into a few renders. */
  private schedulePublish(): void {
    if (this.publishTimer !== undefined) return;
    const loading = this.listing.done < this.listing.total || this.history.done < this.history.total;
    const every = loading ? PUBLISH_WHILE_LOADING_MS : PUBLISH_EVERY_MS;
    const wait = Math.max(0, this.lastPublish + every - this.now());
    this.publishTimer = setTimeout(() => this.publishNow(), wait);
  }
}
