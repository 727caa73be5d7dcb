import { Hono, type Context } from "hono";
import { JOB_STATUSES, type ValidationError } from "../../../api/types";
import { daemonCanTake } from "../../../lib/provisionerTags";
import type { JobRecord, OrganizationRecord } from "../../store/records";
import { daemonStatus, daemonView } from "../../store/provisionerViews";
import type { Store } from "../../store/store";
import { cancelTemplateVersion } from "../../store/templateJobs";
import { jobView } from "../../store/views";
import { HttpError } from "../../util/errors";
import { NotFound } from "../../store/errors";
import { requireAuth } from "../auth";
import type { ApiDeps } from "../deps";
import type { ApiEnv } from "../env";
import { isUuid, uuidParam } from "../params";
import { json } from "../respond";

const INT32_MAX = 2_147_483_647;
const DAEMON_STATUSES = ["offline", "idle", "busy"];

/** Coder's query-parameter parser for these lists: every problem is a validation, unknown keys too. */
class QueryParser {
  readonly errors: ValidationError[] = [];
  constructor(
    private readonly url: URL,
    allowed: readonly string[],
  ) {
    for (const k of url.searchParams.keys())
      if (!allowed.includes(k)) this.errors.push({ field: k, detail: `Query param "${k}" is not a valid query param` });
  }

  /** `limit`: a positive int32; 0 means no limit. */
  limit(fallback: number): number {
    const raw = this.url.searchParams.get("limit");
    if (raw === null || raw === "") return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) > INT32_MAX) {
      this.errors.push({ field: "limit", detail: `Query param "limit" must be a valid positive integer` });
      return fallback;
    }
    return Number(raw);
  }

  list(name: string, valid?: readonly string[], check?: (v: string) => boolean): string[] {
    const values = (this.url.searchParams.get(name) ?? "").split(",").filter(Boolean);
    for (const v of values)
      if ((valid && !valid.includes(v)) || (check && !check(v)))
        this.errors.push({ field: name, detail: `Query param "${name}" has invalid value "${v}"` });
    return values.map((v) => v.toLowerCase());
  }

  tags(): Record<string, string> | undefined {
    const raw = this.url.searchParams.get("tags");
    if (!raw) return undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      if (!Object.values(parsed).every((v) => typeof v === "string")) throw new Error("not strings");
      return parsed as Record<string, string>;
    } catch {
      this.errors.push({ field: "tags", detail: `Query param "tags" must be a valid JSON object of strings` });
      return undefined;
    }
  }

  done(): void {
    if (this.errors.length > 0) throw new HttpError(400, "Invalid query parameters.", undefined, this.errors);
  }
}

function organizationParam(store: Store, c: Context): OrganizationRecord {
  const raw = c.req.param("organization");
  const org = [...store.organizations.values()].find(
    (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
  );
  if (!org) throw new NotFound();
  return org;
}

export interface ProvisionerRouteOptions {
  /** Off: answer the job list like a Coder from before it existed (404), for the overview's fallback. */
  jobsEndpoint: boolean;
}

/**
 * The organization's provisioner jobs (owners only, else 404 as in Coder) and daemons (any member
 * of the organization may read them, as in Coder), and cancelling a template version's import job.
 */
export function provisionerRoutes(deps: ApiDeps, opts: ProvisionerRouteOptions): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);

  const jobJson = (j: JobRecord) => ({
    ...jobView(store, j),
    available_workers:
      j.status === "pending"
        ? store.provisioners.filter((p) => daemonCanTake(p.tags, j.tags)).map((p) => p.id)
        : undefined,
  });

  const readableJobs = (c: Context<ApiEnv>): OrganizationRecord => {
    const org = organizationParam(store, c);
    if (!opts.jobsEndpoint || !c.get("user").admin) throw new NotFound();
    return org;
  };

  if (opts.jobsEndpoint) {
    app.get("/organizations/:organization/provisionerjobs/:job", auth, (c) => {
      const org = readableJobs(c);
      const job = store.jobs.get(uuidParam(c, "job"));
      if (!job || job.organization_id !== org.id) throw new NotFound();
      return json(c, 200, jobJson(job));
    });
  }

  app.get("/organizations/:organization/provisionerjobs", auth, (c) => {
    const org = readableJobs(c);
    const q = new QueryParser(new URL(c.req.url), ["limit", "status", "ids", "tags", "initiator"]);
    const limit = q.limit(50);
    const statuses = q.list("status", JOB_STATUSES);
    const ids = q.list("ids", undefined, isUuid);
    const tags = q.tags();
    const initiator = q.list("initiator", undefined, isUuid)[0];
    q.done();
    // Newest first, as coderd's query orders them.
    const jobs = [...store.jobs.values()]
      .filter(
        (j) =>
          j.organization_id === org.id &&
          (statuses.length === 0 || statuses.includes(j.status)) &&
          (ids.length === 0 || ids.includes(j.id)) &&
          (!initiator || j.initiator_id === initiator) &&
          (!tags || Object.entries(tags).every(([k, v]) => j.tags[k] === v)),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.ordinal - a.ordinal)
      .slice(0, limit > 0 ? limit : undefined);
    return json(c, 200, jobs.map(jobJson));
  });

  app.get("/organizations/:organization/provisionerdaemons", auth, (c) => {
    organizationParam(store, c);
    const q = new QueryParser(new URL(c.req.url), ["limit", "ids", "tags", "status", "offline", "max_age"]);
    const limit = q.limit(50);
    const ids = q.list("ids", undefined, isUuid);
    const tags = q.tags();
    const statuses = q.list("status", DAEMON_STATUSES);
    const offlineRaw = c.req.query("offline");
    if (offlineRaw !== undefined && !["true", "false", ""].includes(offlineRaw))
      q.errors.push({ field: "offline", detail: `Query param "offline" must be a valid boolean` });
    q.done();
    // Offline daemons only when asked for (`offline=true`, or the offline status).
    const withOffline = offlineRaw === "true" || statuses.includes("offline");
    const daemons = store.provisioners
      .filter(
        (d) =>
          (withOffline || !d.offline_since) &&
          (ids.length === 0 || ids.includes(d.id)) &&
          (!tags || daemonCanTake(d.tags, tags)) &&
          (statuses.length === 0 || statuses.includes(daemonStatus(d))),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || a.name.localeCompare(b.name))
      .slice(0, limit > 0 ? limit : undefined);
    return json(
      c,
      200,
      daemons.map((d) => daemonView(store, d, deps.buildInfo.version)),
    );
  });

  app.patch("/templateversions/:templateversion/cancel", auth, (c) => {
    const version = store.versions.get(uuidParam(c, "templateversion"));
    if (!version) throw new NotFound();
    cancelTemplateVersion(store, version, c.get("user"));
    return json(c, 200, { message: "Job has been marked as canceled." });
  });

  return app;
}
