import { Hono } from "hono";
import { JOB_STATUSES, type ValidationError } from "../../../api/types";
import { jobView } from "../../store/views";
import { HttpError, notFound } from "../../util/errors";
import { requireAuth } from "../auth";
import type { ApiDeps } from "../deps";
import type { ApiEnv } from "../env";
import { isUuid } from "../params";
import { json } from "../respond";

const JOB_QUERY_PARAMS = new Set(["limit", "status", "ids", "tags", "initiator"]);

/** Build info (public) and the organization's provisioner job queue (owners only, else 404 as in Coder). */
export function miscRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const { store } = deps;
  const app = new Hono<ApiEnv>();
  const auth = requireAuth(store);

  app.get("/buildinfo", (c) =>
    json(c, 200, {
      // Coder links the commit it was built from here; the deployment's own URL is dashboard_url.
      external_url: "https://github.com/coder/coder",
      version: deps.buildInfo.version,
      dashboard_url: new URL(c.req.url).origin,
      telemetry: false,
      workspace_proxy: false,
      agent_api_version: "2.6",
      provisioner_api_version: "1.7",
      upgrade_message: "",
      deployment_id: store.defaultOrganization().id,
    }),
  );

  app.get("/organizations/:organization/provisionerjobs", auth, (c) => {
    const raw = c.req.param("organization");
    const org = [...store.organizations.values()].find(
      (o) => o.id === raw || o.name === raw || (raw === "default" && o.is_default),
    );
    if (!org || !c.get("user").admin) throw notFound();
    const url = new URL(c.req.url);
    const errors: ValidationError[] = [];
    for (const k of url.searchParams.keys())
      if (!JOB_QUERY_PARAMS.has(k)) errors.push({ field: k, detail: `Query param "${k}" is not a valid query param` });
    const limitRaw = url.searchParams.get("limit");
    let limit = 50;
    if (limitRaw !== null && limitRaw !== "") {
      if (!/^\d+$/.test(limitRaw) || Number(limitRaw) > 2147483647)
        errors.push({ field: "limit", detail: `Query param "limit" must be a valid positive integer` });
      else limit = Number(limitRaw);
    }
    const statuses = (url.searchParams.get("status") ?? "").split(",").filter(Boolean);
    for (const s of statuses)
      if (!(JOB_STATUSES as readonly string[]).includes(s))
        errors.push({ field: "status", detail: `Query param "status" has invalid value "${s}"` });
    const ids = (url.searchParams.get("ids") ?? "").split(",").filter(Boolean);
    for (const id of ids)
      if (!isUuid(id)) errors.push({ field: "ids", detail: `Query param "ids" has invalid uuid "${id}"` });
    let tags: Record<string, string> = {};
    const tagsRaw = url.searchParams.get("tags");
    if (tagsRaw) {
      try {
        const parsed: unknown = JSON.parse(tagsRaw);
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
        tags = parsed as Record<string, string>;
      } catch {
        errors.push({ field: "tags", detail: `Query param "tags" must be a valid JSON object of strings` });
      }
    }
    const initiator = url.searchParams.get("initiator");
    if (initiator && !isUuid(initiator))
      errors.push({ field: "initiator", detail: `Query param "initiator" must be a valid uuid` });
    if (errors.length > 0) throw new HttpError(400, "Invalid query parameters.", undefined, errors);
    const jobs = [...store.jobs.values()]
      .filter(
        (j) =>
          j.organization_id === org.id &&
          (statuses.length === 0 || statuses.includes(j.status)) &&
          (ids.length === 0 || ids.includes(j.id)) &&
          (!initiator || j.initiator_id === initiator.toLowerCase()) &&
          Object.entries(tags).every(([k, v]) => j.tags[k] === v),
      )
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.ordinal - a.ordinal)
      .slice(0, limit > 0 ? limit : undefined);
    return json(
      c,
      200,
      jobs.map((j) => ({
        ...jobView(store, j),
        available_workers: j.status === "pending" && !j.hold ? store.provisioners.map((p) => p.id) : [],
      })),
    );
  });

  return app;
}
